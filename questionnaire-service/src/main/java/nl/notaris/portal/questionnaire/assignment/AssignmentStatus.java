package nl.notaris.portal.questionnaire.assignment;

/** Whether the client still has to fill in an assigned questionnaire (ACT-1, ACT-5). */
public enum AssignmentStatus {
    OPEN, COMPLETED
}
