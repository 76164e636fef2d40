package nl.notaris.portal.dossier.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import nl.notaris.portal.support.events.OutboxCollection;

/**
 * Where dossier events go: {@code portal.dossiers.v1}, keyed by dossier id, relayed from the
 * {@code dossiers} collection's outbox; what keeps failing at a consumer is parked on its {@code .dlt}.
 */
@Configuration
public class DossierTopics {

    public static final String TOPIC = "portal.dossiers.v1";

    @Bean
    OutboxCollection dossierOutbox() {
        return new OutboxCollection("dossiers");
    }

    @Bean
    NewTopic dossiersTopic() {
        return TopicBuilder.name(TOPIC).partitions(3).build();
    }

    @Bean
    NewTopic dossiersDeadLetterTopic() {
        return TopicBuilder.name(TOPIC + ".dlt").partitions(1).build();
    }
}
