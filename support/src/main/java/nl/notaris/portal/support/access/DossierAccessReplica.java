package nl.notaris.portal.support.access;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.NotFoundException;

/**
 * This service's replica of who may see which dossier, kept from {@code portal.dossiers.v1}. A
 * dossier the replica does not know yet (its event is still on its way) is asked of its owner once,
 * so that a tool that creates a dossier and at once acts on it is not told it does not exist.
 */
public class DossierAccessReplica {

    private final MongoTemplate mongo;
    private final DossierOwner owner;

    public DossierAccessReplica(MongoTemplate mongo, DossierOwner owner) {
        this.mongo = mongo;
        this.owner = owner;
    }

    /** The dossier when the caller may see it; otherwise 404, exactly as if it did not exist. */
    public DossierAccess require(String dossierId, Caller caller) {
        return find(dossierId).or(() -> fetchFromOwner(dossierId))
                .filter(access -> access.isVisibleTo(caller))
                .orElseThrow(() -> new NotFoundException("Dossier " + dossierId + " was not found."));
    }

    /**
     * Of these dossiers, the ones the caller may see, in their order; one the caller may not see, or that
     * the replica does not know, is left out as if it did not exist (one query, no owner asked: for the
     * counts of a page of a list).
     */
    public List<String> visibleOf(Caller caller, List<String> dossierIds) {
        Set<String> visible = mongo.find(query(where("_id").in(dossierIds)), DossierAccess.class).stream()
                .filter(access -> access.isVisibleTo(caller)).map(DossierAccess::dossierId).collect(Collectors.toSet());
        return dossierIds.stream().filter(visible::contains).toList();
    }

    /** What the replica knows, without asking the owner (for consumers, which have no caller). */
    public Optional<DossierAccess> find(String dossierId) {
        return Optional.ofNullable(mongo.findById(dossierId, DossierAccess.class));
    }

    /** Stores a dossier's state unless the replica already has this version or a newer one. */
    public void apply(DossierAccess state) {
        try {
            mongo.upsert(query(where("_id").is(state.dossierId()).and("version").lt(state.version())),
                    new Update().set("number", state.number()).set("parties", state.parties())
                            .set("accessKeys", state.accessKeys()).set("version", state.version()),
                    DossierAccess.class);
        } catch (DuplicateKeyException newerVersionStored) {
            // the upsert found no older version and tried to insert: the replica is already as new or newer
        }
    }

    private Optional<DossierAccess> fetchFromOwner(String dossierId) {
        Optional<DossierAccess> fetched = owner.fetch(dossierId);
        fetched.ifPresent(this::apply);
        return fetched;
    }
}
