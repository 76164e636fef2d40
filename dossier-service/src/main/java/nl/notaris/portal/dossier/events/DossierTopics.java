package nl.notaris.portal.dossier.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import nl.notaris.portal.support.audit.StaffActions;
import nl.notaris.portal.support.events.EventTopics;
import nl.notaris.portal.support.events.OutboxCollection;

/**
 * The topics of this service. It publishes {@code portal.dossiers.v1} and {@code portal.access.v1} (the
 * grants clients give advisers: given, revoked, used), keyed by dossier id, relayed from the
 * {@code dossiers} collection's outbox, and the records of its staff actions on
 * {@code portal.staff-actions.v1}, relayed from the outboxes of {@code dossiers} and {@code work_items}
 * (a handled item carries its record). It reads {@code portal.messages.v1}, {@code portal.documents.v1},
 * {@code portal.questionnaires.v1}, {@code portal.accounts.v1}, {@code portal.staff-actions.v1} and its
 * own {@code portal.access.v1} as consumer group {@code dossier-service} ({@link ServiceEventsListener}:
 * the work queue, Home and the activity trail); those are declared here too, with the producers'
 * partition count, so that they exist with all partitions before the listener subscribes. What keeps
 * failing is parked on the topic's {@code .dlt}.
 */
@Configuration
public class DossierTopics {

    public static final String TOPIC = "portal.dossiers.v1";
    public static final String MESSAGES = "portal.messages.v1";
    public static final String DOCUMENTS = "portal.documents.v1";
    public static final String QUESTIONNAIRES = "portal.questionnaires.v1";
    public static final String ACCOUNTS = "portal.accounts.v1";
    public static final String STAFF_ACTIONS = StaffActions.TOPIC;
    public static final String ACCESS = "portal.access.v1";

    @Bean
    OutboxCollection dossierOutbox() {
        return new OutboxCollection("dossiers");
    }

    @Bean
    OutboxCollection workItemOutbox() {
        return new OutboxCollection("work_items");
    }

    @Bean
    KafkaAdmin.NewTopics dossierServiceTopics() {
        return EventTopics.declare(TOPIC, MESSAGES, DOCUMENTS, QUESTIONNAIRES, ACCOUNTS, STAFF_ACTIONS, ACCESS);
    }
}
