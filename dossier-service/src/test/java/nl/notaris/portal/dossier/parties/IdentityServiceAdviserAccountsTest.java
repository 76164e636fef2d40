package nl.notaris.portal.dossier.parties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.client.RestClient;

import com.sun.net.httpserver.HttpServer;

import nl.notaris.portal.dossier.parties.AdviserAccounts.AdviserAccount;
import nl.notaris.portal.dossier.parties.AdviserAccounts.AdviserInvitation;
import nl.notaris.portal.support.web.ProblemException;
import nl.notaris.portal.support.web.ServiceUnavailableException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * identity-service's {@code POST /internal/advisers}, against a stand-in that answers as identity-service
 * does: asked with the granting client's own token, with what the invitation needs.
 */
class IdentityServiceAdviserAccountsTest {

    HttpServer identity;
    IdentityServiceAdviserAccounts advisers;
    volatile String lastAuthorization;
    volatile JsonNode lastBody;
    volatile int status = 201;
    volatile String answer = """
            {"accountId":"f7e1c2d3","email":"adviseur@example.com","name":"Henk de Adviseur","created":true}""";

    @BeforeEach
    void start() throws IOException {
        identity = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        identity.createContext("/internal/advisers", exchange -> {
            lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            lastBody = JsonMapper.shared().readTree(exchange.getRequestBody().readAllBytes());
            byte[] bytes = (status < 300 ? answer : "{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", status < 300 ? "application/json" : "application/problem+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        identity.start();
        advisers = new IdentityServiceAdviserAccounts(RestClient.builder(),
                "http://127.0.0.1:" + identity.getAddress().getPort());
        Jwt token = Jwt.withTokenValue("anna-token").header("alg", "none").subject("a1-anna")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token));
    }

    @AfterEach
    void stop() {
        SecurityContextHolder.clearContext();
        identity.stop(0);
    }

    static final AdviserInvitation INVITATION = new AdviserInvitation("adviseur@example.com", "Henk de Adviseur",
            "en", "Anna de Vries", "2026-0001");

    @Test
    void aNewAdviserAccountIsAskedForWithTheClientsTokenAndWhatTheInvitationTells() {
        assertThat(advisers.accountFor(INVITATION))
                .isEqualTo(new AdviserAccount("f7e1c2d3", "adviseur@example.com", "Henk de Adviseur", true));

        assertThat(lastAuthorization).isEqualTo("Bearer anna-token");
        assertThat(lastBody.path("email").asString()).isEqualTo("adviseur@example.com");
        assertThat(lastBody.path("name").asString()).isEqualTo("Henk de Adviseur");
        assertThat(lastBody.path("language").asString()).isEqualTo("en");
        assertThat(lastBody.path("invitedByName").asString()).isEqualTo("Anna de Vries");
        assertThat(lastBody.path("dossierNumber").asString()).isEqualTo("2026-0001");
    }

    @Test
    void anExistingAccountIsAnsweredAsItIs() {
        status = 200;
        answer = """
                {"accountId":"c1-bob","email":"bob@example.com","name":"Bob Bakker","created":false}""";

        assertThat(advisers.accountFor(INVITATION)).extracting(AdviserAccount::accountId, AdviserAccount::created)
                .containsExactly("c1-bob", false);
    }

    @Test
    void aRefusedAddressIsTheClientsProblemAnythingElseIsUnavailable() {
        status = 400;
        assertThatThrownBy(() -> advisers.accountFor(INVITATION)).isInstanceOf(ProblemException.class)
                .satisfies(e -> {
                    assertThat(((ProblemException) e).status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(((ProblemException) e).field()).isEqualTo("email");
                });

        for (int other : new int[] { 401, 403, 500, 503 }) {
            status = other;
            assertThatThrownBy(() -> advisers.accountFor(INVITATION)).as("answer " + other)
                    .isInstanceOf(ServiceUnavailableException.class);
        }

        identity.stop(0);
        assertThatThrownBy(() -> advisers.accountFor(INVITATION)).isInstanceOf(ServiceUnavailableException.class);
    }
}
