package nl.notaris.portal.dossier.work;

/** What an item of the work queue is about, and so where the office deals with it. */
public enum WorkKind {
    /** A client sent a message (subject: the message). Handled when the office sends one in the dossier. */
    MESSAGE,
    /** A client delivered a document on its own, not with a message or questionnaire (subject: the document). */
    DELIVERY,
    /** A client completed a questionnaire (subject: the assignment). */
    QUESTIONNAIRE_COMPLETED,
    /** A questionnaire's due date passed without it being completed (subject: the assignment). Handled by completion. */
    QUESTIONNAIRE_OVERDUE,
    /** An invited account has not been activated in time (subject: the account). Handled by activation. */
    INVITATION_PENDING
}
