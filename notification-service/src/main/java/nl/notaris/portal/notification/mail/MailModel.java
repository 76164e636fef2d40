package nl.notaris.portal.notification.mail;

/**
 * Everything a template may show (NOT-1): a link into the portal, the office's name, until when a
 * link is valid and by when the office asks for something. There is no field for a title, file name,
 * subject, message text or answer, so no template can put anything confidential in a mailbox.
 */
public record MailModel(String link, String officeName, String validUntil, String dueDate) {

    public MailModel(String link, String officeName) {
        this(link, officeName, null, null);
    }
}
