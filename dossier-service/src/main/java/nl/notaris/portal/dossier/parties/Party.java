package nl.notaris.portal.dossier.parties;

import nl.notaris.portal.support.security.AccessKeys;

/**
 * A portal account that is a party to a dossier. When it is a company's main account, the whole
 * company (its extra accounts too) gets access.
 */
public record Party(String accountId, String email, String accountType, String companyId) {

    public static final String COMPANY_MAIN = "COMPANY_MAIN";

    public String accessKey() {
        return COMPANY_MAIN.equals(accountType) && companyId != null
                ? AccessKeys.company(companyId)
                : AccessKeys.account(accountId);
    }
}
