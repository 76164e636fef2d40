package nl.notaris.portal.support.security;

/**
 * The keys under which a dossier grants access: a person's account, or a whole company when the
 * company's main account is a party. Stored on dossiers and their replicas, matched against
 * {@link Caller#accessKeys()}.
 */
public final class AccessKeys {

    private AccessKeys() {
    }

    public static String account(String accountId) {
        return "account:" + accountId;
    }

    public static String company(String companyId) {
        return "company:" + companyId;
    }
}
