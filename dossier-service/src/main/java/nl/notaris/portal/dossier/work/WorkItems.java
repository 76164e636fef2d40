package nl.notaris.portal.dossier.work;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import nl.notaris.portal.support.events.PendingEvent;

/**
 * The stored items of the work queue ({@code work_items}).
 *
 * <p>Index {@code open_newest} {@code {handledAt: 1, occurredAt: -1}} ({@link WorkItem}'s annotation)
 * serves the Werkvoorraad page, {@link #open}: filter {@code handledAt: null} (the open items), sorted
 * {@code occurredAt} newest first, so a page walks the index in order; the count uses the same range.
 * It also narrows {@link #handleOpenMessages} to the open items. Items that happened in the same
 * millisecond have no further order. Index {@code open_per_dossier} {@code {dossierId: 1, handledAt: 1}}
 * serves {@link #openPerDossier}, the numbers of the office's dossier list: the open items of at most
 * one page of dossiers. Everything else finds an item by its {@code _id}.
 */
@Component
class WorkItems {

    static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "occurredAt");

    private final MongoTemplate mongo;

    WorkItems(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores the item unless one with its id exists: an item once made, also a handled one, is never made again. */
    void add(WorkItem item) {
        try {
            mongo.insert(item);
        } catch (DuplicateKeyException alreadyThere) {
            // the same event again, or another instance's job run: the item exists
        }
    }

    /** How many items of each kind are open per dossier, for the given dossiers. */
    Map<String, Map<WorkKind, Long>> openPerDossier(Collection<String> dossierIds) {
        var aggregation = Aggregation.newAggregation(
                Aggregation.match(where("dossierId").in(dossierIds).and("handledAt").is(null)),
                Aggregation.group("dossierId", "kind").count().as("count"));
        Map<String, Map<WorkKind, Long>> counts = new HashMap<>();
        for (Document row : mongo.aggregate(aggregation, WorkItem.class, Document.class)) {
            Document id = row.get("_id", Document.class);
            counts.computeIfAbsent(id.getString("dossierId"), d -> new EnumMap<>(WorkKind.class))
                    .put(WorkKind.valueOf(id.getString("kind")), ((Number) row.get("count")).longValue());
        }
        return counts;
    }

    /** The open items, newest first. */
    Page<WorkItem> open(Pageable pageable) {
        Query open = openQuery();
        long total = mongo.count(open, WorkItem.class);
        List<WorkItem> items = total == 0 ? new ArrayList<>()
                : mongo.find(Query.of(open).with(pageable).with(NEWEST_FIRST), WorkItem.class);
        return new PageImpl<>(items, pageable, total);
    }

    /** Handles the item if it is open; returns whether it was open. */
    boolean handleOpen(String id, Instant at, String by) {
        return mongo.updateFirst(query(where("_id").is(id).and("handledAt").is(null)), handled(at, by), WorkItem.class)
                .getMatchedCount() > 0;
    }

    /**
     * Handles the item if it is open, with {@code record} in the item's {@code pendingEvents} (the
     * {@code work_items} outbox) in the same update: recorded exactly when the item was open.
     */
    boolean handleOpen(String id, Instant at, String by, PendingEvent record) {
        return mongo.updateFirst(query(where("_id").is(id).and("handledAt").is(null)),
                handled(at, by).push("pendingEvents", record), WorkItem.class).getMatchedCount() > 0;
    }

    /** Handles every open message item of the dossier sent up to {@code until}. */
    long handleOpenMessages(String dossierId, Instant until, String by) {
        Query messages = query(openItems().and("kind").is(WorkKind.MESSAGE).and("dossierId").is(dossierId)
                .and("occurredAt").lte(until));
        return mongo.updateMulti(messages, handled(until, by), WorkItem.class).getModifiedCount();
    }

    boolean exists(String id) {
        return mongo.findById(id, WorkItem.class) != null;
    }

    WorkItem find(String id) {
        return mongo.findById(id, WorkItem.class);
    }

    /** The open items' filter, without sort and page. */
    static Query openQuery() {
        return query(openItems());
    }

    private static Criteria openItems() {
        return where("handledAt").is(null);
    }

    private static Update handled(Instant at, String by) {
        return new Update().set("handledAt", at).set("handledBy", by);
    }
}
