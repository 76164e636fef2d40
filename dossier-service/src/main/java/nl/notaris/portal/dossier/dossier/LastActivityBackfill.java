package nl.notaris.portal.dossier.dossier;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Date;

import org.bson.Document;
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
 * start-up, which finds nothing once the dossiers have been given their field.
 */
@Component
class LastActivityBackfill implements ApplicationRunner {

    private final MongoTemplate mongo;

    LastActivityBackfill(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
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
