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
 * The client's paths that dossier-service answers reach it through the gateway: Home (NEW-1) and the
 * grants of every dossier the client may share (ADV-1), beside the dossiers themselves. The service is
 * a real HTTP server that records what it was asked.
 */
@SpringBootTest
@AutoConfigureWebTestClient(timeout = "20s")
class DossierServiceRoutesTest {

    static final List<String> received = new CopyOnWriteArrayList<>();
    static final HttpServer service = StandInService.start(exchange -> {
        received.add(exchange.getRequestURI().getPath());
        byte[] answer = "[]".getBytes(StandardCharsets.UTF_8);
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
    void homeTheGrantsAndADossiersGrantsGoToDossierService() {
        for (String path : List.of("/api/home", "/api/grants", "/api/dossiers/d1/grants", "/api/dossiers")) {
            web.mutateWith(mockOidcLogin()).get().uri(path).exchange().expectStatus().isOk();
        }
        assertThat(received).containsExactly("/api/home", "/api/grants", "/api/dossiers/d1/grants", "/api/dossiers");
    }
}
