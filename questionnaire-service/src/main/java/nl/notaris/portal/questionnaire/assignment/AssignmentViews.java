package nl.notaris.portal.questionnaire.assignment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.notaris.portal.questionnaire.definition.Definition;

/** What the client and the office see of assignments. */
final class AssignmentViews {

    private AssignmentViews() {
    }

    /** An open questionnaire under "Acties". */
    record ActionItem(String assignmentId, String title, String dossierId, String dossierNumber, LocalDate dueDate,
            Instant assignedAt, String currentPageId) {
    }

    record ActionList(List<ActionItem> items) {
    }

    record ActionsSummary(long open) {
    }

    /**
     * One questionnaire for the client: its pages, the answers saved so far, the page to continue
     * on (null at the start and once every page is saved) and per page the JSON Schema of its answers.
     */
    record ClientAssignment(String id, String title, String intro, String dossierId, String dossierNumber,
            LocalDate dueDate, AssignmentStatus status, String currentPageId, Instant completedAt, String pdfDocumentId,
            List<Definition.Page> pages, Map<String, Map<String, Object>> answers,
            Map<String, Map<String, Object>> schemas) {
    }

    /** One questionnaire for the office: where the client is; the answers are read separately once completed. */
    record StaffAssignment(String id, String dossierId, String questionnaire, int version, String title,
            Recipient recipient, AssignmentStatus status, LocalDate dueDate, Instant assignedAt, int pagesSaved,
            int pages, Instant completedAt, String pdfDocumentId) {
    }

    record Recipient(String accountId, String email) {
    }

    /** The answers of a completed questionnaire, per page and question id, for the office's tools. */
    record CompletedAnswers(String assignmentId, String questionnaire, int version, Instant completedAt,
            Map<String, Map<String, Object>> answers) {
    }
}
