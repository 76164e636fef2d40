package nl.notaris.portal.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.tracing.Tracer;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.TestInfrastructure;

/**
 * The other half of {@link OutboxRelayIT}: a listener, configured as every service's (the shared
 * defaults in {@code portal-defaults.yml}), handles a record within the trace whose
 * {@code traceparent} header the relay put on it, so one trace runs from the request that wrote the
 * event to every consumer's work (and its log lines).
 */
@SpringBootTest(classes = ListenerTracingIT.App.class, properties = {
        "spring.config.import=classpath:portal-defaults.yml", "portal.database=support-tracing-test",
        "spring.application.name=support-tracing-test" })
class ListenerTracingIT extends IntegrationTest {

    static final String TOPIC = "test.tracing.v1";
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Autowired
    BlockingQueue<String> handledInTrace;

    @Test
    void aListenerContinuesTheTraceOfTheRecordsTraceparent() throws Exception {
        var kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<String, String>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer()));
        var record = new ProducerRecord<String, String>(TOPIC, "key", "{}");
        record.headers().add("traceparent", ("00-" + TRACE_ID + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(record).get(10, TimeUnit.SECONDS);
        } finally {
            kafka.destroy();
        }

        assertThat(handledInTrace.poll(30, TimeUnit.SECONDS)).isEqualTo(TRACE_ID);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        BlockingQueue<String> handledInTrace() {
            return new LinkedBlockingQueue<>();
        }

        @Bean
        TracedListener tracedListener(Tracer tracer, BlockingQueue<String> handledInTrace) {
            return new TracedListener(tracer, handledInTrace);
        }
    }

    record TracedListener(Tracer tracer, BlockingQueue<String> handledInTrace) {

        @KafkaListener(id = "tracing-test", topics = TOPIC)
        void on(ConsumerRecord<String, String> record) {
            var span = tracer.currentSpan();
            handledInTrace.add(span == null ? "no span" : span.context().traceId());
        }
    }
}
