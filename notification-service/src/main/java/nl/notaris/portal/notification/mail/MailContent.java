package nl.notaris.portal.notification.mail;

/**
 * A rendered e-mail: subject and the same body as plain text and as HTML; {@code unsubscribe} (the
 * client's e-mail choices) becomes the {@code List-Unsubscribe} header of mails the client may switch off.
 */
public record MailContent(String subject, String text, String html, String unsubscribe) {

    public MailContent(String subject, String text, String html) {
        this(subject, text, html, null);
    }
}
