package nl.notaris.portal.notification.accounts;

import nl.notaris.portal.notification.mail.MailKind;

/**
 * The e-mails a client chose to get (ME-3), as identity-service's account events carry them. Mails
 * of the account itself (invitation, password set) and the news that a client shared a dossier with it
 * are always sent.
 */
public record NotificationChoices(boolean documents, boolean questionnaires, boolean messages) {

    public static final NotificationChoices ALL_ON = new NotificationChoices(true, true, true);

    public boolean wants(MailKind kind) {
        return switch (kind) {
            case DOCUMENT_PUBLISHED -> documents;
            case QUESTIONNAIRE_WAITING -> questionnaires;
            case MESSAGE_RECEIVED -> messages;
            // the account's own mails, and the news that a dossier was opened to it (ADV-1)
            case ACCOUNT_INVITED, ADVISER_INVITED, PASSWORD_SET, ACCESS_GRANTED -> true;
        };
    }
}
