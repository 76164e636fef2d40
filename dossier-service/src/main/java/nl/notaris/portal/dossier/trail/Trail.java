package nl.notaris.portal.dossier.trail;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The dossiers' activity trail: append-only, one chain of records per dossier (collection {@code trail}).
 *
 * <p>Appending without transactions: the record takes the place after the dossier's last one (seq + 1,
 * that record's hash as {@code prevHash}) and is inserted; the unique index on (dossier, seq) refuses a
 * second record at the same place, written at the same moment for another event, and this one then
 * takes the next place. Its id is the event's, so an event that comes again finds its record and adds
 * none. {@code trail_heads} keeps each dossier's last place, so that removing the last records shows
 * too ({@link TrailCheck}); it is moved after the insert, so after a crash it may lag, never lead.
 */
@Component
class Trail {

    static final String HEADS = "trail_heads";

    private final MongoTemplate mongo;
    private final Clock clock;

    Trail(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Appends the fact once; false when a record of it exists already. */
    boolean append(TrailEntry.Fact fact) {
        while (true) {
            if (mongo.findById(fact.id(), TrailEntry.class) != null) {
                return false;
            }
            TrailEntry last = mongo.findOne(query(where("dossierId").is(fact.dossierId()))
                    .with(Sort.by(Sort.Direction.DESC, "seq")).limit(1), TrailEntry.class);
            TrailEntry entry;
            if (last != null) {
                entry = fact.after(last.seq() + 1, last.hash(), clock.instant());
            } else {
                // the first record, or the first after retention removed all of them: on from the anchor
                Document anchor = mongo.findById(fact.dossierId(), Document.class, TrailCheck.ANCHORS);
                entry = anchor == null ? fact.after(1, TrailEntry.GENESIS, clock.instant())
                        : fact.after(anchor.get("seq", Number.class).longValue() + 1, anchor.getString("hash"),
                                clock.instant());
            }
            try {
                mongo.insert(entry);
            } catch (DuplicateKeyException taken) {
                continue; // the place or the event's record was taken meanwhile: look again
            }
            mongo.upsert(query(where("_id").is(entry.dossierId())),
                    new Update().max("seq", entry.seq()), HEADS);
            return true;
        }
    }

    /** A page of the dossier's records, newest first. */
    Page<TrailEntry> page(String dossierId, Pageable pageable) {
        Query query = query(where("dossierId").is(dossierId));
        long total = mongo.count(query, TrailEntry.class);
        var entries = mongo.find(query.with(Sort.by(Sort.Direction.DESC, "seq")).with(pageable), TrailEntry.class);
        return new PageImpl<>(entries, pageable, total);
    }
}
