package nl.notaris.portal.gateway.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import com.sun.net.httpserver.HttpServer;

import nl.notaris.portal.gateway.GatewayApplication;
import nl.notaris.portal.gateway.TestMongo;

/**
 * Two gateway instances on one MongoDB, as two replicas behind a load balancer: a sign-in started
 * through one is finished through the other. The second instance finds the first one's
 * authorization request (state and PKCE verifier) in the shared session and exchanges the code with
 * it at the token endpoint, a real HTTP server here that records what it was sent.
 */
class SharedSessionsIT {

    static final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    static final HttpServer tokenEndpoint = startTokenEndpoint();
    static final ConfigurableApplicationContext first = startGateway();
    static final ConfigurableApplicationContext second = startGateway();

    @AfterAll
    static void stop() {
        first.close();
        second.close();
        tokenEndpoint.stop(0);
    }

    @Test
    void aSignInStartedThroughOneReplicaIsFinishedThroughTheOther() {
        var started = client(first).get().uri("/oauth2/authorization/keycloak").exchange()
                .expectStatus().is3xxRedirection().returnResult(Void.class);
        String session = started.getResponseCookies().getFirst("SESSION").getValue();
        var authorization = UriComponentsBuilder.fromUri(started.getResponseHeaders().getLocation()).build().getQueryParams();
        String state = URLDecoder.decode(authorization.getFirst("state"), StandardCharsets.UTF_8);

        client(second).get().uri("/login/oauth2/code/keycloak?code=the-code&state={state}", state)
                .cookie("SESSION", session).exchange()
                .expectStatus().is3xxRedirection()
                // the token endpoint refused the code: a failed sign-in, not an unknown one
                .expectHeader().location("/?signin=failed");

        assertThat(tokenRequests).singleElement().satisfies(body -> assertThat(body)
                .contains("code=the-code").contains("code_verifier=").contains("grant_type=authorization_code"));
    }

    @Test
    void withoutTheSessionTheOtherReplicaKnowsNothingOfTheSignIn() {
        var started = client(first).get().uri("/oauth2/authorization/keycloak").exchange()
                .expectStatus().is3xxRedirection().returnResult(Void.class);
        var authorization = UriComponentsBuilder.fromUri(started.getResponseHeaders().getLocation()).build().getQueryParams();

        client(second).get().uri("/login/oauth2/code/keycloak?code=other&state={state}",
                        URLDecoder.decode(authorization.getFirst("state"), StandardCharsets.UTF_8))
                .exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/oauth2/authorization/keycloak");
    }

    private static WebTestClient client(ConfigurableApplicationContext gateway) {
        int port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).responseTimeout(Duration.ofSeconds(20))
                .build();
    }

    private static ConfigurableApplicationContext startGateway() {
        String tokens = "http://localhost:" + tokenEndpoint.getAddress().getPort() + "/token";
        return new SpringApplicationBuilder(GatewayApplication.class).run(
                "--server.port=0",
                "--spring.mongodb.uri=" + TestMongo.uri(),
                "--spring.security.oauth2.client.provider.keycloak.token-uri=" + tokens);
    }

    private static HttpServer startTokenEndpoint() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/token", exchange -> {
                tokenRequests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                byte[] refusal = "{\"error\":\"invalid_grant\",\"error_description\":\"Code not valid\"}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(400, refusal.length);
                exchange.getResponseBody().write(refusal);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
