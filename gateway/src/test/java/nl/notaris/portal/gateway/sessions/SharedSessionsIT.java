package nl.notaris.portal.gateway.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
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

    /** The session store's connections run on the gateway's own event loops, not on a group of the driver's. */
    @Test
    void theSessionStoreAnswersOnTheGatewaysEventLoops() {
        String thread = first.getBean(ReactiveMongoOperations.class).executeCommand("{ping: 1}")
                .map(reply -> Thread.currentThread().getName()).block();

        assertThat(thread).startsWith("reactor-http-");
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

        assertThat(tokenRequests).filteredOn(body -> body.contains("grant_type=authorization_code")).singleElement()
                .satisfies(body -> assertThat(body)
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

    /**
     * Keycloak ended the session behind a browser session without telling the gateway (an expired SSO
     * session, or a back-channel logout that did not arrive): the relayed token expires and its renewal is
     * refused. The portal's session ends with it, on every replica, and the web app is told plainly.
     */
    @Test
    void aRefusedTokenRenewalEndsTheSessionWithA401() {
        String session = signedInSessionWithAnExpiredToken();

        client(second).get().uri("/api/me").cookie("SESSION", session).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.detail").isEqualTo("Your session has ended. Please sign in again.");
        assertThat(tokenRequests).anySatisfy(body -> assertThat(body).contains("grant_type=refresh_token")
                .contains("refresh_token=refresh"));

        assertThat(first.getBean(SessionStore.class).findById(session).blockOptional()).as("the session has ended").isEmpty();
        client(first).get().uri("/api/me").cookie("SESSION", session).exchange().expectStatus().isUnauthorized();
    }

    private static String signedInSessionWithAnExpiredToken() {
        Instant now = Instant.now();
        var idToken = new OidcIdToken("id-token", now.minusSeconds(600), now.plusSeconds(600),
                Map.of("sub", "anna-id", "iss", "http://localhost:8180/realms/notary-portal", "sid", "keycloak-session"));
        var user = new DefaultOidcUser(AuthorityUtils.createAuthorityList("OIDC_USER"), idToken);
        var signIn = new OAuth2AuthenticationToken(user, user.getAuthorities(), "keycloak");
        var registration = first.getBean(ReactiveClientRegistrationRepository.class).findByRegistrationId("keycloak").block();
        var expired = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access", now.minusSeconds(600), now.minusSeconds(300));
        var tokens = new OAuth2AuthorizedClient(registration, "anna-id", expired, new OAuth2RefreshToken("refresh", now.minusSeconds(600)));

        SessionStore store = first.getBean(SessionStore.class);
        var session = store.createSession().block();
        session.setAttribute(WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME,
                new SecurityContextImpl(signIn));
        session.setAttribute(WebSessionServerOAuth2AuthorizedClientRepository.class.getName() + ".AUTHORIZED_CLIENTS",
                new HashMap<>(Map.of("keycloak", tokens)));
        store.save(session).block();
        return session.getId();
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
