package nl.notaris.portal.support.access;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
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
 * <p>
 * Parties and staff are answered from the replica. Access through a client's grant (ADV-1) is let in
 * only where a service asks for it ({@link #requireReading}, {@link #requireDelivering}), and is
 * confirmed by the owner on every call: a grant is usable the moment it is made, a revoked one is
 * refused at the next call, and the owner records its use. Advisers are few, so the extra call is too.
 */
public class DossierAccessReplica {

    private final MongoTemplate mongo;
    private final DossierOwner owner;
    private final Clock clock;

    public DossierAccessReplica(MongoTemplate mongo, DossierOwner owner, Clock clock) {
        this.mongo = mongo;
        this.owner = owner;
        this.clock = clock;
    }

    /**
     * The dossier when the caller is staff or a party; otherwise 404, exactly as if it did not exist.
     * An adviser's grant does not count here: what is not opened to advisers stays closed to them.
     */
    public DossierAccess require(String dossierId, Caller caller) {
        return find(dossierId).or(() -> fetchFromOwner(dossierId))
                .filter(access -> access.isVisibleTo(caller))
                .orElseThrow(() -> notFound(dossierId));
    }

    /** As {@link #require}, and also for an adviser whose grant lasts: to read documents and progress. */
    public DossierAccess requireReading(String dossierId, Caller caller) {
        return requireWithGrant(dossierId, caller, grant -> true);
    }

    /** As {@link #require}, and also for an adviser whose grant lasts and allows delivering (messages with files). */
    public DossierAccess requireDelivering(String dossierId, Caller caller) {
        return requireWithGrant(dossierId, caller, AccessGrant::allowsDelivery);
    }

    private DossierAccess requireWithGrant(String dossierId, Caller caller, Predicate<AccessGrant> allows) {
        Optional<DossierAccess> known = find(dossierId).filter(access -> access.isVisibleTo(caller));
        if (known.isPresent()) {
            return known.get();
        }
        return fetchFromOwner(dossierId)
                .filter(access -> access.isVisibleTo(caller)
                        || access.grantOf(caller, clock.instant()).filter(allows).isPresent())
                .orElseThrow(() -> notFound(dossierId));
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
                            .set("accessKeys", state.accessKeys()).set("grants", state.grants())
                            .set("version", state.version()),
                    DossierAccess.class);
        } catch (DuplicateKeyException newerVersionStored) {
            // the upsert found no older version and tried to insert: the replica is already as new or newer
        }
    }

    private static NotFoundException notFound(String dossierId) {
        return new NotFoundException("Dossier " + dossierId + " was not found.");
    }

    private Optional<DossierAccess> fetchFromOwner(String dossierId) {
        Optional<DossierAccess> fetched = owner.fetch(dossierId);
        fetched.ifPresent(this::apply);
        return fetched;
    }
}
