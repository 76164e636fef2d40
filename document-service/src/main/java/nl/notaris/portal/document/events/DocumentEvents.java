package nl.notaris.portal.document.events;

import java.time.Instant;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import nl.notaris.portal.document.document.PublishedDocument;
import nl.notaris.portal.support.events.CloudEventFactory;
import nl.notaris.portal.support.events.OutboxCollection;
import nl.notaris.portal.support.events.PendingEvent;

/**
 * Events of documents on {@code portal.documents.v1}, keyed by dossier id. They never carry a
 * document's title or content: notifications must not reveal it.
 */
@Configuration
public class DocumentEvents {

    public static final String TOPIC = "portal.documents.v1";
    public static final String PUBLISHED = "portal.document.published";

    private final CloudEventFactory events;

    DocumentEvents(CloudEventFactory events) {
        this.events = events;
    }

    public PendingEvent published(PublishedDocument document) {
        return events.create(TOPIC, document.getDossierId(), PUBLISHED, "documents/" + document.getId(),
                new Published(document.getId(), document.getDossierId(), document.getCategory().name(),
                        document.getPublishedAt()));
    }

    record Published(String documentId, String dossierId, String category, Instant publishedAt) {
    }

    @Bean
    OutboxCollection documentOutbox() {
        return new OutboxCollection("documents");
    }

    @Bean
    NewTopic documentsTopic() {
        return TopicBuilder.name(TOPIC).partitions(3).build();
    }

    @Bean
    NewTopic documentsDeadLetterTopic() {
        return TopicBuilder.name(TOPIC + ".dlt").partitions(1).build();
    }

    /** Read here too: declared so it exists with all its partitions before the listener subscribes. */
    @Bean
    NewTopic dossiersTopic() {
        return TopicBuilder.name("portal.dossiers.v1").partitions(3).build();
    }

    @Bean
    NewTopic dossiersDeadLetterTopic() {
        return TopicBuilder.name("portal.dossiers.v1.dlt").partitions(1).build();
    }
}
