package nl.notaris.portal.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what a service published on a topic, from the beginning, for assertions. */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    public TopicReader(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Polls until {@code count} records matching are read or the timeout passes; returns what it read. */
    public List<ConsumerRecord<String, String>> readUntil(java.util.function.Predicate<ConsumerRecord<String, String>> matching,
            int count, Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (found.size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                if (matching.test(record)) {
                    found.add(record);
                }
            });
        }
        return found;
    }

    /**
     * Like {@link #readUntil}, counting each event once by its CloudEvents {@code id}, as the idempotent
     * consumers do: the outbox publishes at least once, so a record can come twice.
     */
    public List<ConsumerRecord<String, String>> readDistinctEvents(
            java.util.function.Predicate<ConsumerRecord<String, String>> matching, int count, Duration timeout) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        return readUntil(record -> matching.test(record)
                && ids.add(com.jayway.jsonpath.JsonPath.read(record.value(), "$.id")), count, timeout);
    }

    /**
     * Like {@link #readDistinctEvents(java.util.function.Predicate, int, Duration)}, then keeps reading
     * for {@code settle}: an event beyond the expected {@code count} (a second record of one action) is
     * returned too, so that a test can assert exactly what was published.
     */
    public List<ConsumerRecord<String, String>> readDistinctEvents(
            java.util.function.Predicate<ConsumerRecord<String, String>> matching, int count, Duration timeout,
            Duration settle) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.function.Predicate<ConsumerRecord<String, String>> distinct = record -> matching.test(record)
                && ids.add(com.jayway.jsonpath.JsonPath.read(record.value(), "$.id"));
        List<ConsumerRecord<String, String>> found = readUntil(distinct, count, timeout);
        found.addAll(readUntil(distinct, Integer.MAX_VALUE, settle));
        return found;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
