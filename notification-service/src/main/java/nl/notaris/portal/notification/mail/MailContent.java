package nl.notaris.portal.notification.mail;

/** A rendered e-mail: subject and the same body as plain text and as HTML. */
public record MailContent(String subject, String text, String html) {
}
