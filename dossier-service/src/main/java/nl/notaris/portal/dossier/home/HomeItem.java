package nl.notaris.portal.dossier.home;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Something that happened in a dossier that its clients are told of on Home, kept from its event: a
 * document published, a message from the office, a questionnaire sent (to one account; {@code open}
 * until it is completed). Its id says what it is ({@code document:<id>}, {@code message:<id>},
 * {@code questionnaire:<assignment id>}), so a repeated event writes the same item. Ids and moments
 * only: no title, text or content.
 */
@Document("home_items")
@CompoundIndex(name = "dossier_time", def = "{'dossierId': 1, 'at': -1}")
@CompoundIndex(name = "open_questionnaires", def = "{'accountId': 1, 'open': 1}")
record HomeItem(@Id String id, Kind kind, String dossierId, Instant at, String documentId, String category,
        String messageId, String assignmentId, String accountId, LocalDate dueDate, Boolean open) {

    enum Kind {
        DOCUMENT, MESSAGE, QUESTIONNAIRE
    }

    static HomeItem document(String documentId, String dossierId, String category, Instant at) {
        return new HomeItem("document:" + documentId, Kind.DOCUMENT, dossierId, at, documentId, category, null, null,
                null, null, null);
    }

    static HomeItem message(String messageId, String dossierId, Instant at) {
        return new HomeItem("message:" + messageId, Kind.MESSAGE, dossierId, at, null, null, messageId, null, null,
                null, null);
    }

    static HomeItem questionnaire(String assignmentId, String dossierId, String accountId, LocalDate dueDate,
            Instant at) {
        return new HomeItem(questionnaireId(assignmentId), Kind.QUESTIONNAIRE, dossierId, at, null, null, null,
                assignmentId, accountId, dueDate, true);
    }

    static String questionnaireId(String assignmentId) {
        return "questionnaire:" + assignmentId;
    }
}
