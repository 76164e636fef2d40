package nl.notaris.portal.identity.accounts;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import nl.notaris.portal.testsupport.IntegrationTest;

/**
 * The look-up against Keycloak's admin API. Keycloak itself runs in the end-to-end tests; here a
 * small HTTP server answers with Keycloak's documented JSON, and checks that the service
 * authenticates with its client credentials.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountLookupIT extends IntegrationTest {

    static final HttpServer keycloak = startKeycloakAdminApi();

    @Autowired
    MockMvc mvc;

    @DynamicPropertySource
    static void keycloakUrl(DynamicPropertyRegistry registry) {
        registry.add("portal.keycloak.url", () -> "http://localhost:" + keycloak.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        keycloak.stop(0);
    }

    @Test
    void staffFindAnAccountByEmail() throws Exception {
        mvc.perform(get("/api/staff/accounts/lookup").param("email", "Jansen.BV@example.com").with(STAFF.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value("kc-jansen"))
                .andExpect(jsonPath("$.accountType").value("COMPANY_MAIN"))
                .andExpect(jsonPath("$.companyId").value("bakkerij-jansen"))
                .andExpect(jsonPath("$.name").value("Bakkerij Jansen B.V."));
    }

    /** An address nobody verified (e.g. one a client typed in itself) never makes its account a party. */
    @Test
    void anAccountWithAnUnverifiedAddressIsNotFound() throws Exception {
        mvc.perform(get("/api/staff/accounts/lookup").param("email", "changed@example.com").with(STAFF.token()))
                .andExpect(status().isNotFound());
    }

    @Test
    void unknownAddressesAre404AndClientsMayNotLookUp() throws Exception {
        mvc.perform(get("/api/staff/accounts/lookup").param("email", "nobody@example.com").with(STAFF.token()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/staff/accounts/lookup").param("email", "not-an-address").with(STAFF.token()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/staff/accounts/lookup").param("email", "jansen.bv@example.com").with(ANNA.token()))
                .andExpect(status().isForbidden());
    }

    static HttpServer startKeycloakAdminApi() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            server.createContext("/realms/notary-portal/protocol/openid-connect/token", exchange -> {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                boolean valid = form.contains("grant_type=client_credentials") && form.contains("client_id=identity-service")
                        && form.contains("client_secret=identity-service-local-secret");
                respond(exchange, valid ? 200 : 401, valid
                        ? "{\"access_token\":\"admin-token\",\"expires_in\":300,\"token_type\":\"Bearer\"}"
                        : "{\"error\":\"unauthorized_client\"}");
            });
            server.createContext("/admin/realms/notary-portal/users", exchange -> {
                if (!"Bearer admin-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    respond(exchange, 401, "{}");
                    return;
                }
                String query = exchange.getRequestURI().getQuery();
                respond(exchange, 200, query.contains("email=Jansen.BV@example.com") ? """
                        [{"id":"kc-jansen","username":"jansen.bv@example.com","email":"jansen.bv@example.com",
                          "firstName":"Jan","lastName":"Jansen","enabled":true,"emailVerified":true,
                          "attributes":{"account_type":["COMPANY_MAIN"],"company_id":["bakkerij-jansen"],
                                        "company_name":["Bakkerij Jansen B.V."]}}]"""
                        : query.contains("email=changed@example.com") ? """
                        [{"id":"kc-changed","username":"bob@example.com","email":"changed@example.com",
                          "firstName":"Bob","lastName":"Bakker","enabled":true,"emailVerified":false,
                          "attributes":{"account_type":["PERSON"]}}]""" : "[]");
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
