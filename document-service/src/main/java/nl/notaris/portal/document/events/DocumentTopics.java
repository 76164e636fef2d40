package nl.notaris.portal.document.events;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import nl.notaris.portal.support.audit.StaffActions;
import nl.notaris.portal.support.events.EventTopics;
import nl.notaris.portal.support.events.OutboxCollection;

/**
 * The topics of this service: it publishes {@code portal.documents.v1} (keyed by dossier id,
 * relayed from the {@code documents} collection's outbox, and {@code portal.document.opened} from the
 * outbox of the read markers, {@code document_reads}) and, from the documents' outbox, the records of
 * the office's publications on {@code portal.staff-actions.v1}; it reads {@code portal.messages.v1},
 * whose attachments become documents, and {@code portal.questionnaires.v1}, whose completed PDFs do.
 * The dossier topic is declared by the access replica.
 */
@Configuration
public class DocumentTopics {

    public static final String TOPIC = "portal.documents.v1";
    public static final String MESSAGES = "portal.messages.v1";
    public static final String QUESTIONNAIRES = "portal.questionnaires.v1";
    public static final String STAFF_ACTIONS = StaffActions.TOPIC;

    @Bean
    OutboxCollection documentOutbox() {
        return new OutboxCollection("documents");
    }

    /** The per-(document, account) read markers carry the {@code portal.document.opened} events. */
    @Bean
    OutboxCollection documentReadOutbox() {
        return new OutboxCollection("document_reads");
    }

    @Bean
    KafkaAdmin.NewTopics documentServiceTopics() {
        return EventTopics.declare(TOPIC, MESSAGES, QUESTIONNAIRES, STAFF_ACTIONS);
    }
}
