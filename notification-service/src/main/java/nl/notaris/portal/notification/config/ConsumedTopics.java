package nl.notaris.portal.notification.config;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

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
    NewTopic documentsTopic() {
        return TopicBuilder.name(DOCUMENTS).partitions(3).build();
    }

    @Bean
    NewTopic documentsDeadLetterTopic() {
        return TopicBuilder.name(DOCUMENTS + ".dlt").partitions(1).build();
    }

    @Bean
    NewTopic accountsTopic() {
        return TopicBuilder.name(ACCOUNTS).partitions(3).build();
    }

    @Bean
    NewTopic accountsDeadLetterTopic() {
        return TopicBuilder.name(ACCOUNTS + ".dlt").partitions(1).build();
    }

    @Bean
    NewTopic messagesTopic() {
        return TopicBuilder.name(MESSAGES).partitions(3).build();
    }

    @Bean
    NewTopic messagesDeadLetterTopic() {
        return TopicBuilder.name(MESSAGES + ".dlt").partitions(1).build();
    }

    @Bean
    NewTopic questionnairesTopic() {
        return TopicBuilder.name(QUESTIONNAIRES).partitions(3).build();
    }

    @Bean
    NewTopic questionnairesDeadLetterTopic() {
        return TopicBuilder.name(QUESTIONNAIRES + ".dlt").partitions(1).build();
    }

    @Bean
    NewTopic accessTopic() {
        return TopicBuilder.name(ACCESS).partitions(3).build();
    }

    @Bean
    NewTopic accessDeadLetterTopic() {
        return TopicBuilder.name(ACCESS + ".dlt").partitions(1).build();
    }

    @Bean
    NewTopic documentDigestsTopic() {
        return TopicBuilder.name(DOCUMENT_DIGESTS).partitions(3).build();
    }

    @Bean
    NewTopic documentDigestsDeadLetterTopic() {
        return TopicBuilder.name(DOCUMENT_DIGESTS + ".dlt").partitions(1).build();
    }
}
