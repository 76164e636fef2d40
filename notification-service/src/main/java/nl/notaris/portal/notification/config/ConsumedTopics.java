package nl.notaris.portal.notification.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import nl.notaris.portal.support.events.EventTopics;

/**
 * The topics this service reads besides the dossier topic (declared by the access replica), and
 * where it parks what it cannot handle. Declared here too, with the producers' partition count, so
 * that they exist with all their partitions before the listeners subscribe.
 */
@Configuration
public class ConsumedTopics {

    public static final String DOCUMENTS = "portal.documents.v1";
    public static final String MESSAGES = "portal.messages.v1";
    public static final String ACCOUNTS = "portal.accounts.v1";
    public static final String QUESTIONNAIRES = "portal.questionnaires.v1";
    /** The grants clients give advisers (ADV-1), keyed by dossier id. */
    public static final String ACCESS = "portal.access.v1";
    /** This service's own topic: document digests whose mail is due (keyed by dossier id). */
    public static final String DOCUMENT_DIGESTS = "notification.document-digests.v1";

    @Bean
    KafkaAdmin.NewTopics notificationServiceTopics() {
        return EventTopics.declare(DOCUMENTS, ACCOUNTS, MESSAGES, QUESTIONNAIRES, ACCESS, DOCUMENT_DIGESTS);
    }
}
