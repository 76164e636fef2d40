package nl.notaris.portal.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

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
 * More calls at once on one route than a bulkhead's default (25) are all passed on: a route's breaker
 * has no concurrency limit of its own that answers the rest 500. The service is a real HTTP server that
 * takes its time.
 */
@SpringBootTest
@AutoConfigureWebTestClient(timeout = "30s")
class ManyCallsAtOnceTest {

    static final int CALLS = 40;
    static final HttpServer service = StandInService.start(exchange -> {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    });

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
    void fortyCallsAtOnceAreAllAnswered() throws Exception {
        WebTestClient signedIn = web.mutateWith(mockOidcLogin());
        ExecutorService callers = Executors.newFixedThreadPool(CALLS);
        try {
            List<Future<Integer>> calls = IntStream.range(0, CALLS).mapToObj(i -> callers.submit(() -> signedIn.get()
                    .uri("/api/dossiers/summary").exchange().returnResult(String.class).getStatus().value())).toList();
            for (Future<Integer> call : calls) {
                assertThat(call.get()).isEqualTo(200);
            }
        } finally {
            callers.shutdownNow();
        }
    }
}
