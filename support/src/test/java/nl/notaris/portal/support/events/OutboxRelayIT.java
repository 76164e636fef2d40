package nl.notaris.portal.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
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
    void startsWhenTheDatabaseCannotMakeItsIndexAndMakesItLater() {
        AtomicInteger indexAttempts = new AtomicInteger();
        MongoTemplate slowAtFirst = new MongoTemplate(client, "outbox-test") {
            @Override
            public IndexOperations indexOps(String collectionName) {
                if (indexAttempts.incrementAndGet() == 1) {
                    throw new DataAccessResourceFailureException("Timed out while waiting for a server");
                }
                return super.indexOps(collectionName);
            }
        };
        OutboxRelay startedOnABusyDatabase = new OutboxRelay(slowAtFirst, kafka, List.of(new OutboxCollection("aggregates")),
                Duration.ofMillis(200));
        startedOnABusyDatabase.start();
        try {
            mongo.insert(new Document("_id", "agg-late").append("pendingEvents",
                    List.of(event("e-late", "after the failed index", Instant.now()))), "aggregates");
            try (TopicReader reader = new TopicReader(topic)) {
                assertThat(reader.readUntil(r -> true, 1, Duration.ofSeconds(15))).extracting(r -> r.value())
                        .containsExactly("{\"n\":\"after the failed index\"}");
            }
            assertThat(indexAttempts).as("the index is asked for again after the failure").hasValueGreaterThanOrEqualTo(2);
        } finally {
            startedOnABusyDatabase.stop();
        }
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

    /** The relay publishes long after the request; the event still belongs to that request's trace. */
    @Test
    void anEventIsPublishedInTheTraceOfTheRequestThatCausedIt() {
        var otel = SdkTracerProvider.builder().build().get("test");
        var tracer = new OtelTracer(otel, new OtelCurrentTraceContext(), event -> { });
        var tracing = new EventTracing(tracer,
                new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));
        relay = new OutboxRelay(mongo, kafka, List.of(new OutboxCollection("aggregates")), Duration.ofSeconds(1), tracing);
        Span request = tracer.nextSpan().name("request").start();
        String traceparent;
        try (var scope = tracer.withSpan(request)) {
            traceparent = tracing.traceparent();
        } finally {
            request.end();
        }
        assertThat(traceparent).contains(request.context().traceId()).contains(request.context().spanId());
        mongo.insert(new Document("_id", "agg-1").append("pendingEvents",
                List.of(event("e1", "traced", Instant.now()).append("traceparent", traceparent))), "aggregates");

        relay.publishPending();

        try (TopicReader reader = new TopicReader(topic)) {
            var record = reader.readUntil(r -> true, 1, Duration.ofSeconds(15)).getFirst();
            String header = new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8);
            // the same trace, continued by the relay's own producer span
            assertThat(header.split("-")[1]).isEqualTo(request.context().traceId());
            assertThat(header.split("-")[2]).isNotEqualTo(request.context().spanId());
        }
    }

    @Test
    void outsideATraceAnEventCarriesNoTraceContextAndIsStillPublished() {
        assertThat(EventTracing.NONE.traceparent()).isNull();
        mongo.insert(new Document("_id", "agg-1").append("pendingEvents", List.of(event("e1", "plain", Instant.now()))),
                "aggregates");
        assertThat(relay.pendingCount()).isEqualTo(1);

        assertThat(relay.publishPending()).isEqualTo(1);

        assertThat(relay.pendingCount()).isZero();
    }

    /** An event is relayed as soon as its write is acknowledged, long before the relay's next look (a minute here). */
    @Test
    void anAcknowledgedWriteToAnOutboxIsRelayedAtOnce() {
        var writes = new OutboxWrites(List.of(new OutboxCollection("aggregates")));
        try (MongoClient listened = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestInfrastructure.mongoUri())).addCommandListener(writes).build())) {
            var template = new MongoTemplate(listened, "outbox-test");
            var looking = new OutboxRelay(template, kafka, List.of(new OutboxCollection("aggregates")), Duration.ofMinutes(1))
                    .lookingAfter(writes);
            looking.start();
            try (TopicReader reader = new TopicReader(topic)) {
                template.insert(new Document("_id", "agg-1").append("pendingEvents",
                        List.of(event("e1", "at once", Instant.now()))), "aggregates");

                assertThat(reader.readUntil(r -> true, 1, Duration.ofSeconds(20)))
                        .extracting(r -> r.value()).containsExactly("{\"n\":\"at once\"}");
            } finally {
                looking.stop();
            }
        }
    }

    private Document event(String id, String name, Instant createdAt) {
        return new Document("eventId", id).append("topic", topic).append("key", "agg-1").append("type", "test")
                .append("payload", "{\"n\":\"" + name + "\"}").append("createdAt", java.util.Date.from(createdAt));
    }
}
