package nl.notaris.portal.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for document-service's uploads in this service's integration tests (the end-to-end
 * tests use the real one): GET /api/uploads/{id} answers the uploads a test registered, for their
 * owner's token only; POST /api/uploads takes the office's files (reading every byte) and answers a
 * new upload, or 415 for a file named {@code *.exe} (with its code {@code upload.refused-type} and
 * parameters, as document-service answers), and keeps each file's bytes for the test.
 */
public final class UploadsStub {

    private final HttpServer server;
    private final Map<String, String[]> uploads = new ConcurrentHashMap<>();
    private final AtomicInteger stored = new AtomicInteger();
    private final List<StoredFile> files = new CopyOnWriteArrayList<>();

    /** A file POSTed to the stub: who sent it, for which dossier, its name and its bytes. */
    public record StoredFile(String id, String ownerToken, String dossierId, String fileName, byte[] content) {
    }

    public UploadsStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/uploads", this::answer);
        server.start();
    }

    public String url() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    public void stop() {
        server.stop(0);
    }

    /** An upload of {@code ownerToken}'s account for a dossier, complete or still uploading. */
    public void has(String id, String ownerToken, String dossierId, String fileName, boolean complete) {
        uploads.put(id, new String[] { ownerToken, """
                {"id":"%s","dossierId":"%s","fileName":"%s","size":1234,"contentType":"application/pdf","status":"%s"}"""
                .formatted(id, dossierId, fileName, complete ? "COMPLETE" : "UPLOADING") });
    }

    public int stored() {
        return stored.get();
    }

    /** The files POSTed so far, oldest first. */
    public List<StoredFile> files() {
        return List.copyOf(files);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String token = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")).replace("Bearer ", "");
        if (exchange.getRequestMethod().equals("POST")) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (body.contains(".exe\"")) {
                respond(exchange, 415, """
                        {"status":415,"detail":"'tool.exe' cannot be delivered: it is a program.","code":"upload.refused-type",\
                        "params":{"file":"tool.exe","kind":"program","type":"application/x-msdownload"}}""");
                return;
            }
            String dossierId = body.replaceAll("(?s).*name=\"dossierId\"\\r\\n(?:[^\\r\\n]*\\r\\n)*\\r\\n([^\\r\\n]+).*", "$1");
            String id = "office-upload-" + stored.incrementAndGet();
            has(id, token, dossierId, "bijlage-" + stored.get() + ".pdf", true);
            files.add(new StoredFile(id, token, dossierId, part(body, "filename=\"([^\"]*)\""), filePart(body)));
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

    private static String part(String body, String regex) {
        var matcher = Pattern.compile(regex).matcher(body);
        return matcher.find() ? new String(matcher.group(1).getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8) : null;
    }

    /** The bytes of the part named {@code file}: from after its headers to the next boundary. */
    private static byte[] filePart(String body) {
        int part = body.indexOf("name=\"file\"");
        if (part < 0) {
            return new byte[0];
        }
        int start = body.indexOf("\r\n\r\n", part) + 4;
        String boundary = body.substring(0, body.indexOf("\r\n"));
        int end = body.indexOf("\r\n" + boundary, start);
        return body.substring(start, end).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status < 300 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
