package nl.notaris.portal.dossier.work;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import nl.notaris.portal.dossier.dossier.DossierActivity;
import nl.notaris.portal.dossier.events.ConsumedEvent;
import nl.notaris.portal.dossier.events.ConsumedEventHandler;
import nl.notaris.portal.support.events.ProcessedEvents;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds the work queue from the events of messages, documents, questionnaires and accounts
 * (consumer group {@code dossier-service}), and moves a dossier's last activity for what its clients
 * see happen in it ({@link DossierActivity}: a document published or delivered, a message either
 * way, a questionnaire sent or completed); every other event type on those topics is passed over.
 * Each event is applied once ({@link ProcessedEvents}); one the queue acts on that lacks what it
 * needs fails, so that support's error handler retries it and then parks it on {@code <topic>.dlt}
 * (a record that is not JSON at once), like every consumer of the portal.
 */
@Component
class WorkEventsListener implements ConsumedEventHandler {

    /** The name this consumer's handled events are remembered under. */
    static final String CONSUMER = "dossier-service.work";

    static final String MESSAGE_FROM_CLIENT = "portal.message.sent-by-client";
    static final String MESSAGE_FROM_OFFICE = "portal.message.sent-by-office";
    static final String DOCUMENT_DELIVERED = "portal.document.delivered";
    static final String DOCUMENT_PUBLISHED = "portal.document.published";
    static final String QUESTIONNAIRE_ASSIGNED = "portal.questionnaire.assigned";
    static final String QUESTIONNAIRE_COMPLETED = "portal.questionnaire.completed";
    static final String ACCOUNT_INVITED = "portal.account.invited";
    static final String ACCOUNT_ACTIVATED = "portal.account.activated";

    /** The event types that are something a dossier's clients see happen in it. */
    private static final Set<String> CLIENT_VISIBLE = Set.of(MESSAGE_FROM_CLIENT, MESSAGE_FROM_OFFICE,
            DOCUMENT_PUBLISHED, DOCUMENT_DELIVERED, QUESTIONNAIRE_ASSIGNED, QUESTIONNAIRE_COMPLETED);

    private final WorkQueue queue;
    private final DossierActivity activity;
    private final ProcessedEvents processed;
    private final JsonMapper json;

    WorkEventsListener(WorkQueue queue, DossierActivity activity, ProcessedEvents processed, JsonMapper json) {
        this.queue = queue;
        this.activity = activity;
        this.processed = processed;
        this.json = json;
    }

    @Override
    public void handle(ConsumedEvent event) {
        Runnable effect = effectOf(event);
        Runnable moved = activityOf(event);
        if (effect != null || moved != null) {
            processed.handleOnce(CONSUMER, required(event, "id", event.id()), () -> {
                if (effect != null) {
                    effect.run();
                }
                if (moved != null) {
                    moved.run();
                }
            });
        }
    }

    /**
     * The dossier's last activity moves to the moment the event tells ({@code sentAt},
     * {@code publishedAt}, …; else the envelope's {@code time}), or null for an event clients do not see.
     */
    private Runnable activityOf(ConsumedEvent event) {
        if (event.type() == null || !CLIENT_VISIBLE.contains(event.type())) {
            return null;
        }
        ActivityData data = data(event, ActivityData.class);
        String dossierId = required(event, "dossierId", data.dossierId());
        Instant at = required(event, "time", data.moment() != null ? data.moment() : event.time());
        return () -> activity.happened(dossierId, at);
    }

    /** What the event does to the queue, or null for an event it does not act on. */
    private Runnable effectOf(ConsumedEvent event) {
        if (event.type() == null) {
            return null;
        }
        switch (event.type()) {
            case MESSAGE_FROM_CLIENT -> {
                MessageData data = data(event, MessageData.class);
                return () -> queue.clientSentMessage(required(event, "messageId", data.messageId()),
                        required(event, "dossierId", data.dossierId()),
                        required(event, "senderAccountId", data.senderAccountId()),
                        required(event, "sentAt", data.sentAt()));
            }
            case MESSAGE_FROM_OFFICE -> {
                MessageData data = data(event, MessageData.class);
                return () -> queue.officeSentMessage(required(event, "dossierId", data.dossierId()),
                        required(event, "senderAccountId", data.senderAccountId()),
                        required(event, "sentAt", data.sentAt()));
            }
            case DOCUMENT_DELIVERED -> {
                DeliveredData data = data(event, DeliveredData.class);
                if (data.messageId() != null || data.assignmentId() != null) {
                    // part of a message or a completed questionnaire: those have their own item
                    return null;
                }
                return () -> queue.clientDelivered(required(event, "documentId", data.documentId()),
                        required(event, "dossierId", data.dossierId()), required(event, "accountId", data.accountId()),
                        required(event, "deliveredAt", data.deliveredAt()));
            }
            case QUESTIONNAIRE_ASSIGNED -> {
                AssignmentData data = data(event, AssignmentData.class);
                return () -> queue.questionnaireAssigned(required(event, "assignmentId", data.assignmentId()),
                        required(event, "dossierId", data.dossierId()), required(event, "accountId", data.accountId()),
                        data.dueDate());
            }
            case QUESTIONNAIRE_COMPLETED -> {
                AssignmentData data = data(event, AssignmentData.class);
                return () -> queue.questionnaireCompleted(required(event, "assignmentId", data.assignmentId()),
                        required(event, "dossierId", data.dossierId()), required(event, "accountId", data.accountId()),
                        required(event, "completedAt", data.completedAt()));
            }
            case ACCOUNT_INVITED -> {
                InvitedAccount account = required(event, "account", data(event, InvitationData.class).account());
                return () -> queue.accountInvited(required(event, "account.accountId", account.accountId()),
                        account.accountType(), account.companyId(), required(event, "time", event.time()));
            }
            case ACCOUNT_ACTIVATED -> {
                ActivationData data = data(event, ActivationData.class);
                return () -> queue.accountActivated(required(event, "accountId", data.accountId()),
                        required(event, "time", event.time()));
            }
            default -> {
                return null;
            }
        }
    }

    private <T> T data(ConsumedEvent event, Class<T> type) {
        return event.data(json, type);
    }

    private static <T> T required(ConsumedEvent event, String field, T value) {
        return event.required(field, value);
    }

    /** The dossier and moment of an event its clients see; each type names its moment differently. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ActivityData(String dossierId, Instant sentAt, Instant publishedAt, Instant deliveredAt, Instant assignedAt,
            Instant completedAt) {

        Instant moment() {
            for (Instant at : new Instant[] { sentAt, publishedAt, deliveredAt, assignedAt, completedAt }) {
                if (at != null) {
                    return at;
                }
            }
            return null;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MessageData(String messageId, String dossierId, String senderAccountId, Instant sentAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DeliveredData(String documentId, String dossierId, String messageId, String assignmentId, String accountId,
            Instant deliveredAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AssignmentData(String assignmentId, String dossierId, String accountId, LocalDate dueDate,
            Instant completedAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InvitationData(InvitedAccount account) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record InvitedAccount(String accountId, String accountType, String companyId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ActivationData(String accountId) {
    }
}
