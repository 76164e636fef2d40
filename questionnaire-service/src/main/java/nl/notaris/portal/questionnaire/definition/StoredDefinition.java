package nl.notaris.portal.questionnaire.definition;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** One version of a questionnaire; versions never change, so what was sent keeps its questions. */
@Document("questionnaires")
@CompoundIndex(name = "key_version", def = "{'key': 1, 'version': -1}", unique = true)
public record StoredDefinition(@Id String id, String key, int version, Definition definition, Instant createdAt) {

    static String idOf(String key, int version) {
        return key + ":" + version;
    }
}
