package nl.notaris.portal.identity.accounts;

/** A person, a company's main account, or one of its extra accounts (Keycloak's {@code account_type}). */
public enum AccountType {
    PERSON, COMPANY_MAIN, COMPANY_EXTRA
}
