package nl.notaris.portal.dossier.dossier;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import nl.notaris.portal.dossier.parties.AccountDirectory;
import nl.notaris.portal.dossier.parties.Party;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.ConflictException;
import nl.notaris.portal.support.web.EnumParameter;
import nl.notaris.portal.support.web.InvalidRequestException;
import nl.notaris.portal.support.web.NotFoundException;

/** What staff and clients do with dossiers (STF-2, DOS-1..4). */
@Service
public class DossierService {

    private final DossierRepository dossiers;
    private final AccountDirectory accounts;
    private final DossierEvents events;
    private final Clock clock;

    DossierService(DossierRepository dossiers, AccountDirectory accounts, DossierEvents events, Clock clock) {
        this.dossiers = dossiers;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    public Dossier create(String number, String description, String status, List<String> partyEmails) {
        DossierStatus parsedStatus = EnumParameter.parseOr(DossierStatus.class, "status", status,
                DossierStatus.IN_PROGRESS);
        if (dossiers.existsByNumber(number.trim())) {
            throw duplicate(number);
        }
        Dossier dossier = Dossier.open(number, description, parsedStatus, resolve(partyEmails), clock.instant());
        dossier.record(events.created(dossier));
        try {
            return dossiers.insert(dossier);
        } catch (DuplicateKeyException e) {
            throw duplicate(number);
        }
    }

    public Dossier update(String id, String description, String status) {
        Dossier dossier = get(id);
        Set<Dossier.Change> changes = Dossier.noChanges();
        if (description != null && dossier.describe(description, clock.instant())) {
            changes.add(Dossier.Change.DESCRIPTION);
        }
        if (status != null
                && dossier.changeStatus(EnumParameter.parse(DossierStatus.class, "status", status), clock.instant())) {
            changes.add(Dossier.Change.STATUS);
        }
        return saveChanges(dossier, changes);
    }

    public Dossier replaceParties(String id, List<String> partyEmails) {
        Dossier dossier = get(id);
        List<Party> parties = resolve(partyEmails);
        Set<Dossier.Change> changes = Dossier.noChanges();
        if (dossier.replaceParties(parties, clock.instant())) {
            changes.add(Dossier.Change.PARTIES);
        }
        return saveChanges(dossier, changes);
    }

    public Dossier replaceProgress(String id, List<Dossier.StepInput> steps) {
        Dossier dossier = get(id);
        Set<Dossier.Change> changes = Dossier.noChanges();
        if (dossier.replaceProgress(steps, clock.instant())) {
            changes.add(Dossier.Change.PROGRESS);
        }
        return saveChanges(dossier, changes);
    }

    public Dossier get(String id) {
        return dossiers.findById(id).orElseThrow(() -> notFound(id));
    }

    /** A caller's view: someone else's dossier is as absent as a dossier that does not exist. */
    public Dossier getFor(Caller caller, String id) {
        return dossiers.findById(id).filter(d -> d.isVisibleTo(caller)).orElseThrow(() -> notFound(id));
    }

    /** Saves with the aggregate's version check: a concurrent save of the same dossier fails (409), never overwrites. */
    private Dossier saveChanges(Dossier dossier, Set<Dossier.Change> changes) {
        if (changes.isEmpty()) {
            return dossier;
        }
        dossier.record(events.changed(dossier, changes));
        return dossiers.save(dossier);
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
