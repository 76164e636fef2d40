package nl.notaris.portal.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for dossier-service's internal access endpoint in other services' integration tests
 * (the end-to-end tests use the real one): a dossier the test made known here is what the owner
 * answers for a dossier the replica has not heard of yet. Calls without a bearer token get 401.
 */
public final class DossierOwnerStub {

    private static DossierOwnerStub instance;

    private final HttpServer server;
    private final Map<String, String> dossiers = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();

    private DossierOwnerStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/dossiers/", this::answer);
        server.start();
    }

    public static synchronized DossierOwnerStub instance() {
        if (instance == null) {
            instance = new DossierOwnerStub();
        }
        return instance;
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** From now on the owner knows this dossier with these parties. */
    public void knows(String dossierId, long version, TestCaller... parties) {
        try {
            dossiers.put(dossierId, new ObjectMapper().writeValueAsString(Map.of("dossierId", dossierId,
                    "number", "N-" + dossierId, "version", version,
                    "parties", DossierEventExamples.parties(parties))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many times the owner was asked, for tests that show it is asked once and no more. */
    public int calls() {
        return calls.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        String path = exchange.getRequestURI().getPath();
        String id = path.substring("/internal/dossiers/".length(), path.length() - "/access".length());
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        String body = dossiers.get(id);
        int status = authorization == null || !authorization.startsWith("Bearer ") ? 401 : body == null ? 404 : 200;
        byte[] bytes = (status == 200 ? body : "{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
