package nl.notaris.portal.dossier.parties;

/**
 * The account a client's grant is bound to (ADV-1). identity-service owns accounts: it answers the
 * account of the e-mail address as it is (any kind of account), or invites a new adviser account for an
 * address without one, in the granting client's language, its invitation naming who shared which dossier.
 */
public interface AdviserAccounts {

    AdviserAccount accountFor(AdviserInvitation invitation);

    /** What identity-service needs to find or invite the account. */
    record AdviserInvitation(String email, String name, String language, String invitedByName,
            String dossierNumber) {
    }

    /** The account; {@code created}: invited just now, for this grant. */
    record AdviserAccount(String accountId, String email, String name, boolean created) {
    }
}
