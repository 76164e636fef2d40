package nl.notaris.portal.identity.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import nl.notaris.portal.support.audit.StaffActions;
import nl.notaris.portal.support.events.EventTopics;
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
    KafkaAdmin.NewTopics identityServiceTopics() {
        return EventTopics.declare(TOPIC, STAFF_ACTIONS);
    }
}
