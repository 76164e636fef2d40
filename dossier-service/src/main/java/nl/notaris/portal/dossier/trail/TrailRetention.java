package nl.notaris.portal.dossier.trail;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes records older than {@code portal.trail.retention} (recorded then; default ten years), the
 * oldest of each dossier first. Where a dossier's chain is cut, its anchor ({@code trail_anchors}) keeps
 * the place and hash of the last record removed, so that {@link TrailCheck} knows where the chain now
 * starts and what it must start from.
 */
@Component
class TrailRetention {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration retention;

    TrailRetention(MongoTemplate mongo, Clock clock, @Value("${portal.trail.retention:3650d}") Duration retention) {
        this.mongo = mongo;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${portal.trail.retention-check-interval:1h}", initialDelayString = "PT5M")
    void removeExpired() {
        removeRecordedBefore(clock.instant().minus(retention));
    }

    /** Removes, per dossier, the records up to the last one recorded before {@code cutoff}. */
    int removeRecordedBefore(Instant cutoff) {
        var lastExpired = Aggregation.newAggregation(Aggregation.match(where("recordedAt").lt(cutoff)),
                Aggregation.group("dossierId").max("seq").as("seq"));
        int removed = 0;
        for (Document dossier : mongo.aggregate(lastExpired, TrailEntry.class, Document.class)) {
            String dossierId = dossier.getString("_id");
            long seq = dossier.get("seq", Number.class).longValue();
            TrailEntry last = mongo.findOne(query(where("dossierId").is(dossierId).and("seq").is(seq))
                    .with(Sort.by("seq")), TrailEntry.class);
            if (last == null) {
                continue;
            }
            // the anchor first: a crash in between leaves records the anchor covers, which a next run removes
            mongo.upsert(query(where("_id").is(dossierId)),
                    new Update().set("seq", last.seq()).set("hash", last.hash()), TrailCheck.ANCHORS);
            removed += (int) mongo.remove(query(where("dossierId").is(dossierId).and("seq").lte(seq)), TrailEntry.class)
                    .getDeletedCount();
        }
        return removed;
    }
}
