package nl.notaris.portal.notification.documents;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Gathers published documents per dossier and account for {@code portal.notifications.document-window}
 * (default two minutes) from the first one; a dossier's events arrive on one partition, so one
 * thread adds to a dossier's open digests at a time.
 */
@Component
class DocumentDigests {

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Duration window;

    DocumentDigests(MongoTemplate mongo, Clock clock,
            @Value("${portal.notifications.document-window:2m}") Duration window) {
        this.mongo = mongo;
        this.clock = clock;
        this.window = window;
    }

    /**
     * Counts a published document in the account's open digest of the dossier, once per event; the moment
     * that digest's window ends at the latest.
     */
    Instant add(String eventId, String dossierId, String accountId, String category) {
        Instant now = clock.instant();
        if (mongo.exists(query(where("eventIds").is(eventId).and("accountId").is(accountId)), DocumentDigest.class)) {
            return now.plus(window);
        }
        Update update = new Update().addToSet("eventIds", eventId).setOnInsert("firstAt", now)
                .setOnInsert("dueAt", now.plus(window));
        if (category != null) {
            update.addToSet("categories", category);
        }
        mongo.upsert(query(where("dossierId").is(dossierId).and("accountId").is(accountId)
                .and("status").is(DocumentDigest.Status.OPEN)), update, DocumentDigest.class);
        return now.plus(window);
    }

    /**
     * The digests whose mail should go now: open ones past their window, and queued ones whose mail
     * was not confirmed within {@code stuckAfter} (the queueing crashed half-way: queueing again is
     * safe, the mail goes once per digest and recipient).
     */
    List<DocumentDigest> due(Duration stuckAfter, int limit) {
        Instant now = clock.instant();
        return mongo.find(query(new Criteria().orOperator(
                        where("status").is(DocumentDigest.Status.OPEN).and("dueAt").lte(now),
                        where("status").is(DocumentDigest.Status.QUEUED).and("queuedAt").lte(now.minus(stuckAfter))))
                .with(Sort.by("dueAt")).limit(limit), DocumentDigest.class);
    }

    /** Closes the digest to new documents (only one replica wins); the closed state, or empty when another won. */
    Optional<DocumentDigest> queue(DocumentDigest digest) {
        var stillThere = digest.status() == DocumentDigest.Status.OPEN
                ? where("_id").is(digest.id()).and("status").is(DocumentDigest.Status.OPEN)
                : where("_id").is(digest.id()).and("queuedAt").is(digest.queuedAt());
        return Optional.ofNullable(mongo.findAndModify(query(stillThere),
                new Update().set("status", DocumentDigest.Status.QUEUED).set("queuedAt", clock.instant()),
                FindAndModifyOptions.options().returnNew(true), DocumentDigest.class));
    }

    void sent(String digestId) {
        mongo.updateFirst(query(where("_id").is(digestId)), new Update().set("status", DocumentDigest.Status.SENT),
                DocumentDigest.class);
    }
}
