package nl.notaris.portal.identity.accounts;

/**
 * Why an adviser's account was invited (ADV-1): which client shared which dossier. The invitation e-mail
 * says so, also when the invitation is sent again; either may be absent.
 */
record AdviserInvitation(String invitedByName, String dossierNumber) {
}
