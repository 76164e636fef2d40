package nl.notaris.portal.questionnaire.assignment;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import nl.notaris.portal.questionnaire.events.QuestionnaireTopics;
import nl.notaris.portal.support.events.CloudEventFactory;
import nl.notaris.portal.support.events.PendingEvent;

/**
 * The events of questionnaires: sent (the "questionnaire waiting" e-mail) and completed (the PDF is
 * filed as a delivered document). Never a title or an answer.
 */
@Component
class AssignmentEvents {

    static final String ASSIGNED = "portal.questionnaire.assigned";
    static final String COMPLETED = "portal.questionnaire.completed";

    private final CloudEventFactory events;

    AssignmentEvents(CloudEventFactory events) {
        this.events = events;
    }

    PendingEvent assigned(Assignment a) {
        return events.create(QuestionnaireTopics.TOPIC, a.getDossierId(), ASSIGNED, "assignments/" + a.getId(),
                new Assigned(a.getId(), a.getDossierId(), a.getAccountId(), a.getQuestionnaireKey(), a.getVersion(),
                        a.getDueDate(), a.getAssignedAt()));
    }

    PendingEvent completed(Assignment a) {
        return events.create(QuestionnaireTopics.TOPIC, a.getDossierId(), COMPLETED, "assignments/" + a.getId(),
                new Completed(a.getId(), a.getDossierId(), a.getAccountId(), a.getCompletedAt(), a.getPdfDocumentId()));
    }

    record Assigned(String assignmentId, String dossierId, String accountId, String questionnaireKey, int version,
            LocalDate dueDate, Instant assignedAt) {
    }

    record Completed(String assignmentId, String dossierId, String accountId, Instant completedAt, String pdfDocumentId) {
    }
}
