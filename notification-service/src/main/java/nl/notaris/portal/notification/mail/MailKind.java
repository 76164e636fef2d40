package nl.notaris.portal.notification.mail;

/** The e-mails the portal sends; each has templates in {@code mail/<name>/} per language. */
public enum MailKind {
    DOCUMENT_PUBLISHED("document-published"),
    MESSAGE_RECEIVED("message-received"),
    ACCOUNT_INVITED("account-invited"),
    PASSWORD_SET("password-set"),
    QUESTIONNAIRE_WAITING("questionnaire-waiting");

    private final String templateName;

    MailKind(String templateName) {
        this.templateName = templateName;
    }

    public String templateName() {
        return templateName;
    }
}
