package nl.notaris.portal.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import nl.notaris.portal.testsupport.TestInfrastructure;
import nl.notaris.portal.testsupport.TopicReader;

class OutboxRelayIT {

    MongoClient client;
    MongoTemplate mongo;
    KafkaTemplate<String, String> kafka;
    OutboxRelay relay;
    String topic = "test.outbox." + UUID.randomUUID();

    @BeforeEach
    void setUp() {
        client = MongoClients.create(TestInfrastructure.mongoUri());
        mongo = new MongoTemplate(client, "outbox-test");
        kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer()));
        relay = new OutboxRelay(mongo, kafka, List.of(new OutboxCollection("aggregates")), Duration.ofSeconds(1));
        mongo.dropCollection("aggregates");
    }

    @AfterEach
    void tearDown() {
        kafka.destroy();
        client.close();
    }

    @Test
    void publishesPendingEventsInOrderAndRemovesThemFromTheirDocument() {
        Instant now = Instant.now();
        mongo.insert(new Document("_id", "agg-1").append("name", "kept").append("pendingEvents", List.of(
                event("e2", "second", now.plusMillis(5)), event("e1", "first", now))), "aggregates");
        mongo.insert(new Document("_id", "agg-2").append("pendingEvents", List.of()), "aggregates");

        assertThat(relay.publishPending()).isEqualTo(2);

        try (TopicReader reader = new TopicReader(topic)) {
            assertThat(reader.readUntil(r -> true, 2, Duration.ofSeconds(15)))
                    .extracting(r -> r.key() + "=" + r.value())
                    .containsExactly("agg-1={\"n\":\"first\"}", "agg-1={\"n\":\"second\"}");
        }
        Document stored = mongo.findById("agg-1", Document.class, "aggregates");
        assertThat(stored.getList("pendingEvents", Document.class)).isEmpty();
        assertThat(stored.getString("name")).isEqualTo("kept");
        assertThat(relay.publishPending()).isZero();
    }

    private Document event(String id, String name, Instant createdAt) {
        return new Document("eventId", id).append("topic", topic).append("key", "agg-1").append("type", "test")
                .append("payload", "{\"n\":\"" + name + "\"}").append("createdAt", java.util.Date.from(createdAt));
    }
}
