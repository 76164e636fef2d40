package nl.notaris.portal.dossier.parties;

import nl.notaris.portal.support.security.AccessKeys;

/**
 * A portal account that is a party to a dossier. Who may see the dossier through it is the
 * portal's one access rule ({@link AccessKeys}).
 */
public record Party(String accountId, String email, String accountType, String companyId) {

    public String accessKey() {
        return AccessKeys.ofParty(accountId, accountType, companyId);
    }
}
