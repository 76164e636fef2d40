package nl.notaris.portal.dossier.home;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import nl.notaris.portal.dossier.dossier.DossierService;
import nl.notaris.portal.dossier.events.ConsumedEvent;
import nl.notaris.portal.dossier.events.ConsumedEventHandler;
import nl.notaris.portal.dossier.progress.ProgressStep;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps Home's items and read state from the events of documents, messages and questionnaires, and
 * marks a step's request fulfilled when a client's message delivers it ({@code requestId}) or the
 * questionnaire it names is completed. Every effect is an upsert of a fixed id or a change that
 * happens once (a fulfilled request stays fulfilled), so a repeated event changes nothing; one that
 * lacks what it needs fails (and with it the record: it is retried and then parked). Other event types
 * are passed over.
 */
@Component
class HomeEvents implements ConsumedEventHandler {

    private final HomeFeed feed;
    private final DossierService dossiers;
    private final JsonMapper json;

    HomeEvents(HomeFeed feed, DossierService dossiers, JsonMapper json) {
        this.feed = feed;
        this.dossiers = dossiers;
        this.json = json;
    }

    @Override
    public void handle(ConsumedEvent event) {
        switch (event.type()) {
            case "portal.document.published" -> {
                Data data = data(event);
                feed.add(HomeItem.document(event.required("documentId", data.documentId()),
                        event.required("dossierId", data.dossierId()), data.category(),
                        event.required("publishedAt", data.publishedAt())));
            }
            case "portal.document.opened" -> {
                Data data = data(event);
                feed.read("document:" + event.required("documentId", data.documentId()),
                        event.required("accountId", data.accountId()), event.required("openedAt", data.openedAt()));
            }
            case "portal.message.sent-by-office" -> {
                Data data = data(event);
                feed.add(HomeItem.message(event.required("messageId", data.messageId()),
                        event.required("dossierId", data.dossierId()), event.required("sentAt", data.sentAt())));
            }
            case "portal.message.read" -> {
                Data data = data(event);
                if ("CLIENT".equals(data.readerSide())) {
                    feed.read("message:" + event.required("messageId", data.messageId()),
                            event.required("accountId", data.accountId()), event.required("readAt", data.readAt()));
                }
            }
            case "portal.message.sent-by-client" -> {
                Data data = data(event);
                if (data.requestId() != null && data.attachments() != null && !data.attachments().isEmpty()) {
                    dossiers.fulfilRequest(event.required("dossierId", data.dossierId()),
                            ProgressStep.documentRequest(data.requestId()),
                            event.required("senderAccountId", data.senderAccountId()),
                            event.required("messageId", data.messageId()), event.required("sentAt", data.sentAt()));
                }
            }
            case "portal.questionnaire.assigned" -> {
                Data data = data(event);
                feed.add(HomeItem.questionnaire(event.required("assignmentId", data.assignmentId()),
                        event.required("dossierId", data.dossierId()), event.required("accountId", data.accountId()),
                        data.dueDate(), event.required("assignedAt", data.assignedAt())));
            }
            case "portal.questionnaire.completed" -> {
                Data data = data(event);
                String assignmentId = event.required("assignmentId", data.assignmentId());
                String dossierId = event.required("dossierId", data.dossierId());
                String accountId = event.required("accountId", data.accountId());
                Instant completedAt = event.required("completedAt", data.completedAt());
                feed.questionnaireCompleted(assignmentId, dossierId, accountId, completedAt);
                dossiers.fulfilRequest(dossierId, ProgressStep.questionnaireRequest(assignmentId), accountId, null,
                        completedAt);
            }
            default -> {
                // not something Home shows
            }
        }
    }

    private Data data(ConsumedEvent event) {
        return event.data(json, Data.class);
    }

    /** The fields of the event types above that Home reads; each type has some of them. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String documentId, String dossierId, String category, Instant publishedAt, String accountId,
            Instant openedAt, String messageId, Instant sentAt, String senderAccountId, String requestId,
            List<JsonNode> attachments, String readerSide, Instant readAt, String assignmentId, LocalDate dueDate,
            Instant assignedAt, Instant completedAt) {
    }
}
