package nl.notaris.portal.notification.mail;

/**
 * Everything a template may show (NOT-1): a link into the portal, the office's name, the recipient's
 * own name for the greeting (none: the neutral greeting), until when a link (or access) is valid, by when
 * the office asks for something, how many new documents there are, the link to the client's e-mail
 * choices, and for an adviser (ADV-1) who shared which dossier, by its number. There is no field for a
 * title, file name, subject, message text or answer, so no template can put anything confidential in a
 * mailbox.
 */
public record MailModel(String link, String officeName, String recipientName, String validUntil, String dueDate,
        Integer count, String preferencesLink, String sharedBy, String dossierNumber) {

    public MailModel(String link, String officeName) {
        this(link, officeName, null, null, null, null, null, null, null);
    }

    /** Greets by this name; a blank or missing one leaves the neutral greeting. */
    public MailModel withRecipientName(String name) {
        return new MailModel(link, officeName, name == null || name.isBlank() ? null : name.strip(), validUntil,
                dueDate, count, preferencesLink, sharedBy, dossierNumber);
    }

    public MailModel withValidUntil(String date) {
        return new MailModel(link, officeName, recipientName, date, dueDate, count, preferencesLink, sharedBy,
                dossierNumber);
    }

    public MailModel withDueDate(String date) {
        return new MailModel(link, officeName, recipientName, validUntil, date, count, preferencesLink, sharedBy,
                dossierNumber);
    }

    public MailModel withCount(Integer number) {
        return new MailModel(link, officeName, recipientName, validUntil, dueDate, number, preferencesLink, sharedBy,
                dossierNumber);
    }

    public MailModel withPreferencesLink(String preferences) {
        return new MailModel(link, officeName, recipientName, validUntil, dueDate, count, preferences, sharedBy,
                dossierNumber);
    }

    /** Who shared which dossier with an adviser (ADV-1); a blank or missing one leaves the templates' general words. */
    public MailModel withSharing(String sharedByName, String number) {
        return new MailModel(link, officeName, recipientName, validUntil, dueDate, count, preferencesLink,
                sharedByName == null || sharedByName.isBlank() ? null : sharedByName.strip(),
                number == null || number.isBlank() ? null : number.strip());
    }

    /** More than one (documents): the templates' plural. */
    public boolean several() {
        return count != null && count > 1;
    }
}
