package nl.notaris.portal.dossier.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import org.bson.types.ObjectId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;

import nl.notaris.portal.dossier.parties.Party;
import nl.notaris.portal.dossier.progress.Progress;
import nl.notaris.portal.dossier.progress.ProgressStep;
import nl.notaris.portal.dossier.progress.StepRequest;
import nl.notaris.portal.support.access.AccessGrant;
import nl.notaris.portal.support.events.PendingEvent;
import nl.notaris.portal.support.security.AccessKeys;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.InvalidRequestException;
import nl.notaris.portal.support.web.NotFoundException;
import nl.notaris.portal.support.web.ProblemException;

/**
 * A dossier of the notary office: the aggregate that owns its parties, status, progress list and the
 * grants its clients gave advisers ({@link Grant}), and records the events its changes cause, so that
 * state and events are saved in one write.
 */
@Document("dossiers")
@CompoundIndex(name = "client_list", def = "{'accessKeys': 1, 'status': 1, 'number': -1}")
@CompoundIndex(name = "client_activity", def = "{'accessKeys': 1, 'status': 1, 'lastActivityAt': -1, '_id': -1}")
@CompoundIndex(name = "staff_activity", def = "{'updatedAt': -1, '_id': -1}")
@CompoundIndex(name = "staff_status_activity", def = "{'status': 1, 'updatedAt': -1, '_id': -1}")
@CompoundIndex(name = "staff_status_number", def = "{'status': 1, 'number': -1}")
@CompoundIndex(name = "grants_account", def = "{'grants.accountId': 1}")
public class Dossier {

    /** What changed in a {@code portal.dossier.changed} event. */
    public enum Change {
        DESCRIPTION, STATUS, PARTIES, PROGRESS, GRANTS
    }

    /** The realm role of a company's main account: it speaks for the company. */
    static final String COMPANY_ADMIN = "company-admin";

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
    /** Every grant given on this dossier, revoked and expired ones too; newest last. */
    private List<Grant> grants = new ArrayList<>();
    /** Whether its clients may give others access; the office may forbid it. Absent (older dossiers): allowed. */
    private boolean grantsAllowed = true;
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
     * Replaces the progress list. A step keeps its id, the moment it was done and its request's
     * fulfilment: found by the id the office sends back, or else by its title (tools that send titles
     * only). A step done now gets {@code now}; a request that asks for something else starts open.
     */
    public boolean replaceProgress(List<StepInput> steps, Instant now) {
        List<ProgressStep> current = getProgress().steps();
        Set<String> ids = new HashSet<>();
        List<ProgressStep> next = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            StepInput step = steps.get(i);
            String title = step.title().trim();
            ProgressStep earlier = earlierStep(current, step, title, ids, i);
            String id = earlier != null ? earlier.id() : newStepId();
            if (!ids.add(id)) {
                throw new InvalidRequestException("steps[" + i + "].id", "names a step that is already in the list.");
            }
            Instant doneAt = !step.done() ? null
                    : earlier != null && earlier.done() && earlier.doneAt() != null ? earlier.doneAt() : now;
            StepRequest request = step.request() == null ? null
                    : earlier != null && earlier.request() != null ? step.request().keepingFulfilmentOf(earlier.request())
                    : step.request();
            next.add(new ProgressStep(id, title, step.done(), doneAt, blankToNull(step.explanation()),
                    step.plannedDate(), request));
        }
        if (next.equals(current)) {
            return false;
        }
        progress = next;
        return touched(now);
    }

    /**
     * Marks a step's open request fulfilled by whoever sent the message that delivers it (a document
     * request) or completed the questionnaire it names; false when there is no such open request.
     */
    public boolean fulfilRequest(Predicate<ProgressStep> which, String byName, String messageId,
            Instant at) {
        List<ProgressStep> steps = new ArrayList<>(getProgress().steps());
        for (int i = 0; i < steps.size(); i++) {
            ProgressStep step = steps.get(i);
            if (step.hasOpenRequest() && which.test(step)) {
                steps.set(i, step.withRequest(step.request().fulfilled(at, byName, messageId)));
                progress = steps;
                return touched(at);
            }
        }
        return false;
    }

    /** The step's progress list entry by id, else (no id sent) the first not yet matched step of that title. */
    private static ProgressStep earlierStep(List<ProgressStep> current, StepInput step, String title, Set<String> taken,
            int index) {
        if (step.id() != null) {
            return current.stream().filter(s -> s.id().equals(step.id())).findFirst()
                    .orElseThrow(() -> new InvalidRequestException("steps[" + index + "].id",
                            "is not a step of this dossier. Leave it out for a new step."));
        }
        return current.stream().filter(s -> s.title().equals(title) && !taken.contains(s.id())).findFirst()
                .orElse(null);
    }

    private static String newStepId() {
        return "s-" + new ObjectId().toHexString().substring(16);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** A step as the office sends it; {@code id} is absent for a new step. */
    public record StepInput(String id, String title, boolean done, String explanation, LocalDate plannedDate,
            StepRequest request) {

        public StepInput(String title, boolean done) {
            this(null, title, done, null, null, null);
        }
    }

    /**
     * Whether the caller may give others access to this dossier: a party through its own account (a
     * person), or a company's main account for a dossier of its company. Not a company's extra account,
     * an adviser or staff (the office revokes and forbids, it does not grant).
     */
    public boolean mayGrant(Caller caller) {
        return parties.stream().anyMatch(party -> switch (String.valueOf(party.accountType())) {
            case "PERSON" -> party.accountId().equals(caller.accountId());
            case AccessKeys.COMPANY_MAIN -> caller.hasRole(COMPANY_ADMIN)
                    && caller.accessKeys().contains(party.accessKey());
            default -> false;
        });
    }

    /**
     * Refuses a grant to this address (and account, when known yet): 403 while the office forbids
     * sharing the dossier; 409 for a party's address or account, which has access already, and for one
     * that holds a grant that lasts (shorten or revoke that one instead).
     */
    public void checkGrantable(String email, String accountId, Instant now) {
        if (!grantsAllowed) {
            throw new ProblemException(HttpStatus.FORBIDDEN, null, "The office does not allow sharing this dossier.",
                    "grant.not-allowed", Map.of());
        }
        String address = email.trim();
        if (parties.stream().anyMatch(p -> address.equalsIgnoreCase(p.email()) || p.accountId().equals(accountId))) {
            throw new ProblemException(HttpStatus.CONFLICT, "email",
                    "This e-mail address belongs to a party of the dossier, who has access already.", "grant.party",
                    Map.of());
        }
        if (grants.stream().anyMatch(g -> g.isLiveAt(now)
                && (address.equalsIgnoreCase(g.email()) || g.accountId().equals(accountId)))) {
            throw new ProblemException(HttpStatus.CONFLICT, "email",
                    "This e-mail address has access to the dossier already. Shorten or revoke that access instead.",
                    "grant.duplicate", Map.of());
        }
    }

    /** Gives the account access until the end of {@code until} ({@link GrantPeriod}), after {@link #checkGrantable}. */
    public Grant grant(String accountId, String email, String name, AccessGrant.Scope scope, LocalDate until,
            Caller by, Instant now) {
        checkGrantable(email, accountId, now);
        Grant grant = Grant.create(accountId, email.trim(), name.trim(), scope, until, by.accountId(), by.name(), now);
        grants.add(grant);
        touched(now);
        return grant;
    }

    /**
     * Moves a grant's last day earlier (never later, nor before today: 400 {@code until}); the same day
     * changes nothing. A revoked or unknown grant is a 404.
     */
    public boolean shortenGrant(String grantId, LocalDate until, Instant now) {
        int index = indexOf(grantId);
        Grant grant = grants.get(index);
        if (grant.isRevoked()) {
            throw grantNotFound(grantId);
        }
        LocalDate shortened = GrantPeriod.untilOfShortened(until, grant.until(), now);
        if (shortened.equals(grant.until())) {
            return false;
        }
        grants.set(index, grant.shortenedTo(shortened));
        return touched(now);
    }

    /** Ends a grant at once; a grant revoked already stays as it was (false). An unknown grant is a 404. */
    public boolean revokeGrant(String grantId, String byName, Instant now) {
        int index = indexOf(grantId);
        if (grants.get(index).isRevoked()) {
            return false;
        }
        grants.set(index, grants.get(index).revoked(byName, now));
        return touched(now);
    }

    public Optional<Grant> findGrant(String grantId) {
        return grants.stream().filter(g -> g.id().equals(grantId)).findFirst();
    }

    /** The account's grant that gives access at {@code now}. */
    public Optional<Grant> liveGrantOf(String accountId, Instant now) {
        return grants.stream().filter(g -> g.accountId().equals(accountId) && g.isLiveAt(now)).findFirst();
    }

    /** The grant through which the caller reads this dossier: none for staff and its parties, who read it as theirs. */
    public Optional<Grant> sharedWith(Caller caller, Instant now) {
        return isVisibleTo(caller) ? Optional.empty() : liveGrantOf(caller.accountId(), now);
    }

    private int indexOf(String grantId) {
        for (int i = 0; i < grants.size(); i++) {
            if (grants.get(i).id().equals(grantId)) {
                return i;
            }
        }
        throw grantNotFound(grantId);
    }

    private static NotFoundException grantNotFound(String grantId) {
        return new NotFoundException("Grant " + grantId + " was not found.");
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

    /** The progress list; a step stored before steps had ids gets one ({@link ProgressStep#withIdFor}). */
    public Progress getProgress() {
        List<ProgressStep> steps = new ArrayList<>(progress.size());
        for (int i = 0; i < progress.size(); i++) {
            steps.add(progress.get(i).withIdFor(i));
        }
        return Progress.of(List.copyOf(steps));
    }

    /** Every grant, newest last: revoked and expired ones too. */
    public List<Grant> getGrants() {
        return List.copyOf(grants);
    }

    public boolean isGrantsAllowed() {
        return grantsAllowed;
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
