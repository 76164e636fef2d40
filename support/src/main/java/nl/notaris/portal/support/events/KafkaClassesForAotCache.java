package nl.notaris.portal.support.events;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * In the AOT cache's training run only ({@code spring.context.exit=onRefresh}: no broker, no listener started),
 * loads the Kafka client classes that a real start loads, so that the cache holds them: the protocol's message
 * classes (about 1,300, all loaded with {@link ApiKeys}) and the consumer's, producer's and admin client's:
 * dossier-service's start read 1,660 Kafka classes from the jar without them, 480 with them (those of a live
 * connection). The clients are made and closed at once and connect to nothing, so a training run without a
 * broker (the image build) makes the same cache.
 */
final class KafkaClassesForAotCache implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(KafkaClassesForAotCache.class);

    private final boolean trainingRun;
    private final String bootstrapServers;

    KafkaClassesForAotCache(boolean trainingRun, String bootstrapServers) {
        this.trainingRun = trainingRun;
        this.bootstrapServers = bootstrapServers;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!trainingRun) {
            return;
        }
        int apis = ApiKeys.values().length;
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrapServers, "client.id", "aot-training");
        try {
            new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer()).close(Duration.ZERO);
            new KafkaProducer<>(config, new StringSerializer(), new StringSerializer()).close(Duration.ZERO);
            Admin.create(config).close(Duration.ZERO);
        } catch (RuntimeException e) {
            // the cache then lacks some classes: a slower start, nothing else
            log.info("Kafka clients not made for the AOT cache: {}", e.toString());
        }
        log.info("Kafka client classes loaded for the AOT cache ({} APIs)", apis);
    }
}
