package nl.notaris.portal.messaging.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import nl.notaris.portal.support.events.OutboxCollection;

/**
 * Where message events go: {@code portal.messages.v1}, keyed by dossier id, relayed from the
 * {@code messages} collection's outbox. The dossier topic is declared by the access replica.
 */
@Configuration
public class MessageTopics {

    public static final String TOPIC = "portal.messages.v1";

    @Bean
    OutboxCollection messageOutbox() {
        return new OutboxCollection("messages");
    }

    @Bean
    NewTopic messagesTopic() {
        return TopicBuilder.name(TOPIC).partitions(3).build();
    }

    @Bean
    NewTopic messagesDeadLetterTopic() {
        return TopicBuilder.name(TOPIC + ".dlt").partitions(1).build();
    }
}
