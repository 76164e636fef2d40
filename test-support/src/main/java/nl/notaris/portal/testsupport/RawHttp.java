package nl.notaris.portal.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends a request to a running service over a plain socket, byte for byte as written: NUL bytes,
 * bytes that are not UTF-8, a broken multipart body. No HTTP client cleans it up on the way, so a
 * test sees what the servlet container itself makes of it.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** {@code head} is the request line and headers, each ending in CRLF; Host and Connection are added. */
    public static Answer send(int port, String head, String body) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "Host: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(response);
            return Answer.parse(response.toString(StandardCharsets.UTF_8));
        }
    }

    public static Answer send(int port, String head) throws IOException {
        return send(port, head, "");
    }

    /** A multipart body with one file part whose Content-Disposition header is given as is. */
    public static String multipart(String boundary, String fileDisposition, String content, String... fields) {
        StringBuilder body = new StringBuilder();
        body.append("--").append(boundary).append("\r\n").append("Content-Disposition: ").append(fileDisposition)
                .append("\r\nContent-Type: application/pdf\r\n\r\n").append(content).append("\r\n");
        for (int i = 0; i + 1 < fields.length; i += 2) {
            body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(fields[i])
                    .append("\"\r\n\r\n").append(fields[i + 1]).append("\r\n");
        }
        return body.append("--").append(boundary).append("--\r\n").toString();
    }

    public record Answer(int status, String headers, String body) {

        static Answer parse(String raw) {
            int split = raw.indexOf("\r\n\r\n");
            String head = raw.substring(0, split);
            String body = raw.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            return new Answer(Integer.parseInt(head.split(" ")[1]), head, body);
        }

        private static String unchunk(String chunked) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (true) {
                int lineEnd = chunked.indexOf("\r\n", at);
                int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
                if (size == 0) {
                    return out.toString();
                }
                out.append(chunked, lineEnd + 2, lineEnd + 2 + size);
                at = lineEnd + 2 + size + 2;
            }
        }

        /** Asserts an RFC 9457 problem with this status and a detail for a person to read. */
        public Answer assertProblem(int expected) {
            assertThat(status).as(headers + "\n" + body).isEqualTo(expected);
            assertThat(headers.toLowerCase()).contains("content-type: application/problem+json");
            assertThat(json().path("status").asInt()).isEqualTo(expected);
            assertThat(json().path("detail").asText()).isNotBlank();
            return this;
        }

        public Answer assertField(String field) {
            assertThat(json().path("errors").path(0).path("field").asText()).as(body).isEqualTo(field);
            return this;
        }

        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }
}
