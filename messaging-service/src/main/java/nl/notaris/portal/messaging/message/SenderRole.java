package nl.notaris.portal.messaging.message;

/**
 * Who wrote a message: the office, a client (a party of the dossier), or an adviser a client gave
 * access to the dossier (ADV-1), whose message the office should not take for the client's.
 */
public enum SenderRole {
    CLIENT, ADVISER, OFFICE
}
