package nl.notaris.portal.messaging.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

import nl.notaris.portal.support.audit.StaffActions;
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
    NewTopic messagesTopic() {
        return TopicBuilder.name(TOPIC).partitions(3).build();
    }

    @Bean
    NewTopic messagesDeadLetterTopic() {
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
