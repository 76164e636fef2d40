package nl.notaris.portal.identity.accounts;

/**
 * A person, a company's main account, one of its extra accounts, or an adviser a client let into one of
 * its dossiers (ADV-1) — Keycloak's {@code account_type}. An adviser signs in like a client (realm role
 * {@code client}) and sees only the dossiers granted to its account.
 */
public enum AccountType {
    PERSON, COMPANY_MAIN, COMPANY_EXTRA, ADVISER
}
