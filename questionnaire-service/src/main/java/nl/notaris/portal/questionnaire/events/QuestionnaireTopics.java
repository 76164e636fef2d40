package nl.notaris.portal.questionnaire.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import nl.notaris.portal.support.events.OutboxCollection;

/**
 * Where questionnaire events go: {@code portal.questionnaires.v1}, keyed by dossier id, relayed from
 * the {@code assignments} collection's outbox. The dossier topic is declared by the access replica.
 */
@Configuration
public class QuestionnaireTopics {

    public static final String TOPIC = "portal.questionnaires.v1";

    @Bean
    OutboxCollection assignmentOutbox() {
        return new OutboxCollection("assignments");
    }

    @Bean
    NewTopic questionnairesTopic() {
        return TopicBuilder.name(TOPIC).partitions(3).build();
    }

    @Bean
    NewTopic questionnairesDeadLetterTopic() {
        return TopicBuilder.name(TOPIC + ".dlt").partitions(1).build();
    }
}
