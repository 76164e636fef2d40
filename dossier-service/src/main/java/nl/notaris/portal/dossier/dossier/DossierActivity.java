package nl.notaris.portal.dossier.dossier;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Moves a dossier's last activity ({@code lastActivityAt}) to the moment something happened in it
 * that its clients see elsewhere in the portal: a document published or delivered, a message, a
 * questionnaire sent or completed (the work package hands these over from their events).
 *
 * <p>The latest moment wins ({@code $max}), so a repeated or late event changes nothing. The update
 * names the collection, not the entity, so it leaves the dossier's version alone: a client's message
 * never makes the office's concurrent change of the dossier fail. A save that read the dossier before
 * this update cannot write back an older time either, because every change sets the last activity to
 * its own, later, moment ({@link Dossier}).
 */
@Component
public class DossierActivity {

    static final String COLLECTION = "dossiers";

    private final MongoTemplate mongo;

    public DossierActivity(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Records that something happened at {@code at}; an unknown dossier is passed over. */
    public void happened(String dossierId, Instant at) {
        mongo.updateFirst(query(where("_id").is(dossierId)), new Update().max("lastActivityAt", at), COLLECTION);
    }
}
