package nl.notaris.portal.notification.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Where the records this service cannot handle are parked (the support library's error handler). */
@Configuration
class DeadLetterTopics {

    @Bean
    NewTopic dossiersDeadLetterTopic() {
        return TopicBuilder.name("portal.dossiers.v1.dlt").partitions(1).build();
    }

    @Bean
    NewTopic documentsDeadLetterTopic() {
        return TopicBuilder.name("portal.documents.v1.dlt").partitions(1).build();
    }
}
