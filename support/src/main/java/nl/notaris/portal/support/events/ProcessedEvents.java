package nl.notaris.portal.support.events;

import java.time.Clock;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Remembers which events a consumer has handled (the document id is consumer + event id, so it is
 * unique). An event whose effect was applied is recorded afterwards: a crash in between makes the
 * effect run again, never get lost, so effects must tolerate a repeat.
 */
public class ProcessedEvents {

    static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;
    private final Clock clock;

    public ProcessedEvents(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Whether this consumer has handled the event (e.g. a test's marker event). */
    public boolean wasHandled(String consumer, String eventId) {
        // by id, not exists(): that counts with an aggregation, more work than a find by _id on MongoDB
        // and a scan of the whole collection on the local stand-in
        return mongo.findById(consumer + ":" + eventId, Document.class, COLLECTION) != null;
    }

    /** Runs {@code effect} unless this consumer already handled the event; returns whether it ran. */
    public boolean handleOnce(String consumer, String eventId, Runnable effect) {
        if (wasHandled(consumer, eventId)) {
            return false;
        }
        String key = consumer + ":" + eventId;
        effect.run();
        try {
            mongo.insert(new Document("_id", key).append("processedAt", clock.instant()), COLLECTION);
        } catch (DuplicateKeyException alreadyRecorded) {
            // handled concurrently by another instance; the effect tolerates the repeat
        }
        return true;
    }
}
