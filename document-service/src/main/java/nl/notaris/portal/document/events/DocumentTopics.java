package nl.notaris.portal.document.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import nl.notaris.portal.support.events.OutboxCollection;

/**
 * Where document events go: {@code portal.documents.v1}, keyed by dossier id, relayed from the
 * {@code documents} collection's outbox. The dossier topic this service reads is declared by the
 * access replica it switches on.
 */
@Configuration
public class DocumentTopics {

    public static final String TOPIC = "portal.documents.v1";

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
}
