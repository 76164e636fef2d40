package nl.notaris.portal.dossier.work;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Something of a client that waits for the office. Only ids, names the office already knows and
 * moments: never a message's text or a document's content. The id follows from kind and subject
 * ({@link #idOf}), so a redelivered event or a second run of the job finds the item it made before
 * instead of making another.
 *
 * @param dossierId null for an invitation (it belongs to an account)
 * @param dossierNumber the dossier's number when this service knew the dossier at the time, else null
 * @param accountName the account's name among the dossier's parties when known, else null
 * @param dueDate the questionnaire's due date (ISO date), for {@link WorkKind#QUESTIONNAIRE_OVERDUE} only
 * @param handledAt null while the item is open
 * @param handledBy who handled it: the staff caller, or the account whose action handled it
 */
@Document("work_items")
@CompoundIndex(name = "open_newest", def = "{'handledAt': 1, 'occurredAt': -1}")
@CompoundIndex(name = "open_per_dossier", def = "{'dossierId': 1, 'handledAt': 1}")
public record WorkItem(@Id String id, WorkKind kind, String dossierId, String dossierNumber, String accountId,
        String accountName, String subjectId, Instant occurredAt, String dueDate, Instant handledAt,
        String handledBy) {

    /** An open item. */
    static WorkItem open(WorkKind kind, String dossierId, String dossierNumber, String accountId, String accountName,
            String subjectId, Instant occurredAt, String dueDate) {
        return new WorkItem(idOf(kind, subjectId), kind, dossierId, dossierNumber, accountId, accountName, subjectId,
                occurredAt, dueDate, null, null);
    }

    /** The one id of the item of this kind about this subject: opaque and safe in a URL whatever the subject id. */
    static String idOf(WorkKind kind, String subjectId) {
        return UUID.nameUUIDFromBytes((kind.name() + ":" + subjectId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
