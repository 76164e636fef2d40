package nl.notaris.portal.questionnaire.assignment;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A questionnaire the office sent to a client's account for a dossier. The index serves the
 * client's count of open questionnaires (Home, "Actions").
 */
@Document("assignments")
@CompoundIndex(name = "account_status", def = "{'accountId': 1, 'status': 1}")
public record QuestionnaireAssignment(@Id String id, String dossierId, String accountId, String questionnaireId,
        AssignmentStatus status, Instant assignedAt) {
}
