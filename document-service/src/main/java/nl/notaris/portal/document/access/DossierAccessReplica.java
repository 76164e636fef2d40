package nl.notaris.portal.document.access;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import nl.notaris.portal.support.web.NotFoundException;

/** Reads and updates the dossier access replica. */
@Component
public class DossierAccessReplica {

    private final MongoTemplate mongo;

    DossierAccessReplica(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The dossier, when the caller may see it; otherwise 404, as if it did not exist. */
    public DossierAccess require(String dossierId, List<String> callerKeys) {
        return find(dossierId).filter(access -> access.allows(callerKeys))
                .orElseThrow(() -> new NotFoundException("Dossier " + dossierId + " was not found."));
    }

    public Optional<DossierAccess> find(String dossierId) {
        return Optional.ofNullable(mongo.findById(dossierId, DossierAccess.class));
    }

    /** Applies a dossier state unless the replica already has this version or a newer one. */
    public void apply(String dossierId, List<String> accessKeys, long version) {
        try {
            mongo.upsert(query(where("_id").is(dossierId).and("version").lt(version)),
                    new Update().set("accessKeys", accessKeys).set("version", version), DossierAccess.class);
        } catch (DuplicateKeyException newerVersionStored) {
            // the upsert found no older version and tried to insert: the replica is already newer
        }
    }
}
