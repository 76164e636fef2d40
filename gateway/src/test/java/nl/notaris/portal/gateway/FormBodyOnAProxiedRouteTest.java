package nl.notaris.portal.gateway;

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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpServer;

/**
 * A signed-in browser call with a form-encoded body must not break the pooled connection to the
 * service for the next caller. The service here is a real HTTP server on a real socket; one
 * keep-alive connection makes the pool reuse it, as it would under load.
 */
@SpringBootTest(properties = { "spring.cloud.gateway.server.webflux.httpclient.pool.max-connections=1",
        "portal.answer-timeout=5s" })
@AutoConfigureWebTestClient(timeout = "20s")
class FormBodyOnAProxiedRouteTest {

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
    void aFormEncodedCallLeavesOtherUsersCallsOnTheSameRouteIntact() {
        ResponseCookie xsrf = web.get().uri("/").exchange().returnResult(String.class).getResponseCookies()
                .getFirst("XSRF-TOKEN");
        assertThat(xsrf).isNotNull();

        // the token in a form field, as a hand-made form or a script might send it: refused, nothing forwarded
        web.mutateWith(mockOidcLogin()).post().uri("/api/dossiers/summary")
                .cookie("XSRF-TOKEN", xsrf.getValue())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("_csrf=" + xsrf.getValue())
                .exchange();
        // with the token in the header it is forwarded, body and all
        web.mutateWith(mockOidcLogin()).post().uri("/api/dossiers/summary")
                .cookie("XSRF-TOKEN", xsrf.getValue()).header("X-XSRF-TOKEN", xsrf.getValue())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("_csrf=" + xsrf.getValue())
                .exchange().expectStatus().isOk();

        // other users' calls on the same route, over the same pooled connection
        for (int i = 0; i < 5; i++) {
            web.mutateWith(mockOidcLogin()).get().uri("/api/dossiers?call=" + i).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).isEqualTo("{\"ok\":true}");
        }
        assertThat(received).filteredOn(r -> r.startsWith("POST"))
                .containsExactly("POST /api/dossiers/summary body=_csrf=" + xsrf.getValue());
        assertThat(received).filteredOn(r -> r.startsWith("GET")).hasSize(5);
    }

    @Test
    void theCsrfTokenOfAProxiedCallIsTakenFromTheHeaderNotFromAForm() {
        ResponseCookie xsrf = web.get().uri("/").exchange().returnResult(String.class).getResponseCookies()
                .getFirst("XSRF-TOKEN");
        web.mutateWith(mockOidcLogin()).post().uri("/api/dossiers/summary")
                .cookie("XSRF-TOKEN", xsrf.getValue())
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("_csrf=" + xsrf.getValue())
                .exchange().expectStatus().isForbidden();
    }

    static HttpServer startService() {
        return StandInService.start(exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath()
                    + (body.isEmpty() ? "" : " body=" + body));
            byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
    }

}
