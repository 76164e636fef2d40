// Kafka access for the reliability suite (reliability/lib/kafka.mjs), run with Java's source launcher on the
// local stack's class path (kafka-clients is on it), so the suite needs no Kafka client in Node:
//   java -cp "$(local-stack classpath)" reliability/lib/KafkaTool.java
// One JSON request per line on stdin, one JSON answer per line on stdout ({"ok":true,...} or {"ok":false,"error":...}).
// Requests (op):
//   produce     records: [{topic, partition?, key?, value, headers?: {name: value}}]  -> results: [{topic, partition, offset}]
//   partitions  topic                                                              -> partitions: n
//   endOffsets  topics: [..]                                                       -> offsets: {topic: {partition: offset}}
//   read        topic, from?: {partition: offset}, to?: {partition: offset}        -> records: [{partition, offset, timestamp, key, value, headers}]
//               (from: the beginning when absent; to: the end offsets at the time of the request)
//   committed   groups: [..], topics: [..]                                         -> committed: {group: {topic: {partition: offset}}}
// Every request is bounded in time (KAFKA_TOOL_TIMEOUT_MS, 10 s): a broker that is paused gives an error, not a hang.
import java.time.Duration;
import java.util.*;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

public class KafkaTool {

    static final String BOOTSTRAP = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
    static final int TIMEOUT_MS = Integer.parseInt(System.getenv().getOrDefault("KAFKA_TOOL_TIMEOUT_MS", "10000"));

    static final ObjectMapper JSON = new ObjectMapper();
    static KafkaProducer<String, String> producer;

    public static void main(String[] args) throws Exception {
        var in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8));
        var out = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, "UTF-8");
        out.println("{\"ok\":true,\"ready\":true}");
        for (String line; (line = in.readLine()) != null; ) {
            if (line.isBlank()) continue;
            String answer;
            try {
                Map<String, Object> request = asMap(JSON.readValue(line, Object.class));
                answer = JSON.writeValueAsString(handle(request));
            } catch (Exception e) {
                answer = JSON.writeValueAsString(Map.of("ok", false, "error", e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage())));
                if (producer != null && !(e instanceof IllegalArgumentException || e instanceof JsonProcessingException)) {
                    producer.close(Duration.ZERO);
                    producer = null;
                }
            }
            out.println(answer);
        }
        if (producer != null) producer.close(Duration.ofSeconds(2));
    }

    static Map<String, Object> handle(Map<String, Object> request) throws Exception {
        String op = (String) request.get("op");
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("ok", true);
        switch (op) {
            case "produce" -> answer.put("results", produce(asList(request.get("records"))));
            case "partitions" -> {
                try (var consumer = consumer()) {
                    answer.put("partitions", partitions(consumer, (String) request.get("topic")).size());
                }
            }
            case "endOffsets" -> {
                Map<String, Object> offsets = new LinkedHashMap<>();
                try (var consumer = consumer()) {
                    for (Object topic : asList(request.get("topics"))) {
                        offsets.put((String) topic, byPartition(consumer.endOffsets(partitions(consumer, (String) topic), timeout())));
                    }
                }
                answer.put("offsets", offsets);
            }
            case "read" -> answer.put("records", read((String) request.get("topic"), asMap(request.get("from")), asMap(request.get("to"))));
            case "committed" -> answer.put("committed", committed(asList(request.get("groups")), asList(request.get("topics"))));
            default -> throw new IllegalArgumentException("unknown op " + op);
        }
        return answer;
    }

    static List<Object> produce(List<Object> records) throws Exception {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, TIMEOUT_MS);
            p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(TIMEOUT_MS, 5000));
            p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
            p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        }
        List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
        for (Object o : records) {
            Map<String, Object> r = asMap(o);
            Number partition = (Number) r.get("partition");
            var record = new ProducerRecord<String, String>((String) r.get("topic"), partition == null ? null : partition.intValue(),
                    (String) r.get("key"), (String) r.get("value"));
            Map<String, Object> headers = asMap(r.get("headers"));
            if (headers != null) {
                headers.forEach((name, value) -> record.headers().add(name, String.valueOf(value).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            sent.add(producer.send(record));
        }
        List<Object> results = new ArrayList<>();
        for (var future : sent) {
            RecordMetadata m = future.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            results.add(Map.of("topic", m.topic(), "partition", m.partition(), "offset", m.offset()));
        }
        return results;
    }

    static List<Object> read(String topic, Map<String, Object> from, Map<String, Object> to) {
        List<Object> records = new ArrayList<>();
        try (var consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            if (partitions.isEmpty()) return records;
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = new HashMap<>(consumer.endOffsets(partitions, timeout()));
            if (to != null) to.forEach((p, offset) -> ends.put(new TopicPartition(topic, Integer.parseInt(p)), ((Number) offset).longValue()));
            Map<TopicPartition, Long> begins = consumer.beginningOffsets(partitions, timeout());
            for (TopicPartition partition : partitions) {
                Object start = from == null ? null : from.get(String.valueOf(partition.partition()));
                consumer.seek(partition, start == null ? begins.get(partition) : Math.max(((Number) start).longValue(), begins.get(partition)));
            }
            long deadline = System.currentTimeMillis() + TIMEOUT_MS;
            while (partitions.stream().anyMatch(p -> consumer.position(p, timeout()) < ends.get(p))) {
                if (System.currentTimeMillis() > deadline) throw new IllegalStateException("reading " + topic + " took longer than " + TIMEOUT_MS + " ms");
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= ends.get(partition)) continue;
                    Map<String, Object> headers = new LinkedHashMap<>();
                    for (Header header : record.headers()) {
                        headers.put(header.key(), header.value() == null ? null : headerText(header.key(), header.value()));
                    }
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("partition", record.partition());
                    r.put("offset", record.offset());
                    r.put("timestamp", record.timestamp());
                    r.put("key", record.key());
                    r.put("value", record.value());
                    r.put("headers", headers);
                    records.add(r);
                }
            }
        }
        return records;
    }

    /** Spring Kafka writes some dead-letter headers as binary numbers (offsets, partitions, timestamps). */
    static String headerText(String name, byte[] value) {
        if ((name.endsWith("-offset") || name.endsWith("-timestamp")) && value.length == 8) {
            return String.valueOf(java.nio.ByteBuffer.wrap(value).getLong());
        }
        if (name.endsWith("-partition") && value.length == 4) {
            return String.valueOf(java.nio.ByteBuffer.wrap(value).getInt());
        }
        return new String(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    static Map<String, Object> committed(List<Object> groups, List<Object> topics) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        try (Admin admin = Admin.create(p)) {
            for (Object group : groups) {
                var offsets = admin.listConsumerGroupOffsets((String) group).partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                Map<String, Object> perTopic = new LinkedHashMap<>();
                for (Object topic : topics) {
                    Map<String, Object> byPartition = new TreeMap<>();
                    offsets.forEach((tp, om) -> {
                        if (tp.topic().equals(topic) && om != null) byPartition.put(String.valueOf(tp.partition()), om.offset());
                    });
                    perTopic.put((String) topic, byPartition);
                }
                result.put((String) group, perTopic);
            }
        }
        return result;
    }

    static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(TIMEOUT_MS, 5000));
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }

    static List<TopicPartition> partitions(KafkaConsumer<String, String> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, timeout());
        if (infos == null) return List.of();
        return infos.stream().map(i -> new TopicPartition(topic, i.partition())).sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
    }

    static Map<String, Object> byPartition(Map<TopicPartition, Long> offsets) {
        Map<String, Object> result = new TreeMap<>();
        offsets.forEach((tp, offset) -> result.put(String.valueOf(tp.partition()), offset));
        return result;
    }

    static Duration timeout() {
        return Duration.ofMillis(TIMEOUT_MS);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }
}
