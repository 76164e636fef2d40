package nl.notaris.portal.gateway;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** A real HTTP server on a free local port that stands in for dossier-service behind the gateway in tests. */
public final class StandInService {

    private StandInService() {
    }

    /** Starts a server answering every {@code /api/} call with the handler. */
    public static HttpServer start(HttpHandler api) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/api/", api);
            server.setExecutor(Executors.newFixedThreadPool(2));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Routes the gateway's dossier calls to the server, and its sessions to the test MongoDB. */
    public static void register(DynamicPropertyRegistry registry, HttpServer service) {
        TestMongo.register(registry);
        registry.add("DOSSIER_SERVICE_URL", () -> "http://localhost:" + service.getAddress().getPort());
    }
}
