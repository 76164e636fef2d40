package nl.notaris.portal.notification.mail;

/**
 * Sending failed; the listener's error handler retries the event and finally parks it on the dead
 * letter topic. The message names ids only: the mail server's own exception can quote addresses,
 * so only its type is kept.
 */
public class NotificationNotSentException extends RuntimeException {

    public NotificationNotSentException(String eventId, String accountId, Exception cause) {
        super("Mail for event " + eventId + " to account " + accountId + " was not sent ("
                + cause.getClass().getName() + ")");
    }
}
