package nl.notaris.portal.identity.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import nl.notaris.portal.support.audit.StaffActions;
import nl.notaris.portal.support.events.OutboxCollection;

/**
 * Where account events go: {@code portal.accounts.v1}, keyed by account id, relayed from the
 * {@code accounts} collection's outbox; from the same outbox, the records of the office's invitations
 * on {@code portal.staff-actions.v1}.
 */
@Configuration
public class AccountTopics {

    public static final String TOPIC = "portal.accounts.v1";
    public static final String STAFF_ACTIONS = StaffActions.TOPIC;

    @Bean
    OutboxCollection accountOutbox() {
        return new OutboxCollection("accounts");
    }

    @Bean
    NewTopic accountsTopic() {
        return TopicBuilder.name(TOPIC).partitions(3).build();
    }

    @Bean
    NewTopic accountsDeadLetterTopic() {
        return TopicBuilder.name(TOPIC + ".dlt").partitions(1).build();
    }

    @Bean
    NewTopic staffActionsTopic() {
        return TopicBuilder.name(STAFF_ACTIONS).partitions(3).build();
    }

    @Bean
    NewTopic staffActionsDeadLetterTopic() {
        return TopicBuilder.name(STAFF_ACTIONS + ".dlt").partitions(1).build();
    }
}
