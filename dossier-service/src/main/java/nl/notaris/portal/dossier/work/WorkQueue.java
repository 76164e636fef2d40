package nl.notaris.portal.dossier.work;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import nl.notaris.portal.support.audit.StaffAction;
import nl.notaris.portal.support.audit.StaffActions;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.NotFoundException;

/**
 * The rules of the office's work queue ("Werkvoorraad", OFF-1): which fact makes which item, and
 * what handles it. Every rule tolerates being applied twice (items have an id of kind and subject,
 * the watches are upserts), as a redelivered event or a second instance's job run does.
 * <ul>
 * <li>a client's message: a {@link WorkKind#MESSAGE} item; an office message in the dossier handles
 * every open message item of that dossier sent up to then, by its sender;</li>
 * <li>a document a client delivered on its own: a {@link WorkKind#DELIVERY} item;</li>
 * <li>a completed questionnaire: a {@link WorkKind#QUESTIONNAIRE_COMPLETED} item, and its open
 * {@link WorkKind#QUESTIONNAIRE_OVERDUE} item is handled, by the client who completed it;</li>
 * <li>{@link #raiseDue} (the scheduled job): a {@link WorkKind#QUESTIONNAIRE_OVERDUE} item for an
 * assignment whose due date has passed (in the office's time zone) without completion, and an
 * {@link WorkKind#INVITATION_PENDING} item for an account invited at least
 * {@code portal.work.invitation-pending-after} ago and not activated; each once;</li>
 * <li>an activation handles the account's open {@link WorkKind#INVITATION_PENDING} item, by that account.</li>
 * </ul>
 */
@Service
public class WorkQueue {

    /** The office's time zone: a due date has passed when that day has ended there. */
    static final ZoneId OFFICE_ZONE = ZoneId.of("Europe/Amsterdam");
    private static final int BATCH = 200;

    private final WorkItems items;
    private final DossierFacts dossiers;
    private final MongoTemplate mongo;
    private final StaffActions staffActions;
    private final Clock clock;
    private final Duration invitationPendingAfter;

    WorkQueue(WorkItems items, DossierFacts dossiers, MongoTemplate mongo, StaffActions staffActions, Clock clock,
            @Value("${portal.work.invitation-pending-after:7d}") Duration invitationPendingAfter) {
        this.items = items;
        this.dossiers = dossiers;
        this.mongo = mongo;
        this.staffActions = staffActions;
        this.clock = clock;
        this.invitationPendingAfter = invitationPendingAfter;
    }

    void clientSentMessage(String messageId, String dossierId, String accountId, Instant sentAt) {
        items.add(inDossier(WorkKind.MESSAGE, dossierId, accountId, messageId, sentAt, null));
    }

    void officeSentMessage(String dossierId, String senderAccountId, Instant sentAt) {
        items.handleOpenMessages(dossierId, sentAt, senderAccountId);
    }

    void clientDelivered(String documentId, String dossierId, String accountId, Instant deliveredAt) {
        items.add(inDossier(WorkKind.DELIVERY, dossierId, accountId, documentId, deliveredAt, null));
    }

    void questionnaireAssigned(String assignmentId, String dossierId, String accountId, LocalDate dueDate) {
        String due = dueDate == null ? null : dueDate.toString();
        mongo.upsert(query(where("_id").is(assignmentId)),
                new Update().set("dossierId", dossierId).set("accountId", accountId).set("dueDate", due),
                WatchedAssignment.class);
        if (due != null) {
            // watched until completed or its overdue item is made, whichever came first
            mongo.updateFirst(query(where("_id").is(assignmentId).and("completedAt").is(null).and("overdueRaisedAt").is(null)),
                    new Update().set("watchDueDate", due), WatchedAssignment.class);
        }
    }

    void questionnaireCompleted(String assignmentId, String dossierId, String accountId, Instant completedAt) {
        mongo.upsert(query(where("_id").is(assignmentId)),
                new Update().set("completedAt", completedAt).unset("watchDueDate").setOnInsert("dossierId", dossierId)
                        .setOnInsert("accountId", accountId),
                WatchedAssignment.class);
        items.add(inDossier(WorkKind.QUESTIONNAIRE_COMPLETED, dossierId, accountId, assignmentId, completedAt, null));
        items.handleOpen(WorkItem.idOf(WorkKind.QUESTIONNAIRE_OVERDUE, assignmentId), completedAt, accountId);
    }

    void accountInvited(String accountId, String accountType, String companyId, Instant invitedAt) {
        mongo.upsert(query(where("_id").is(accountId)),
                new Update().set("accountType", accountType).set("companyId", companyId).max("invitedAt", invitedAt),
                WatchedInvitation.class);
        // a new invitation restarts the wait, until the account is activated or its item is made
        mongo.updateFirst(query(where("_id").is(accountId).and("activatedAt").is(null).and("pendingRaisedAt").is(null)),
                new Update().max("watchSince", invitedAt), WatchedInvitation.class);
    }

    void accountActivated(String accountId, Instant activatedAt) {
        mongo.upsert(query(where("_id").is(accountId)), new Update().set("activatedAt", activatedAt).unset("watchSince"),
                WatchedInvitation.class);
        items.handleOpen(WorkItem.idOf(WorkKind.INVITATION_PENDING, accountId), activatedAt, accountId);
    }

    /**
     * The scheduled job's work at the clock's now: makes the overdue and pending-invitation items
     * that are due, each once. An item is made before its watch ends, so a crash in between makes
     * it again (no second item, the id is the same) rather than never; a completion or activation
     * that came in meanwhile handles it right after.
     */
    public void raiseDue() {
        Instant now = clock.instant();
        raiseOverdueQuestionnaires(now);
        raisePendingInvitations(now);
    }

    private void raiseOverdueQuestionnaires(Instant now) {
        String today = LocalDate.ofInstant(now, OFFICE_ZONE).toString();
        List<WatchedAssignment> due;
        do {
            due = mongo.find(query(where("watchDueDate").lt(today)).limit(BATCH), WatchedAssignment.class);
            due.forEach(assignment -> raiseOverdue(assignment, now));
        } while (due.size() == BATCH);
    }

    private void raiseOverdue(WatchedAssignment assignment, Instant now) {
        LocalDate dueDate = LocalDate.parse(assignment.watchDueDate());
        Instant overdueSince = dueDate.plusDays(1).atStartOfDay(OFFICE_ZONE).toInstant();
        String itemId = WorkItem.idOf(WorkKind.QUESTIONNAIRE_OVERDUE, assignment.id());
        items.add(inDossier(WorkKind.QUESTIONNAIRE_OVERDUE, assignment.dossierId(), assignment.accountId(),
                assignment.id(), overdueSince, dueDate.toString()));
        mongo.updateFirst(query(where("_id").is(assignment.id())),
                new Update().set("overdueRaisedAt", now).unset("watchDueDate"), WatchedAssignment.class);
        WatchedAssignment current = mongo.findById(assignment.id(), WatchedAssignment.class);
        if (current != null && current.completedAt() != null) {
            items.handleOpen(itemId, current.completedAt(), current.accountId());
        }
    }

    private void raisePendingInvitations(Instant now) {
        Instant invitedBefore = now.minus(invitationPendingAfter);
        List<WatchedInvitation> due;
        do {
            due = mongo.find(query(where("watchSince").lte(invitedBefore)).limit(BATCH), WatchedInvitation.class);
            due.forEach(invitation -> raisePending(invitation, now));
        } while (due.size() == BATCH);
    }

    private void raisePending(WatchedInvitation invitation, Instant now) {
        String accountId = invitation.id();
        String itemId = WorkItem.idOf(WorkKind.INVITATION_PENDING, accountId);
        items.add(WorkItem.open(WorkKind.INVITATION_PENDING, null, null, accountId,
                dossiers.nameOf(accountId, invitation.accountType(), invitation.companyId()), accountId,
                invitation.watchSince().plus(invitationPendingAfter), null));
        mongo.updateFirst(query(where("_id").is(accountId)),
                new Update().set("pendingRaisedAt", now).unset("watchSince"), WatchedInvitation.class);
        WatchedInvitation current = mongo.findById(accountId, WatchedInvitation.class);
        if (current != null && current.activatedAt() != null) {
            items.handleOpen(itemId, current.activatedAt(), accountId);
        }
    }

    /**
     * Per dossier, what of its clients waits for the office: their messages, and what they delivered
     * (documents on their own and completed questionnaires). Dossiers without open items are left out.
     */
    public List<DossierWork> openPerDossier(Collection<String> dossierIds) {
        return items.openPerDossier(dossierIds).entrySet().stream()
                .map(e -> new DossierWork(e.getKey(), e.getValue().getOrDefault(WorkKind.MESSAGE, 0L),
                        e.getValue().getOrDefault(WorkKind.DELIVERY, 0L)
                                + e.getValue().getOrDefault(WorkKind.QUESTIONNAIRE_COMPLETED, 0L)))
                .toList();
    }

    /** The numbers of one dossier in the office's dossier list. */
    public record DossierWork(String dossierId, long messages, long deliveries) {
    }

    /** The open items, newest first (see {@link WorkItems} for the index). */
    public Page<WorkItem> open(Pageable pageable) {
        return items.open(pageable);
    }

    /**
     * A staff member handles the item now; an item handled already stays as it was (and records
     * nothing). The item's update carries the record of the action, so it is kept once the item is
     * handled.
     */
    public void markHandled(String id, Caller staff) {
        WorkItem item = items.find(id);
        if (item == null) {
            throw new NotFoundException("Work item " + id + " was not found.");
        }
        if (item.handledAt() == null) {
            items.handleOpen(id, clock.instant(), staff.accountId(),
                    staffActions.recorded(staff, StaffAction.workItemHandled(item.dossierId(), item.id())));
        }
    }

    private WorkItem inDossier(WorkKind kind, String dossierId, String accountId, String subjectId, Instant occurredAt,
            String dueDate) {
        DossierFacts.Known known = dossiers.of(dossierId, accountId);
        return WorkItem.open(kind, dossierId, known.dossierNumber(), accountId, known.accountName(), subjectId,
                occurredAt, dueDate);
    }
}
