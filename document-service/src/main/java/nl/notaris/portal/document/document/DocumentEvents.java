package nl.notaris.portal.document.document;

import java.time.Instant;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;

import nl.notaris.portal.document.events.DocumentTopics;
import nl.notaris.portal.support.events.CloudEventFactory;
import nl.notaris.portal.support.events.PendingEvent;

/** The events of documents. They never carry a document's title, name or content: notifications must not reveal it. */
@Component
public class DocumentEvents {

    public static final String PUBLISHED = "portal.document.published";
    public static final String DELIVERED = "portal.document.delivered";
    public static final String OPENED = "portal.document.opened";

    private final CloudEventFactory events;

    DocumentEvents(CloudEventFactory events) {
        this.events = events;
    }

    public PendingEvent published(PublishedDocument document) {
        return events.create(DocumentTopics.TOPIC, document.getDossierId(), PUBLISHED, "documents/" + document.getId(),
                new Published(document.getId(), document.getDossierId(), document.getCategory().name(),
                        document.getPublishedAt()));
    }

    /**
     * A client delivered a document, with a message or as a completed questionnaire (DOC-3, DOC-5):
     * for the office's tools.
     */
    public PendingEvent delivered(PublishedDocument document, String accountId) {
        return events.create(DocumentTopics.TOPIC, document.getDossierId(), DELIVERED, "documents/" + document.getId(),
                new Delivered(document.getId(), document.getDossierId(), document.getMessageId(),
                        document.getAssignmentId(), accountId, document.getSize(), document.getContentType(),
                        document.getPublishedAt()));
    }

    /**
     * A client account opened (downloaded) the document's content, {@code first} the first time it did:
     * for the home feed and the dossier's activity trail. Ids, the account and the moment only.
     */
    public PendingEvent opened(PublishedDocument document, String accountId, Instant openedAt, boolean first) {
        return events.create(DocumentTopics.TOPIC, document.getDossierId(), OPENED, "documents/" + document.getId(),
                new Opened(document.getId(), document.getDossierId(), accountId, openedAt, first));
    }

    record Published(String documentId, String dossierId, String category, Instant publishedAt) {
    }

    record Opened(String documentId, String dossierId, String accountId, Instant openedAt, boolean first) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delivered(String documentId, String dossierId, String messageId, String assignmentId, String accountId,
            long size, String contentType, Instant deliveredAt) {
    }
}
