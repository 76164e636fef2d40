package nl.notaris.portal.dossier.dossier;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Date;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Gives the dossiers stored before {@code lastActivityAt} existed their last change as last
 * activity, once, at start-up, so that sorting on it puts them in their place. Idempotent (only
 * dossiers without the field, with {@code $max}), so several instances starting together do no harm.
 * Its query has no index (an index cannot find a missing field): one scan of the collection per
 * start-up, which finds nothing once the dossiers have been given their field. A failure (the
 * database not reachable, or the scan slower than the read timeout) does not stop the service: the
 * next start-up tries again.
 */
@Component
class LastActivityBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LastActivityBackfill.class);

    private final MongoTemplate mongo;

    LastActivityBackfill(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            fill();
        } catch (RuntimeException e) {
            log.warn("Last activity of older dossiers not filled this time: {}", e.getClass().getSimpleName());
        }
    }

    void fill() {
        Query missing = query(where("lastActivityAt").exists(false));
        missing.fields().include("_id", "updatedAt");
        for (Document dossier : mongo.find(missing, Document.class, DossierActivity.COLLECTION)) {
            Date updatedAt = dossier.getDate("updatedAt");
            if (updatedAt != null) {
                mongo.updateFirst(query(where("_id").is(dossier.get("_id"))),
                        new Update().max("lastActivityAt", updatedAt), DossierActivity.COLLECTION);
            }
        }
    }
}
