package nl.notaris.portal.keycloak.sms;

/** A text message that was not sent. The message names the reason, never the text or the whole number. */
public class SmsNotSentException extends Exception {

    public SmsNotSentException(String message) {
        super(message);
    }

    public SmsNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
