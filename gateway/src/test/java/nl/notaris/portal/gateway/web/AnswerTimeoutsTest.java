package nl.notaris.portal.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import nl.notaris.portal.gateway.StandInService;
import reactor.core.publisher.Mono;

/**
 * How long the gateway waits for a service: from when the request has gone out (a body however slow
 * included) until the answer begins (10 s for API calls, 300 s on the file routes), never for the rest of
 * the body. A download that is still streaming must not be cut. Here the API limit is 1 s; the gateway runs
 * on a real port, called by a plain HTTP client with a bearer token, the way back-office tools call it, and a
 * real HTTP server stands in for the services.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "portal.answer-timeout=1s")
class AnswerTimeoutsTest {

    static final int PARTS = 6;
    static final Duration BETWEEN_PARTS = Duration.ofMillis(400);
    static final Duration LATE = Duration.ofMillis(2500);
    static final HttpServer service = StandInService.start(AnswerTimeoutsTest::answer);
    static final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void serviceUrls(DynamicPropertyRegistry registry) {
        StandInService.register(registry, service);
        registry.add("DOCUMENT_SERVICE_URL", () -> "http://localhost:" + service.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        service.stop(0);
    }

    @Test
    void anAnswerThatStreamsLongerThanTheLimitArrivesWhole() throws Exception {
        Instant start = Instant.now();
        HttpResponse<String> response = get("/api/dossiers/streamed");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("part;".repeat(PARTS));
        assertThat(Duration.between(start, Instant.now())).isGreaterThan(Duration.ofSeconds(2));
    }

    @Test
    void aDownloadThatStreamsLongerThanTheLimitArrivesWhole() throws Exception {
        HttpResponse<String> response = get("/api/staff/documents/streamed/content");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("part;".repeat(PARTS));
    }

    @Test
    void anApiAnswerThatDoesNotBeginInTimeIsAGatewayTimeout() throws Exception {
        assertThat(get("/api/dossiers/late").statusCode()).isEqualTo(504);
    }

    @Test
    void aRequestBodyThatTakesLongerThanTheLimitToSendIsAnswered() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/staff/dossiers/slow-body"))
                .header("Authorization", "Bearer staff-tool").header("Content-Type", "text/plain")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofInputStream(SlowBody::new)).build();
        Instant start = Instant.now();

        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("received " + "part;".repeat(PARTS).length());
        assertThat(Duration.between(start, Instant.now())).isGreaterThan(Duration.ofSeconds(2));
    }

    @Test
    void theFileRoutesWaitLongerForAnAnswerToBegin() throws Exception {
        HttpResponse<String> response = get("/api/staff/documents/late");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("late");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer staff-tool").timeout(Duration.ofSeconds(20)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try (exchange; OutputStream body = exchange.getResponseBody()) {
            if (path.endsWith("/slow-body")) {
                byte[] received = ("received " + exchange.getRequestBody().readAllBytes().length).getBytes();
                exchange.sendResponseHeaders(200, received.length);
                body.write(received);
                return;
            }
            if (path.endsWith("/late")) {
                pause(LATE);
                byte[] late = "late".getBytes();
                exchange.sendResponseHeaders(200, late.length);
                body.write(late);
                return;
            }
            exchange.sendResponseHeaders(200, 0); // chunked: the parts go out as they are written
            for (int i = 0; i < PARTS; i++) {
                body.write("part;".getBytes());
                body.flush();
                pause(BETWEEN_PARTS);
            }
        }
    }

    /** A caller's request body sent in parts, as slowly as the stand-in service streams its answers. */
    static final class SlowBody extends InputStream {

        private int partsLeft = PARTS;
        private byte[] part = new byte[0];
        private int next;

        @Override
        public int read() {
            if (next == part.length) {
                if (partsLeft == 0) {
                    return -1;
                }
                partsLeft--;
                pause(BETWEEN_PARTS);
                part = "part;".getBytes();
                next = 0;
            }
            return part[next++];
        }
    }

    // the stand-in service (and a caller's body) being slow is what is tested; the test itself waits for answers only
    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @TestConfiguration
    static class StaffToolTokens {

        /** Any bearer token is a staff member's: the tokens' checks are not what is tested here. */
        @Bean
        ReactiveJwtDecoder jwtDecoder() {
            return token -> Mono.just(new Jwt(token, Instant.now(), Instant.now().plusSeconds(300),
                    Map.of("alg", "none"), Map.of("sub", "staff-1", "realm_access", Map.of("roles", List.of("staff")))));
        }
    }
}
