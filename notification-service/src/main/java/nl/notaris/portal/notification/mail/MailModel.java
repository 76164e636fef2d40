package nl.notaris.portal.notification.mail;

/**
 * Everything a template may show (NOT-1): a link into the portal, the office's name, the recipient's
 * own name for the greeting (none: the neutral greeting), until when a link is valid, by when the office
 * asks for something, how many new documents there are, and the link to the client's e-mail choices.
 * There is no field for a title, file name, subject, message text or answer, so no template can put
 * anything confidential in a mailbox.
 */
public record MailModel(String link, String officeName, String recipientName, String validUntil, String dueDate,
        Integer count, String preferencesLink) {

    public MailModel(String link, String officeName) {
        this(link, officeName, null, null, null, null, null);
    }

    /** Greets by this name; a blank or missing one leaves the neutral greeting. */
    public MailModel withRecipientName(String name) {
        return new MailModel(link, officeName, name == null || name.isBlank() ? null : name.strip(), validUntil,
                dueDate, count, preferencesLink);
    }

    public MailModel withValidUntil(String date) {
        return new MailModel(link, officeName, recipientName, date, dueDate, count, preferencesLink);
    }

    public MailModel withDueDate(String date) {
        return new MailModel(link, officeName, recipientName, validUntil, date, count, preferencesLink);
    }

    public MailModel withCount(Integer number) {
        return new MailModel(link, officeName, recipientName, validUntil, dueDate, number, preferencesLink);
    }

    public MailModel withPreferencesLink(String preferences) {
        return new MailModel(link, officeName, recipientName, validUntil, dueDate, count, preferences);
    }

    /** More than one (documents): the templates' plural. */
    public boolean several() {
        return count != null && count > 1;
    }
}
