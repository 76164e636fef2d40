package nl.notaris.portal.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * Local, file-backed MongoDB wire-protocol server for {@code ./portal up} (no Docker needed).
 *
 * <p>Uses mongo-java-server with its H2 (MVStore) backend, so data survives restarts. It reports
 * MongoDB 5.0 (wire version 13), which the MongoDB Java driver 5.x accepts. mongo-java-server only
 * knows the legacy {@code isMaster} handshake command; {@code hello} (used by Spring Boot's
 * MongoDB health indicator) is answered with the same document.
 *
 * <p>Usage: {@code LocalMongo [dataDir] [port] [host]}; defaults come from the system properties
 * {@code localmongo.dir} ({@code .local/data/mongo}), {@code localmongo.port} (27017) and
 * {@code localmongo.host} (127.0.0.1).
 */
public final class LocalMongo {

    private static final String DATA_FILE = "mongo.mv.db";

    private LocalMongo() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path dataDir = Path.of(arg(args, 0, "localmongo.dir", ".local/data/mongo"));
        int port = Integer.parseInt(arg(args, 1, "localmongo.port", "27017"));
        String host = arg(args, 2, "localmongo.host", "127.0.0.1");

        Files.createDirectories(dataDir);
        Path dataFile = dataDir.resolve(DATA_FILE).toAbsolutePath();

        H2Backend backend = new HelloAwareH2Backend(dataFile.toString());
        backend.version(ServerVersion.MONGO_5_0);
        MongoServer server = new MongoServer(backend);
        server.bind(host, port);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Stop accepting connections first, then close the MVStore so everything is flushed to disk.
            server.shutdownNow();
            stopped.countDown();
        }, "local-mongo-shutdown"));

        System.out.printf("LocalMongo listening on mongodb://%s:%d (data file %s)%n", host, port, dataFile);
        stopped.await();
    }

    /** H2 backend that also answers the {@code hello} command (MongoDB 4.4.2+ name of isMaster). */
    static final class HelloAwareH2Backend extends H2Backend {

        HelloAwareH2Backend(String fileName) {
            super(fileName);
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            if ("hello".equalsIgnoreCase(command)) {
                Document answer = super.handleCommand(channel, databaseName, "ismaster", query);
                answer.put("isWritablePrimary", answer.getOrDefault("ismaster", Boolean.TRUE));
                return answer;
            }
            return super.handleCommand(channel, databaseName, command, query);
        }
    }

    private static String arg(String[] args, int index, String property, String fallback) {
        if (args.length > index && !args[index].isBlank()) {
            return args[index];
        }
        return System.getProperty(property, fallback);
    }
}
