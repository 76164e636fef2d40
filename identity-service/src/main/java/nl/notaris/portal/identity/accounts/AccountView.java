package nl.notaris.portal.identity.accounts;

import java.time.Instant;

/** An account as staff (and a company's main account, for its extra accounts) see it. */
public record AccountView(String id, AccountType type, String email, String firstName, String lastName, String name,
        String companyId, String companyName, String language, String phone, AccountState state, Instant invitedAt,
        Instant activatedAt) {

    public static AccountView of(Account a) {
        return new AccountView(a.getId(), a.getType(), a.getEmail(), a.getFirstName(), a.getLastName(), a.name(),
                a.getCompanyId(), a.getCompanyName(), a.getLanguage(), a.getPhone(), a.getState(), a.getInvitedAt(),
                a.getActivatedAt());
    }
}
