package nl.notaris.portal.notification.mail;

/**
 * Everything a notification template may show (NOT-1): a link into the portal and the office's
 * name. There is no field for a title, file name, subject, message text or answer, so no template
 * can put anything confidential in a mailbox.
 */
public record MailModel(String link, String officeName) {
}
