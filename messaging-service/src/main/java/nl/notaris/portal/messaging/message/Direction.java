package nl.notaris.portal.messaging.message;

/**
 * Seen from the client (MSG-1): INCOMING messages come from the office ("Inkomende berichten"),
 * OUTGOING ones were sent by the client ("Uitgaande berichten"). Staff see the same words.
 */
public enum Direction {
    INCOMING, OUTGOING
}
