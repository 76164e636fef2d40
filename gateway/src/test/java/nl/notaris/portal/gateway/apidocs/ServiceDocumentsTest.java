package nl.notaris.portal.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.reactive.function.client.WebClient;

import com.sun.net.httpserver.HttpServer;

import nl.notaris.portal.testsupport.MovingClock;
import tools.jackson.databind.JsonNode;

/** A service's document is fetched at most once per cache time, and its last one stands in while it is away. */
class ServiceDocumentsTest {

    static final String DOCUMENT = "{\"openapi\": \"3.1.0\", \"paths\": {\"/api/staff/x\": {}}}";

    final AtomicInteger requests = new AtomicInteger();
    volatile int status = 200;
    volatile String body = DOCUMENT;
    final HttpServer service = start();
    final URI url = URI.create("http://localhost:" + service.getAddress().getPort() + "/v3/api-docs");
    final MovingClock clock = new MovingClock(Instant.parse("2026-12-05T10:00:00Z"));
    final ServiceDocuments documents = new ServiceDocuments(WebClient.create(), Duration.ofSeconds(60),
            Duration.ofSeconds(2), clock);

    @AfterEach
    void stop() {
        service.stop(0);
    }

    @Test
    void fetchedOncePerCacheTime() {
        assertThat(documents.of("dossiers", url).block().path("paths").has("/api/staff/x")).isTrue();
        clock.advance(Duration.ofSeconds(59));
        documents.of("dossiers", url).block();
        assertThat(requests).hasValue(1);
        clock.advance(Duration.ofSeconds(2));
        documents.of("dossiers", url).block();
        assertThat(requests).hasValue(2);
    }

    @Test
    void whileTheServiceIsAwayItsLastDocumentStandsIn() {
        documents.of("dossiers", url).block();
        status = 503;
        clock.advance(Duration.ofSeconds(3600));
        JsonNode stale = documents.of("dossiers", url).block();
        assertThat(stale.path("paths").has("/api/staff/x")).isTrue();
        assertThat(requests).hasValue(2);
    }

    @Test
    void withoutOneItsPartIsUnavailableNamingTheArea() {
        status = 500;
        assertThatThrownBy(() -> documents.of("questionnaires", url).block())
                .isInstanceOf(ServiceDocuments.Unavailable.class)
                .satisfies(e -> assertThat(((ServiceDocuments.Unavailable) e).area()).isEqualTo("questionnaires"));
        status = 200;
        body = "{\"not\": \"openapi\"}";
        assertThatThrownBy(() -> documents.of("questionnaires", url).block())
                .isInstanceOf(ServiceDocuments.Unavailable.class);
        service.stop(0);
        assertThatThrownBy(() -> documents.of("questionnaires", url).block())
                .isInstanceOf(ServiceDocuments.Unavailable.class);
    }

    HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/v3/api-docs", exchange -> {
                requests.incrementAndGet();
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
