package nl.notaris.portal.dossier.dossier;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Records that an adviser used a grant (every service confirms a grant with this service on each call,
 * so each call passes here): the grant's {@code lastUsedAt} at most once a minute, and a record of the
 * use — the {@code portal.access.used} event, from which the activity trail takes it — at most once an
 * hour. Each is a compare-and-set on the grant as it was read (by its place in the list, a path every
 * MongoDB server understands), so of concurrent calls one writes.
 *
 * <p>The last use is written without the dossier's version: a use must not make the office's change
 * of the dossier at the same moment fail, and a save of the dossier that read it before may put back
 * the previous moment (a minute later the next use writes it again). The hourly record adds an event to
 * the dossier's outbox, so it counts as a change (version and all): a concurrent save fails rather than
 * drop the event.
 */
@Component
class GrantUses {

    private final MongoTemplate mongo;
    private final AccessEvents events;

    GrantUses(MongoTemplate mongo, AccessEvents events) {
        this.mongo = mongo;
        this.events = events;
    }

    void used(Dossier dossier, Grant grant, Instant at) {
        Instant now = at.truncatedTo(ChronoUnit.MILLIS);
        // the grant's place in the list as read (grants are only ever added at the end), checked by its id
        String place = "grants." + dossier.getGrants().indexOf(grant);
        if (grant.useToBeRecordedAt(now)) {
            Query unrecorded = query(where("_id").is(dossier.getId()).and(place + "._id").is(grant.id())
                    .and(place + ".useRecordedAt").is(grant.useRecordedAt()));
            // named by the entity: the dossier's version moves (see above)
            mongo.updateFirst(unrecorded, new Update().set(place + ".useRecordedAt", now)
                    .set(place + ".lastUsedAt", now).push("pendingEvents", events.used(dossier, grant, now)),
                    Dossier.class);
        } else if (grant.lastUseOutdatedAt(now)) {
            Query outdated = query(where("_id").is(dossier.getId()).and(place + "._id").is(grant.id())
                    .and(place + ".lastUsedAt").is(grant.lastUsedAt()));
            // named by the collection: the version stays
            mongo.updateFirst(outdated, new Update().set(place + ".lastUsedAt", now), DossierActivity.COLLECTION);
        }
    }
}
