package nl.notaris.portal.support.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The operators' view of this service's dead letters: {@code GET /actuator/deadletters} shows how many
 * records wait on the {@code .dlt} topic of each topic this service reads; {@code POST
 * /actuator/deadletters/<topic>} puts them back on {@code <topic>} (same key, value and headers, without
 * the {@code kafka_dlt-*} ones) and remembers how far it got, so a second replay sends only what was
 * parked since. The consumers are idempotent by event id, so a replayed record that was handled in the
 * meantime has no second effect. Reachable from the pod itself only (see the security configuration).
 * <p>Every consumer group of a topic parks its own copy of a failing record on the same {@code .dlt}
 * topic; a service counts and replays only the copies its own group parked, and marks what it puts
 * back with {@link #REPLAY_FOR} so that the topic's other groups pass over it ({@link #replayedForAnotherGroup}).
 */
@Endpoint(id = "deadletters")
public class DeadLetters {

    private static final Duration POLL = Duration.ofMillis(500);
    /** Header on a replayed record: the consumer group it is replayed for; the other groups skip it. */
    public static final String REPLAY_FOR = "portal-replay-for";
    private static final String PARKED_BY = "kafka_dlt-original-consumer-group";

    private final KafkaListenerEndpointRegistry listeners;
    private final KafkaTemplate<String, String> kafka;
    private final Map<String, Object> consumerConfig;
    private final String group;

    public DeadLetters(KafkaListenerEndpointRegistry listeners, KafkaTemplate<String, String> kafka,
            Map<String, Object> consumerConfig, String application) {
        this.listeners = listeners;
        this.kafka = kafka;
        this.group = String.valueOf(consumerConfig.getOrDefault(ConsumerConfig.GROUP_ID_CONFIG, application));
        this.consumerConfig = new HashMap<>(consumerConfig);
        this.consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, application + ".dead-letter-replay");
        this.consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    }

    @ReadOperation
    public Map<String, Long> waiting() {
        Map<String, Long> waiting = new LinkedHashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            for (String topic : consumedTopics()) {
                long[] count = { 0 };
                readUnreplayed(consumer, topic, record -> count[0]++);
                waiting.put(topic, count[0]);
            }
        }
        return waiting;
    }

    /** Replays what waits on {@code <topic>.dlt}; 0 when nothing waits. An unknown topic replays nothing. */
    @WriteOperation
    public Replay replay(@Selector String topic) {
        if (!consumedTopics().contains(topic)) {
            return new Replay(topic, 0, "This service does not read " + topic + "; it reads " + consumedTopics() + ".");
        }
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            Map<TopicPartition, OffsetAndMetadata> replayed = readUnreplayed(consumer, topic, record -> {
                ProducerRecord<String, String> again = new ProducerRecord<>(topic, record.key(), record.value());
                for (Header header : record.headers()) {
                    if (!header.key().startsWith("kafka_dlt-") && !header.key().equals(REPLAY_FOR)) {
                        again.headers().add(header);
                    }
                }
                again.headers().add(REPLAY_FOR, group.getBytes(StandardCharsets.UTF_8));
                sends.add(kafka.send(again));
            });
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
            consumer.commitSync(replayed);
            return new Replay(topic, sends.size(), null);
        }
    }

    /**
     * Hands each record this service's group parked on {@code <topic>.dlt} since the last replay to
     * {@code action}; returns the offsets to commit once they were replayed (past the other groups' copies too).
     */
    private Map<TopicPartition, OffsetAndMetadata> readUnreplayed(KafkaConsumer<String, String> consumer, String topic,
            java.util.function.Consumer<ConsumerRecord<String, String>> action) {
        List<TopicPartition> partitions = partitions(consumer, EventTopics.deadLetters(topic));
        consumer.assign(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, OffsetAndMetadata> done = consumer.committed(Set.copyOf(partitions));
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata committed = done.get(partition);
            if (committed != null) {
                consumer.seek(partition, committed.offset());
            } else {
                consumer.seekToBeginning(List.of(partition));
            }
        }
        Map<TopicPartition, OffsetAndMetadata> read = new HashMap<>();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
            for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (record.offset() >= ends.get(partition)) {
                    continue;
                }
                Header parkedBy = record.headers().lastHeader(PARKED_BY);
                if (parkedBy == null || group.equals(new String(parkedBy.value(), StandardCharsets.UTF_8))) {
                    action.accept(record);
                }
                read.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        return read;
    }

    /** True for a record replayed for another consumer group of its topic: this group handled or parked it itself. */
    static boolean replayedForAnotherGroup(ConsumerRecord<?, ?> record, String group) {
        Header replayFor = record.headers().lastHeader(REPLAY_FOR);
        return replayFor != null && !group.equals(new String(replayFor.value(), StandardCharsets.UTF_8));
    }

    public record Replay(String topic, int replayed, String problem) {
    }

    private Set<String> consumedTopics() {
        Set<String> topics = new TreeSet<>();
        listeners.getListenerContainers().forEach(container -> {
            String[] names = container.getContainerProperties().getTopics();
            if (names != null) {
                topics.addAll(List.of(names));
            }
        });
        return topics;
    }

    private KafkaConsumer<String, String> consumer() {
        Map<String, Object> config = new HashMap<>(consumerConfig);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "dead-letter-replay-" + UUID.randomUUID());
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        return infos == null ? List.of()
                : infos.stream().map(info -> new TopicPartition(topic, info.partition())).toList();
    }

}
