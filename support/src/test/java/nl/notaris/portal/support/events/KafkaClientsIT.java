package nl.notaris.portal.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import nl.notaris.portal.support.events.KafkaClientsAutoConfiguration.KafkaConsumerChores;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.TestInfrastructure;

/** A listener of three consumers, configured as every service's, on a real broker: one chores thread, the read meters. */
@SpringBootTest(classes = KafkaClientsIT.App.class, properties = {
        "spring.config.import=classpath:portal-defaults.yml", "portal.database=support-kafka-clients-test",
        "spring.application.name=support-kafka-clients-test", "spring.kafka.listener.concurrency=3" })
class KafkaClientsIT extends IntegrationTest {

    static final String TOPIC = "test.kafka-clients.v1";

    @Autowired
    BlockingQueue<String> received;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    KafkaConsumerChores chores;

    @Autowired
    MeterRegistry meters;

    @Test
    void theConsumersShareOneChoresThreadAndKeepOnlyTheReadMeters() throws Exception {
        var kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<String, String>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()),
                new StringSerializer(), new StringSerializer()));
        try {
            kafka.send(TOPIC, "key", "{}").get(10, TimeUnit.SECONDS);
        } finally {
            kafka.destroy();
        }
        assertThat(received.poll(30, TimeUnit.SECONDS)).isEqualTo("{}");

        var container = (ConcurrentMessageListenerContainer<?, ?>) listeners.getListenerContainer("kafka-clients-test");
        assertThat(container.getContainers()).hasSize(3)
                .allSatisfy(consumer -> assertThat(consumer.getContainerProperties().getScheduler()).isSameAs(chores.scheduler()));
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("micrometer-kafka-metrics"))
                .anyMatch(name -> name.startsWith("kafka-chores-"));

        var kafkaMeterNames = meters.getMeters().stream().map(Meter::getId).map(Meter.Id::getName)
                .filter(name -> name.startsWith("kafka.")).distinct().toList();
        assertThat(kafkaMeterNames).contains("kafka.consumer.fetch.manager.records.lag.max",
                "kafka.consumer.fetch.manager.records.consumed.total");
        assertThat(kafkaMeterNames).allMatch(KafkaClientsAutoConfiguration.KEPT_METERS::contains);
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        BlockingQueue<String> received() {
            return new LinkedBlockingQueue<>();
        }

        @Bean
        Listener listener(BlockingQueue<String> received) {
            return new Listener(received);
        }
    }

    record Listener(BlockingQueue<String> received) {

        @KafkaListener(id = "kafka-clients-test", topics = TOPIC)
        void on(String value) {
            received.add(value);
        }
    }
}
