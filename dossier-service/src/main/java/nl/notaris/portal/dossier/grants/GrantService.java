package nl.notaris.portal.dossier.grants;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import nl.notaris.portal.dossier.dossier.AccessEvents;
import nl.notaris.portal.dossier.dossier.Dossier;
import nl.notaris.portal.dossier.dossier.DossierEvents;
import nl.notaris.portal.dossier.dossier.DossierRepository;
import nl.notaris.portal.dossier.dossier.Grant;
import nl.notaris.portal.dossier.dossier.GrantPeriod;
import nl.notaris.portal.dossier.parties.AdviserAccounts;
import nl.notaris.portal.dossier.parties.AdviserAccounts.AdviserAccount;
import nl.notaris.portal.dossier.parties.AdviserAccounts.AdviserInvitation;
import nl.notaris.portal.support.access.AccessGrant;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.NotFoundException;

/**
 * What clients and the office do with grants (ADV-1). A client who may grant ({@link Dossier#mayGrant})
 * gives, shortens and revokes them; to anyone else, an adviser among them, a dossier's grants are as
 * absent as a dossier that does not exist. The office sees and revokes them, and may forbid new ones.
 *
 * <p>Each change is saved with its events in the dossier's one write: {@code portal.dossier.changed}
 * with {@code GRANTS} (every service's access replica) and the grant's own on {@code portal.access.v1}.
 * A grant is bound to its account before it is saved, so the adviser can use it at once.
 */
@Service
public class GrantService {

    private final DossierRepository dossiers;
    private final MongoTemplate mongo;
    private final DossierEvents dossierEvents;
    private final AccessEvents accessEvents;
    private final AdviserAccounts advisers;
    private final Clock clock;

    GrantService(DossierRepository dossiers, MongoTemplate mongo, DossierEvents dossierEvents,
            AccessEvents accessEvents, AdviserAccounts advisers, Clock clock) {
        this.dossiers = dossiers;
        this.mongo = mongo;
        this.dossierEvents = dossierEvents;
        this.accessEvents = accessEvents;
        this.advisers = advisers;
        this.clock = clock;
    }

    /** A new grant from {@code request}; {@code language} is the granting client's, for the invitation of a new account. */
    GrantView grant(Caller caller, String dossierId, NewGrant request, String language) {
        Instant now = clock.instant();
        Dossier dossier = grantableBy(caller, dossierId);
        dossier.checkGrantable(request.email(), null, now);
        LocalDate until = GrantPeriod.untilOfNew(request.until(), now);
        AdviserAccount account = advisers.accountFor(new AdviserInvitation(request.email().trim(),
                request.name().trim(), language, caller.name(), dossier.getNumber()));
        String email = account.email() != null ? account.email() : request.email().trim();
        // read again: the dossier may have changed while identity-service answered
        return changing(() -> grantableBy(caller, dossierId), current -> {
            Grant grant = current.grant(account.accountId(), email, request.name(), request.scope(), until, caller,
                    now);
            current.record(dossierEvents.changed(current, EnumSet.of(Dossier.Change.GRANTS)));
            current.record(accessEvents.granted(current, grant, account.created(), account.created() ? language : null));
            return GrantView.of(current, grant, now);
        });
    }

    GrantView shorten(Caller caller, String dossierId, String grantId, LocalDate until) {
        Instant now = clock.instant();
        return changing(() -> grantableBy(caller, dossierId), dossier -> {
            if (dossier.shortenGrant(grantId, until, now)) {
                dossier.record(dossierEvents.changed(dossier, EnumSet.of(Dossier.Change.GRANTS)));
            }
            return GrantView.of(dossier, dossier.findGrant(grantId).orElseThrow(), now);
        });
    }

    /** Revoked by a client of the dossier; a grant revoked already stays as it is. */
    void revoke(Caller caller, String dossierId, String grantId) {
        revoke(() -> grantableBy(caller, dossierId), grantId, caller, AccessEvents.Side.CLIENT);
    }

    /** The dossier's grants, newest first: for a client who may grant. */
    List<GrantView> grantsOf(Caller caller, String dossierId) {
        return GrantView.allOf(grantableBy(caller, dossierId), clock.instant());
    }

    /** Every grant on every dossier the caller may grant for, newest first ("Toegang voor anderen"). */
    List<GrantView> allOf(Caller caller) {
        Instant now = clock.instant();
        Query withGrants = query(where("accessKeys").in(caller.accessKeys()).and("grants.accountId").exists(true));
        withGrants.fields().include("number", "parties", "accessKeys", "grants");
        return mongo.find(withGrants, Dossier.class).stream().filter(dossier -> dossier.mayGrant(caller))
                .flatMap(dossier -> GrantView.allOf(dossier, now).stream()).sorted(GrantView.NEWEST_FIRST).toList();
    }

    // ---- the office ----------------------------------------------------------------------------

    List<GrantView> grantsForOffice(String dossierId) {
        return GrantView.allOf(existing(dossierId), clock.instant());
    }

    void revokeByOffice(Caller staff, String dossierId, String grantId) {
        revoke(() -> existing(dossierId), grantId, staff, AccessEvents.Side.OFFICE);
    }

    /**
     * Allows or forbids new grants on the dossier. Grants given stay as they are: the office revokes
     * those one by one. Not a change the dossier's events tell (no service's access depends on it).
     */
    boolean allowGrants(String dossierId, boolean allowed) {
        // named by the entity: the dossier's version moves, so a save that read the former policy fails
        if (mongo.updateFirst(query(where("_id").is(dossierId)), Update.update("grantsAllowed", allowed),
                Dossier.class).getMatchedCount() == 0) {
            throw notFound(dossierId);
        }
        return allowed;
    }

    // ----------------------------------------------------------------------------------------------

    private void revoke(Supplier<Dossier> read, String grantId, Caller by, AccessEvents.Side side) {
        Instant now = clock.instant();
        changing(read, dossier -> {
            if (dossier.revokeGrant(grantId, by.name(), now)) {
                dossier.record(dossierEvents.changed(dossier, EnumSet.of(Dossier.Change.GRANTS)));
                dossier.record(accessEvents.revoked(dossier, dossier.findGrant(grantId).orElseThrow(), side));
            }
            return null;
        });
    }

    /**
     * Reads the dossier, changes it and saves it with the events the change recorded (nothing is saved
     * when it recorded none). A concurrent save of the same dossier makes it read the dossier again, the
     * third time it is a 409.
     */
    private <T> T changing(Supplier<Dossier> read, Function<Dossier, T> change) {
        for (int attempt = 1;; attempt++) {
            Dossier dossier = read.get();
            int pending = dossier.getPendingEvents().size();
            T result = change.apply(dossier);
            if (dossier.getPendingEvents().size() == pending) {
                return result;
            }
            try {
                dossiers.save(dossier);
                return result;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** The dossier when the caller may grant for it; for anyone else it does not exist. */
    private Dossier grantableBy(Caller caller, String dossierId) {
        return dossiers.findById(dossierId).filter(dossier -> dossier.mayGrant(caller))
                .orElseThrow(() -> notFound(dossierId));
    }

    private Dossier existing(String dossierId) {
        return dossiers.findById(dossierId).orElseThrow(() -> notFound(dossierId));
    }

    private static NotFoundException notFound(String dossierId) {
        return new NotFoundException("Dossier " + dossierId + " was not found.");
    }

    /** A client's new grant: {@code until} null for the default (30 days). */
    record NewGrant(String email, String name, AccessGrant.Scope scope, LocalDate until) {
    }
}
