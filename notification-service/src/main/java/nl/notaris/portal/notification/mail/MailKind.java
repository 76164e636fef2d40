package nl.notaris.portal.notification.mail;

/** The e-mails the portal sends; each has templates in {@code mail/<name>/} per language. */
public enum MailKind {
    DOCUMENT_PUBLISHED("document-published"),
    MESSAGE_RECEIVED("message-received"),
    ACCOUNT_INVITED("account-invited"),
    /** E-mail #1 for an adviser (ADV-1): who shared which dossier, and the invitation's link. */
    ADVISER_INVITED("adviser-invited"),
    /** An existing account gained access to a client's dossier (ADV-1). */
    ACCESS_GRANTED("access-granted"),
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
