package nl.notaris.portal.support.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The one rule of who may see a dossier. A dossier grants access under keys: a party that is a
 * person (or a company's extra account) opens it to that account alone; a company's main account
 * as party opens it to every account of that company. A caller holds the key of its own account
 * and, when it belongs to a company, the company's key. Dossiers and their replicas store the keys;
 * a caller may see a dossier when one of its keys is among them.
 */
public final class AccessKeys {

    /** The account type of a company's main account, as Keycloak's {@code account_type} attribute holds it. */
    public static final String COMPANY_MAIN = "COMPANY_MAIN";

    private AccessKeys() {
    }

    /** The key a party gives access under. */
    public static String ofParty(String accountId, String accountType, String companyId) {
        return COMPANY_MAIN.equals(accountType) && companyId != null && !companyId.isBlank()
                ? company(companyId)
                : account(accountId);
    }

    /** The keys a caller holds: its account, and its company when it belongs to one. */
    public static List<String> ofCaller(String accountId, String companyId) {
        List<String> keys = new ArrayList<>();
        keys.add(account(accountId));
        if (companyId != null && !companyId.isBlank()) {
            keys.add(company(companyId));
        }
        return keys;
    }

    /** Whether a caller with {@code callerKeys} may see a dossier that grants {@code dossierKeys}. */
    public static boolean grants(Collection<String> dossierKeys, Collection<String> callerKeys) {
        return callerKeys.stream().anyMatch(dossierKeys::contains);
    }

    static String account(String accountId) {
        return "account:" + accountId;
    }

    static String company(String companyId) {
        return "company:" + companyId;
    }
}
