package nl.notaris.portal.questionnaire.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import nl.notaris.portal.support.audit.StaffActions;
import nl.notaris.portal.support.events.EventTopics;
import nl.notaris.portal.support.events.OutboxCollection;

/**
 * Where questionnaire events go: {@code portal.questionnaires.v1}, keyed by dossier id, relayed from
 * the {@code assignments} collection's outbox; and the records of the office's actions on
 * {@code portal.staff-actions.v1}, from the outboxes of {@code assignments} (a questionnaire sent) and
 * {@code questionnaires} (a definition uploaded). The dossier topic is declared by the access replica.
 */
@Configuration
public class QuestionnaireTopics {

    public static final String TOPIC = "portal.questionnaires.v1";
    public static final String STAFF_ACTIONS = StaffActions.TOPIC;

    @Bean
    OutboxCollection assignmentOutbox() {
        return new OutboxCollection("assignments");
    }

    @Bean
    OutboxCollection definitionOutbox() {
        return new OutboxCollection("questionnaires");
    }

    @Bean
    KafkaAdmin.NewTopics questionnaireServiceTopics() {
        return EventTopics.declare(TOPIC, STAFF_ACTIONS);
    }
}
