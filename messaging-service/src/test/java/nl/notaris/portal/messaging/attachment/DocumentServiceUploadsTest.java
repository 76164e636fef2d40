package nl.notaris.portal.messaging.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.client.RestClient;

import com.sun.net.httpserver.HttpServer;

import nl.notaris.portal.support.web.ProblemException;

/** Marking an upload sent, over HTTP as document-service sees it: a PATCH with the sender's token. */
class DocumentServiceUploadsTest {

    record Received(String method, String path, String authorization, String contentType, String body) {
    }

    final List<Received> received = new CopyOnWriteArrayList<>();
    HttpServer documentService;
    DocumentServiceUploads uploads;

    @BeforeEach
    void start() throws IOException {
        documentService = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        documentService.createContext("/api/uploads/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            received.add(new Received(exchange.getRequestMethod(), path,
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            int status = path.endsWith("/gone") ? 404 : path.endsWith("/busy") ? 409 : 200;
            byte[] body = (status == 409
                    ? "{\"status\":409,\"detail\":\"'groot.pdf' has not finished uploading; it can be sent once every byte is in.\","
                            + "\"code\":\"upload.unfinished\",\"params\":{\"file\":\"groot.pdf\"}}"
                    : "{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", status == 200 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        documentService.start();
        uploads = new DocumentServiceUploads(RestClient.builder(),
                "http://localhost:" + documentService.getAddress().getPort());
        Jwt token = Jwt.withTokenValue("token-of-anna").header("alg", "none").subject("a1-anna").build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token));
    }

    @AfterEach
    void stop() {
        SecurityContextHolder.clearContext();
        documentService.stop(0);
    }

    @Test
    void anUploadIsMarkedSentWithItsMessageAsTheSender() {
        uploads.markSent("6b0a9f0e1c2d3e4f5a6b7c8d", "6b0a9f0e1c2d3e4f5a6b7c99");

        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("PATCH");
            assertThat(request.path()).isEqualTo("/api/uploads/6b0a9f0e1c2d3e4f5a6b7c8d");
            assertThat(request.authorization()).isEqualTo("Bearer token-of-anna");
            assertThat(request.contentType()).startsWith("application/json");
            assertThat(request.body()).isEqualTo("{\"messageId\":\"6b0a9f0e1c2d3e4f5a6b7c99\"}");
        });
    }

    @Test
    void anUploadThatIsGoneIsNotFoundAndARefusalIsPassedOn() {
        assertThatThrownBy(() -> uploads.markSent("gone", "m1")).isInstanceOfSatisfying(ProblemException.class,
                problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(problem).hasMessage("Upload gone was not found.");
                    assertThat(problem.code()).isEqualTo("message.upload-not-found");
                    assertThat(problem.params()).containsEntry("upload", "gone");
                });
        assertThatThrownBy(() -> uploads.markSent("busy", "m1")).isInstanceOfSatisfying(ProblemException.class,
                problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(problem.field()).isEqualTo("uploads");
                    assertThat(problem.getMessage()).contains("groot.pdf");
                    assertThat(problem.code()).as("passed on for the web app to say").isEqualTo("upload.unfinished");
                    assertThat(problem.params()).isEqualTo(java.util.Map.of("file", "groot.pdf"));
                });
    }
}
