package nl.notaris.portal.notification.recipients;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Reads and updates the replica of the dossiers' parties. */
@Component
public class DossierRecipientsReplica {

    private final MongoTemplate mongo;

    DossierRecipientsReplica(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<DossierRecipients> find(String dossierId) {
        return Optional.ofNullable(mongo.findById(dossierId, DossierRecipients.class));
    }

    /** Applies a dossier's parties unless the replica already has this version or a newer one. */
    public void apply(String dossierId, List<Recipient> parties, long version) {
        try {
            mongo.upsert(query(where("_id").is(dossierId).and("version").lt(version)),
                    new Update().set("parties", parties).set("version", version), DossierRecipients.class);
        } catch (DuplicateKeyException newerVersionStored) {
            // the upsert found no older version and tried to insert: the replica is already newer
        }
    }
}
