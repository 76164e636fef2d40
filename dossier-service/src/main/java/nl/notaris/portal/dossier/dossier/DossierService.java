package nl.notaris.portal.dossier.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;

import nl.notaris.portal.dossier.parties.AccountDirectory;
import nl.notaris.portal.dossier.parties.AccountNames;
import nl.notaris.portal.dossier.parties.Party;
import nl.notaris.portal.dossier.progress.ProgressStep;
import nl.notaris.portal.support.audit.StaffAction;
import nl.notaris.portal.support.audit.StaffActions;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.ConflictException;
import nl.notaris.portal.support.web.EnumParameter;
import nl.notaris.portal.support.web.InvalidRequestException;
import nl.notaris.portal.support.web.NotFoundException;

/**
 * What staff and clients do with dossiers (STF-2, DOS-1..4). Every staff change is recorded
 * ({@link StaffActions}) in the same write as the change and its dossier event.
 */
@Service
public class DossierService {

    private final DossierRepository dossiers;
    private final AccountDirectory accounts;
    private final DossierEvents events;
    private final StaffActions staffActions;
    private final AccountNames names;
    private final GrantUses grantUses;
    private final Clock clock;

    DossierService(DossierRepository dossiers, AccountDirectory accounts, DossierEvents events,
            StaffActions staffActions, AccountNames names, GrantUses grantUses, Clock clock) {
        this.names = names;
        this.grantUses = grantUses;
        this.dossiers = dossiers;
        this.accounts = accounts;
        this.events = events;
        this.staffActions = staffActions;
        this.clock = clock;
    }

    public Dossier create(Caller staff, String number, String description, String status, List<String> partyEmails) {
        DossierStatus parsedStatus = EnumParameter.parseOr(DossierStatus.class, "status", status,
                DossierStatus.IN_PROGRESS);
        if (dossiers.existsByNumber(number.trim())) {
            throw duplicate(number);
        }
        Dossier dossier = Dossier.open(number, description, parsedStatus, resolve(partyEmails), clock.instant());
        dossier.record(events.created(dossier));
        dossier.record(staffActions.recorded(staff, StaffAction.dossierCreated(dossier.getId(),
                dossier.getStatus().name(), accountIds(dossier.getParties()))));
        try {
            return dossiers.insert(dossier);
        } catch (DuplicateKeyException e) {
            throw duplicate(number);
        }
    }

    public Dossier update(Caller staff, String id, String description, String status) {
        Dossier dossier = get(id);
        Set<Dossier.Change> changes = Dossier.noChanges();
        if (description != null && dossier.describe(description, clock.instant())) {
            changes.add(Dossier.Change.DESCRIPTION);
        }
        if (status != null
                && dossier.changeStatus(EnumParameter.parse(DossierStatus.class, "status", status), clock.instant())) {
            changes.add(Dossier.Change.STATUS);
        }
        return saveChanges(staff, dossier, changes, () -> StaffAction.dossierChanged(dossier.getId(),
                changes.stream().map(Enum::name).sorted().toList(), dossier.getStatus().name()));
    }

    public Dossier replaceParties(Caller staff, String id, List<String> partyEmails) {
        Dossier dossier = get(id);
        List<Party> parties = resolve(partyEmails);
        List<String> before = accountIds(dossier.getParties());
        Set<Dossier.Change> changes = Dossier.noChanges();
        if (dossier.replaceParties(parties, clock.instant())) {
            changes.add(Dossier.Change.PARTIES);
        }
        List<String> after = accountIds(dossier.getParties());
        return saveChanges(staff, dossier, changes, () -> StaffAction.partiesChanged(dossier.getId(),
                after.stream().filter(a -> !before.contains(a)).toList(),
                before.stream().filter(b -> !after.contains(b)).toList()));
    }

    public Dossier replaceProgress(Caller staff, String id, List<Dossier.StepInput> steps) {
        Dossier dossier = get(id);
        Set<Dossier.Change> changes = Dossier.noChanges();
        if (dossier.replaceProgress(steps, clock.instant())) {
            changes.add(Dossier.Change.PROGRESS);
        }
        return saveChanges(staff, dossier, changes, () -> StaffAction.progressChanged(dossier.getId()));
    }

    /**
     * What a step asked of the client was done: a document request delivered by a client's message that
     * names the step, or a questionnaire request by completing that assignment. An unknown dossier,
     * step or assignment, or a request already fulfilled, changes nothing (a repeated event neither).
     * The change is saved with its dossier event like any other; a concurrent save of the dossier makes
     * it read the dossier again.
     */
    public void fulfilRequest(String dossierId, Predicate<ProgressStep> which, String byAccountId, String messageId,
            Instant at) {
        for (int attempt = 1;; attempt++) {
            Dossier dossier = dossiers.findById(dossierId).orElse(null);
            if (dossier == null || !dossier.fulfilRequest(which,
                    names.nameOf(byAccountId, dossier::getParties).orElse(null), messageId, at)) {
                return;
            }
            dossier.record(events.changed(dossier, EnumSet.of(Dossier.Change.PROGRESS)));
            try {
                dossiers.save(dossier);
                return;
            } catch (OptimisticLockingFailureException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    public Optional<Dossier> find(String id) {
        return dossiers.findById(id);
    }

    public Dossier get(String id) {
        return dossiers.findById(id).orElseThrow(() -> notFound(id));
    }

    /** A caller's view: someone else's dossier is as absent as a dossier that does not exist. */
    public Dossier getFor(Caller caller, String id) {
        return dossiers.findById(id).filter(d -> d.isVisibleTo(caller)).orElseThrow(() -> notFound(id));
    }

    /**
     * The dossier as the caller reads it: as staff or a party, or as an adviser through a grant that
     * lasts at this moment (whose use is recorded). Anyone else, and an adviser whose grant was revoked
     * or has ended, is told it does not exist. Only for what advisers may read (the dossier, its progress,
     * its documents): every other route keeps to {@link #getFor}.
     */
    public DossierReading readFor(Caller caller, String id) {
        Instant now = clock.instant();
        Dossier dossier = dossiers.findById(id).orElseThrow(() -> notFound(id));
        if (dossier.isVisibleTo(caller)) {
            return new DossierReading(dossier, null);
        }
        Grant grant = dossier.liveGrantOf(caller.accountId(), now).orElseThrow(() -> notFound(id));
        grantUses.used(dossier, grant, now);
        return new DossierReading(dossier, grant);
    }

    /** A dossier and the grant it is read through; {@code grant} is null for staff and the dossier's parties. */
    public record DossierReading(Dossier dossier, Grant grant) {

        public boolean throughGrant() {
            return grant != null;
        }
    }

    /**
     * Saves with the aggregate's version check: a concurrent save of the same dossier fails (409), never
     * overwrites. The change's event and the record of the staff action are part of that save; a request
     * that changes nothing records nothing.
     */
    private Dossier saveChanges(Caller staff, Dossier dossier, Set<Dossier.Change> changes,
            Supplier<StaffAction> action) {
        if (changes.isEmpty()) {
            return dossier;
        }
        dossier.record(events.changed(dossier, changes));
        dossier.record(staffActions.recorded(staff, action.get()));
        return dossiers.save(dossier);
    }

    private static List<String> accountIds(List<Party> parties) {
        return parties.stream().map(Party::accountId).distinct().toList();
    }

    private List<Party> resolve(List<String> emails) {
        List<Party> parties = new ArrayList<>();
        for (String email : emails == null ? List.<String>of() : emails) {
            parties.add(accounts.findByEmail(email.trim())
                    .orElseThrow(() -> new InvalidRequestException("parties",
                            "No portal account has the e-mail address '" + email.trim() + "'. Create and invite the account first.")));
        }
        return parties;
    }

    private static ConflictException duplicate(String number) {
        return new ConflictException("A dossier with number '" + number.trim() + "' already exists.");
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("Dossier " + id + " was not found.");
    }
}
