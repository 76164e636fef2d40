package nl.notaris.portal.gateway;

import org.springframework.test.context.DynamicPropertyRegistry;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** The MongoDB wire-protocol server that holds the gateway's sessions in tests, one per test JVM. */
public final class TestMongo {

    private static String uri;

    private TestMongo() {
    }

    public static synchronized String uri() {
        if (uri == null) {
            MongoServer server = new MongoServer(new MemoryBackend());
            uri = server.bindAndGetConnectionString();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        }
        return uri;
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", TestMongo::uri);
    }
}
