package nl.notaris.portal.document.document;

import java.time.Instant;

import org.springframework.stereotype.Component;

import nl.notaris.portal.document.events.DocumentTopics;
import nl.notaris.portal.support.events.CloudEventFactory;
import nl.notaris.portal.support.events.PendingEvent;

/** The events of documents. They never carry a document's title or content: notifications must not reveal it. */
@Component
public class DocumentEvents {

    public static final String PUBLISHED = "portal.document.published";

    private final CloudEventFactory events;

    DocumentEvents(CloudEventFactory events) {
        this.events = events;
    }

    public PendingEvent published(PublishedDocument document) {
        return events.create(DocumentTopics.TOPIC, document.getDossierId(), PUBLISHED, "documents/" + document.getId(),
                new Published(document.getId(), document.getDossierId(), document.getCategory().name(),
                        document.getPublishedAt()));
    }

    record Published(String documentId, String dossierId, String category, Instant publishedAt) {
    }
}
