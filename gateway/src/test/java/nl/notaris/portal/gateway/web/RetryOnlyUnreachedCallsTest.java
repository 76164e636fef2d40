package nl.notaris.portal.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpServer;

import nl.notaris.portal.gateway.StandInService;

/**
 * The gateway retries a read only when it did not get an answer (the instance went away), never a
 * service's own answer: a 503 from a service whose database is away would only be asked again, and
 * the caller would wait three times as long for the same answer. The service is a real HTTP server.
 */
@SpringBootTest
@AutoConfigureWebTestClient(timeout = "20s")
class RetryOnlyUnreachedCallsTest {

    static final List<String> received = new CopyOnWriteArrayList<>();
    static final HttpServer service = startService();

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void serviceUrl(DynamicPropertyRegistry registry) {
        StandInService.register(registry, service);
    }

    @AfterAll
    static void stop() {
        service.stop(0);
    }

    @Test
    void aServicesUnavailableAnswerIsPassedOnAtOnce() {
        web.mutateWith(mockOidcLogin()).get().uri("/api/dossiers/unavailable").exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "10");

        assertThat(received).filteredOn(path -> path.endsWith("/unavailable")).hasSize(1);
    }

    @Test
    void aReadThatGotNoAnswerIsTriedAgain() {
        web.mutateWith(mockOidcLogin()).get().uri("/api/dossiers/flaky").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).isEqualTo("{\"ok\":true}");

        assertThat(received).filteredOn(path -> path.endsWith("/flaky")).hasSize(2);
    }

    static HttpServer startService() {
        return StandInService.start(exchange -> {
            String path = exchange.getRequestURI().getPath();
            received.add(path);
            if (path.endsWith("/flaky") && received.stream().filter(p -> p.endsWith("/flaky")).count() == 1) {
                exchange.close(); // the connection ends without an answer, as when an instance stops
                return;
            }
            boolean unavailable = path.endsWith("/unavailable");
            byte[] answer = (unavailable ? "{\"status\":503,\"title\":\"Service unavailable\"}" : "{\"ok\":true}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", unavailable ? "application/problem+json" : "application/json");
            if (unavailable) {
                exchange.getResponseHeaders().set("Retry-After", "10");
            }
            exchange.sendResponseHeaders(unavailable ? 503 : 200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
    }
}
