package nl.notaris.portal.dossier.dossier;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.bson.types.ObjectId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import nl.notaris.portal.dossier.parties.Party;
import nl.notaris.portal.dossier.progress.Progress;
import nl.notaris.portal.dossier.progress.ProgressStep;
import nl.notaris.portal.support.events.PendingEvent;
import nl.notaris.portal.support.security.Caller;

/**
 * A dossier of the notary office: the aggregate that owns its parties, status and progress list and
 * records the events its changes cause, so that state and events are saved in one write.
 */
@Document("dossiers")
@CompoundIndex(name = "client_list", def = "{'accessKeys': 1, 'status': 1, 'number': -1}")
@CompoundIndex(name = "client_activity", def = "{'accessKeys': 1, 'status': 1, 'lastActivityAt': -1, '_id': -1}")
@CompoundIndex(name = "staff_activity", def = "{'updatedAt': -1, '_id': -1}")
@CompoundIndex(name = "staff_status_activity", def = "{'status': 1, 'updatedAt': -1, '_id': -1}")
@CompoundIndex(name = "staff_status_number", def = "{'status': 1, 'number': -1}")
public class Dossier {

    /** What changed in a {@code portal.dossier.changed} event. */
    public enum Change {
        DESCRIPTION, STATUS, PARTIES, PROGRESS
    }

    @Id
    private String id;
    @Indexed(unique = true)
    private String number;
    private String description;
    /**
     * Number, description and each party's name and e-mail address, in lower case: the one field a
     * search matches (literal substring, see {@link DossierSearch}).
     */
    private String searchText;
    private DossierStatus status;
    private List<Party> parties = new ArrayList<>();
    private List<String> accessKeys = new ArrayList<>();
    private List<ProgressStep> progress = new ArrayList<>();
    /** Counts this dossier's changes; events carry it so replicas ignore stale or repeated ones. */
    private long revision;
    private Instant createdAt;
    /** Set by every change: the dossier's last activity, what the staff list sorts by by default. */
    private Instant updatedAt;
    /**
     * The last thing a client of the dossier could see happen: a change of the dossier (here), or a
     * document, message or questionnaire ({@link DossierActivity}, from their events). What the
     * client's list shows, and sorts by on request.
     */
    private Instant lastActivityAt;
    private List<PendingEvent> pendingEvents = new ArrayList<>();
    @Version
    private Long version;

    protected Dossier() {
    }

    public static Dossier open(String number, String description, DossierStatus status, List<Party> parties,
            Instant now) {
        Dossier dossier = new Dossier();
        // the id is known before the first write, so the created event is part of that same write
        dossier.id = new ObjectId().toHexString();
        dossier.number = number.trim();
        dossier.description = description.trim();
        dossier.status = status == null ? DossierStatus.IN_PROGRESS : status;
        dossier.setParties(parties);
        dossier.createdAt = now;
        dossier.updatedAt = now;
        dossier.lastActivityAt = now;
        dossier.revision = 1;
        dossier.updateSearchText();
        return dossier;
    }

    public boolean describe(String newDescription, Instant now) {
        String trimmed = newDescription.trim();
        if (trimmed.equals(description)) {
            return false;
        }
        description = trimmed;
        return touched(now);
    }

    public boolean changeStatus(DossierStatus newStatus, Instant now) {
        if (newStatus == status) {
            return false;
        }
        status = newStatus;
        return touched(now);
    }

    public boolean replaceParties(List<Party> newParties, Instant now) {
        if (parties.equals(distinct(newParties))) {
            return false;
        }
        setParties(newParties);
        return touched(now);
    }

    /**
     * Replaces the progress list. A step that was already done keeps the moment it was done; a step
     * done now gets {@code now}.
     */
    public boolean replaceProgress(List<StepInput> steps, Instant now) {
        List<ProgressStep> next = steps.stream()
                .map(step -> new ProgressStep(step.title().trim(), step.done(),
                        step.done() ? doneAtOf(step.title().trim()).orElse(now) : null))
                .toList();
        if (next.equals(progress)) {
            return false;
        }
        progress = new ArrayList<>(next);
        return touched(now);
    }

    public record StepInput(String title, boolean done) {
    }

    public void record(PendingEvent event) {
        pendingEvents.add(event);
    }

    /** Staff see every dossier; a client one that one of its keys (its account or company) opens. */
    public boolean isVisibleTo(Caller caller) {
        return caller.isStaff() || caller.mayAccess(accessKeys);
    }

    public static Set<Change> noChanges() {
        return EnumSet.noneOf(Change.class);
    }

    private java.util.Optional<Instant> doneAtOf(String title) {
        return progress.stream().filter(s -> s.done() && s.title().equals(title)).map(ProgressStep::doneAt)
                .filter(Objects::nonNull).findFirst();
    }

    private void setParties(List<Party> newParties) {
        parties = new ArrayList<>(distinct(newParties));
        accessKeys = new ArrayList<>(parties.stream().map(Party::accessKey).distinct().toList());
    }

    private static List<Party> distinct(List<Party> list) {
        return list.stream().distinct().toList();
    }

    /**
     * Every change: the last activity moves, the revision counts, the search text follows. Every
     * change is one the clients see (a party added finds the dossier new in its list), and setting
     * {@code lastActivityAt} here also keeps a save from writing back an older time over an event's
     * that {@link DossierActivity} stored between this dossier's read and its save.
     */
    private boolean touched(Instant now) {
        updatedAt = now;
        if (lastActivityAt == null || lastActivityAt.isBefore(now)) {
            lastActivityAt = now;
        }
        revision++;
        // also brings the search text of a dossier stored before it held the parties up to date
        updateSearchText();
        return true;
    }

    private void updateSearchText() {
        StringBuilder text = new StringBuilder().append(number).append(' ').append(description);
        for (Party party : parties) {
            for (String value : new String[] { party.name(), party.email() }) {
                if (value != null) {
                    text.append('\n').append(value);
                }
            }
        }
        searchText = text.toString().toLowerCase(Locale.ROOT);
    }

    String getSearchText() {
        return searchText;
    }

    public String getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public String getDescription() {
        return description;
    }

    public DossierStatus getStatus() {
        return status;
    }

    public List<Party> getParties() {
        return List.copyOf(parties);
    }

    public List<String> getAccessKeys() {
        return List.copyOf(accessKeys);
    }

    public Progress getProgress() {
        return Progress.of(List.copyOf(progress));
    }

    public long getRevision() {
        return revision;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    /** Null only for a dossier stored before it was kept, until {@link LastActivityBackfill} has run. */
    public Instant getLastActivityAt() {
        return lastActivityAt;
    }

    public List<PendingEvent> getPendingEvents() {
        return List.copyOf(pendingEvents);
    }
}
