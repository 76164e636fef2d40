package nl.notaris.portal.identity.accounts;

import nl.notaris.portal.identity.keycloak.KeycloakAdminClient.UserRepresentation;
import nl.notaris.portal.support.security.AccessKeys;

/** A portal account as other services need it. */
public record LookedUpAccount(String id, String email, String name, String accountType, String companyId) {

    static LookedUpAccount of(UserRepresentation user) {
        String companyName = user.attribute("company_name");
        String personName = ((user.firstName() == null ? "" : user.firstName()) + " "
                + (user.lastName() == null ? "" : user.lastName())).trim();
        String accountType = user.attribute("account_type") == null ? "PERSON" : user.attribute("account_type");
        return new LookedUpAccount(user.id(), user.email(),
                AccessKeys.COMPANY_MAIN.equals(accountType) && companyName != null ? companyName : personName,
                accountType, user.attribute("company_id"));
    }
}
