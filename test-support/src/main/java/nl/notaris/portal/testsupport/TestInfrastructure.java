package nl.notaris.portal.testsupport;

import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The real infrastructure of the integration tests, started once per test JVM: MongoDB and Kafka
 * in containers where a Docker engine runs, otherwise the MongoDB wire-protocol server and a KRaft
 * Kafka broker in process. The tests are the same either way.
 */
public final class TestInfrastructure {

    private static String mongoUri;
    private static String kafkaBootstrapServers;

    private TestInfrastructure() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        start();
        registry.add("spring.mongodb.uri", () -> mongoUri);
        registry.add("spring.kafka.bootstrap-servers", () -> kafkaBootstrapServers);
        registry.add("portal.dossier-service-url", () -> DossierOwnerStub.instance().url());
    }

    public static synchronized String mongoUri() {
        start();
        return mongoUri;
    }

    public static synchronized String kafkaBootstrapServers() {
        start();
        return kafkaBootstrapServers;
    }

    private static synchronized void start() {
        if (mongoUri != null) {
            return;
        }
        if (dockerAvailable()) {
            var mongo = new MongoDBContainer("mongo:8.0");
            var kafka = new KafkaContainer("apache/kafka:4.1.1");
            mongo.start();
            kafka.start();
            mongoUri = mongo.getReplicaSetUrl();
            kafkaBootstrapServers = kafka.getBootstrapServers();
        } else {
            MongoServer mongo = new MongoServer(new MemoryBackend());
            mongoUri = mongo.bindAndGetConnectionString();
            EmbeddedKafkaBroker kafka = new EmbeddedKafkaKraftBroker(1, 3)
                    .brokerProperties(java.util.Map.of("auto.create.topics.enable", "true"));
            kafka.afterPropertiesSet();
            kafkaBootstrapServers = kafka.getBrokersAsString();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.destroy();
                mongo.shutdownNow();
            }));
        }
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
