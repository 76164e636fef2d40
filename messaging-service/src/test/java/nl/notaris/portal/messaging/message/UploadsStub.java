package nl.notaris.portal.messaging.message;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for document-service's uploads in this service's integration tests (the end-to-end
 * tests use the real one): GET /api/uploads/{id} answers the uploads a test registered, for their
 * owner's token only; POST /api/uploads takes the office's files (reading every byte) and answers a
 * new upload, or 415 for a file named {@code *.exe}.
 */
final class UploadsStub {

    private final HttpServer server;
    private final Map<String, String[]> uploads = new ConcurrentHashMap<>();
    private final AtomicInteger stored = new AtomicInteger();

    UploadsStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/uploads", this::answer);
        server.start();
    }

    String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    void stop() {
        server.stop(0);
    }

    /** An upload of {@code ownerToken}'s account for a dossier, complete or still uploading. */
    void has(String id, String ownerToken, String dossierId, String fileName, boolean complete) {
        uploads.put(id, new String[] { ownerToken, """
                {"id":"%s","dossierId":"%s","fileName":"%s","size":1234,"contentType":"application/pdf","status":"%s"}"""
                .formatted(id, dossierId, fileName, complete ? "COMPLETE" : "UPLOADING") });
    }

    int stored() {
        return stored.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String token = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")).replace("Bearer ", "");
        if (exchange.getRequestMethod().equals("POST")) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (body.contains(".exe\"")) {
                respond(exchange, 415, "{\"status\":415,\"detail\":\"'tool.exe' cannot be delivered: it is a program.\"}");
                return;
            }
            String dossierId = body.replaceAll("(?s).*name=\"dossierId\"\\r\\n(?:[^\\r\\n]*\\r\\n)*\\r\\n([^\\r\\n]+).*", "$1");
            String id = "office-upload-" + stored.incrementAndGet();
            has(id, token, dossierId, "bijlage-" + stored.get() + ".pdf", true);
            respond(exchange, 201, uploads.get(id)[1]);
            return;
        }
        String id = exchange.getRequestURI().getPath().substring("/api/uploads/".length());
        String[] upload = uploads.get(id);
        if (upload == null || !upload[0].equals(token)) {
            respond(exchange, 404, "{\"status\":404}");
        } else {
            respond(exchange, 200, upload[1]);
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status < 300 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
