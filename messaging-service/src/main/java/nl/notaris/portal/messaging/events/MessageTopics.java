package nl.notaris.portal.messaging.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import nl.notaris.portal.support.audit.StaffActions;
import nl.notaris.portal.support.events.EventTopics;
import nl.notaris.portal.support.events.OutboxCollection;

/**
 * Where message events go: {@code portal.messages.v1}, keyed by dossier id, relayed from the
 * {@code messages} collection's outbox (sent; the office's read receipts) and from the
 * {@code message_reads} outbox (a client account's read receipt); from the messages' outbox, the
 * records of the office's messages on {@code portal.staff-actions.v1}. The dossier topic is declared
 * by the access replica.
 */
@Configuration
public class MessageTopics {

    public static final String TOPIC = "portal.messages.v1";
    public static final String STAFF_ACTIONS = StaffActions.TOPIC;

    @Bean
    OutboxCollection messageOutbox() {
        return new OutboxCollection("messages");
    }

    /** The per-(message, account) read markers carry the clients' {@code portal.message.read} events. */
    @Bean
    OutboxCollection messageReadOutbox() {
        return new OutboxCollection("message_reads");
    }

    @Bean
    KafkaAdmin.NewTopics messagingServiceTopics() {
        return EventTopics.declare(TOPIC, STAFF_ACTIONS);
    }
}
