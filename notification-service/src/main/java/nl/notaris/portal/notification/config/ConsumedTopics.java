package nl.notaris.portal.notification.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topics this service reads and where it parks what it cannot handle. Declared here too (with
 * the producers' partition count) so that they exist with all their partitions before the listeners
 * subscribe, whichever service starts first.
 */
@Configuration
class ConsumedTopics {

    @Bean
    NewTopic dossiersTopic() {
        return TopicBuilder.name("portal.dossiers.v1").partitions(3).build();
    }

    @Bean
    NewTopic documentsTopic() {
        return TopicBuilder.name("portal.documents.v1").partitions(3).build();
    }

    @Bean
    NewTopic dossiersDeadLetterTopic() {
        return TopicBuilder.name("portal.dossiers.v1.dlt").partitions(1).build();
    }

    @Bean
    NewTopic documentsDeadLetterTopic() {
        return TopicBuilder.name("portal.documents.v1.dlt").partitions(1).build();
    }
}
