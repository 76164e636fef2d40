package nl.notaris.portal.identity.accounts;

/**
 * Which e-mails a client wants (ME-3): new documents, a questionnaire waiting, a message from the
 * handler. All on until the client switches one off; onboarding and password e-mails are always sent.
 */
public record NotificationPreferences(boolean documents, boolean questionnaires, boolean messages) {

    public static final NotificationPreferences ALL_ON = new NotificationPreferences(true, true, true);
}
