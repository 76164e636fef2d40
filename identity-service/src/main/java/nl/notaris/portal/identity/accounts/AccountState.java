package nl.notaris.portal.identity.accounts;

/**
 * INVITED until the client set a password, ACTIVE afterwards, BLOCKED when the account is disabled
 * in Keycloak, REMOVED once deleted (its address may be invited again).
 */
public enum AccountState {
    INVITED, ACTIVE, BLOCKED, REMOVED
}
