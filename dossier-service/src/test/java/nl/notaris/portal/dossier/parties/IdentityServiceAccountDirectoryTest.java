package nl.notaris.portal.dossier.parties;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.client.RestClient;

import com.sun.net.httpserver.HttpServer;

/**
 * The look-up at identity-service's {@code /api/staff/accounts/lookup}, against a stand-in that
 * answers as identity-service does ({@code LookedUpAccount}): the party keeps the account's name.
 */
class IdentityServiceAccountDirectoryTest {

    HttpServer identity;
    IdentityServiceAccountDirectory directory;
    volatile String lastAuthorization;

    @BeforeEach
    void start() throws IOException {
        Map<String, String> accounts = Map.of(
                "anna@example.com", """
                        {"id":"a1","email":"anna@example.com","name":"Anna de Vries","accountType":"PERSON"}""",
                "jansen.bv@example.com", """
                        {"id":"b1","email":"jansen.bv@example.com","name":"Bakkerij Jansen B.V.","accountType":"COMPANY_MAIN","companyId":"c1"}""",
                "naamloos@example.com", """
                        {"id":"n1","email":"naamloos@example.com","name":" ","accountType":"PERSON"}""");
        identity = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        identity.createContext("/api/staff/accounts/lookup", exchange -> {
            lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            String email = exchange.getRequestURI().getQuery().replace("email=", "");
            String body = accounts.get(email);
            byte[] bytes = (body == null ? "{\"status\":404}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", body == null ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        identity.start();
        directory = new IdentityServiceAccountDirectory(RestClient.builder(),
                "http://127.0.0.1:" + identity.getAddress().getPort());
        Jwt token = Jwt.withTokenValue("staff-token").header("alg", "none").subject("s1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token));
    }

    @AfterEach
    void stop() {
        SecurityContextHolder.clearContext();
        identity.stop(0);
    }

    @Test
    void aPartyKeepsTheNameIdentityServiceGives() {
        assertThat(directory.findByEmail("anna@example.com"))
                .contains(new Party("a1", "anna@example.com", "PERSON", null, "Anna de Vries"));
        assertThat(directory.findByEmail("jansen.bv@example.com"))
                .contains(new Party("b1", "jansen.bv@example.com", "COMPANY_MAIN", "c1", "Bakkerij Jansen B.V."));
        assertThat(lastAuthorization).as("asked with the staff caller's own token").isEqualTo("Bearer staff-token");
    }

    @Test
    void aBlankNameIsNoName() {
        assertThat(directory.findByEmail("naamloos@example.com")).get().extracting(Party::name).isNull();
    }

    @Test
    void anUnknownAddressIsNoParty() {
        assertThat(directory.findByEmail("nobody@example.com")).isEmpty();
    }
}
