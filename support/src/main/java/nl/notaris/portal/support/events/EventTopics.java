package nl.notaris.portal.support.events;

import java.util.Arrays;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * How a service declares the portal topics it publishes or reads: each topic from its one name
 * constant, together with its dead-letter topic {@code <topic>.dlt}, where the listeners park a record
 * that keeps failing (see {@link EventsAutoConfiguration}) and {@link DeadLetters} replays it from.
 * Spring's KafkaAdmin creates them at start-up where they are missing (locally and in the tests), so a
 * topic has all its partitions before a listener subscribes; where Strimzi runs Kafka the services may
 * not create topics, and KafkaAdmin only checks that the KafkaTopics of {@code k8s/} exist, with at
 * least these partitions.
 *
 * <p>A topic has {@value #PARTITIONS} partitions (keyed by dossier id, so a dossier's events stay in
 * order), its dead-letter topic {@value #DEAD_LETTER_PARTITIONS}. Replicas and settings are the
 * broker's: its {@code default.replication.factor} (1 locally, 3 in production, where the KafkaTopics
 * set them anyway).
 */
public final class EventTopics {

    public static final int PARTITIONS = 3;
    public static final int DEAD_LETTER_PARTITIONS = 1;

    private EventTopics() {
    }

    /** The topic, and its dead-letter topic, of each name: one bean of KafkaAdmin's for all a service declares. */
    public static KafkaAdmin.NewTopics declare(String... topics) {
        if (topics.length == 0) {
            throw new IllegalArgumentException("Name at least one topic");
        }
        return new KafkaAdmin.NewTopics(Arrays.stream(topics)
                .flatMap(topic -> Stream.of(topic(topic), deadLetterTopic(topic)))
                .toArray(NewTopic[]::new));
    }

    /** Where a record of {@code topic} that keeps failing is parked: {@code <topic>.dlt}. */
    public static String deadLetters(String topic) {
        return topic + ".dlt";
    }

    private static NewTopic topic(String name) {
        return TopicBuilder.name(name).partitions(PARTITIONS).build();
    }

    private static NewTopic deadLetterTopic(String topic) {
        return TopicBuilder.name(deadLetters(topic)).partitions(DEAD_LETTER_PARTITIONS).build();
    }
}
