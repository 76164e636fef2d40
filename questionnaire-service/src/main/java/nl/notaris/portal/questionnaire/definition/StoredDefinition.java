package nl.notaris.portal.questionnaire.definition;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import nl.notaris.portal.support.events.PendingEvent;

/**
 * One version of a questionnaire; versions never change, so what was sent keeps its questions.
 * {@code pendingEvents} is the {@code questionnaires} outbox: the record of the upload, until relayed.
 */
@Document("questionnaires")
@CompoundIndex(name = "key_version", def = "{'key': 1, 'version': -1}", unique = true)
public record StoredDefinition(@Id String id, String key, int version, Definition definition, Instant createdAt,
        List<PendingEvent> pendingEvents) {

    static String idOf(String key, int version) {
        return key + ":" + version;
    }
}
