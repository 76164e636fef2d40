package nl.notaris.portal.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.sun.net.httpserver.HttpServer;

import nl.notaris.portal.gateway.TestMongo;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff API's description through the gateway: who may read it, what it holds of the services'
 * documents (stand-ins on a real socket), and the 503 while a service's part cannot be had.
 */
@SpringBootTest(properties = { "portal.api-docs.cache-ttl=0s", "portal.api-docs.timeout=15s" })
@AutoConfigureWebTestClient(timeout = "60s")
@Import(StaffApiDocsTest.Tokens.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffApiDocsTest {

    static final List<String> AREAS = List.of("accounts", "dossiers", "documents", "messages", "questionnaires");
    static volatile boolean questionnairesDown = true;
    static final HttpServer services = startServices();

    @Autowired
    WebTestClient web;

    @DynamicPropertySource
    static void sources(DynamicPropertyRegistry registry) {
        TestMongo.register(registry);
        for (String area : AREAS) {
            registry.add("portal.api-docs.sources." + area,
                    () -> "http://localhost:" + services.getAddress().getPort() + "/" + area + "/v3/api-docs");
        }
    }

    @AfterAll
    static void stop() {
        services.stop(0);
    }

    /** Bearer tokens {@code staff} and {@code client} with those realm roles, as Keycloak's would carry them. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Tokens {

        @Bean
        ReactiveJwtDecoder testTokens() {
            return token -> List.of("staff", "client").contains(token)
                    ? Mono.just(Jwt.withTokenValue(token).header("alg", "none").subject(token)
                            .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300))
                            .claim("realm_access", Map.of("roles", List.of(token))).build())
                    : Mono.error(new BadJwtException("unknown test token"));
        }
    }

    @Test
    @Order(1)
    void aServiceWhoseDocumentCannotBeHadMakesItA503NamingIt() {
        try {
            theServiceIsAwayThenBackThenAwayAgain();
        } finally {
            questionnairesDown = false;
        }
    }

    void theServiceIsAwayThenBackThenAwayAgain() {
        web.get().uri("/api/docs/staff.json").headers(h -> h.setBearerAuth("staff")).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists("Retry-After")
                .expectBody()
                .jsonPath("$.status").isEqualTo(503)
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("questionnaires"));

        questionnairesDown = false;
        web.get().uri("/api/docs/staff.json").headers(h -> h.setBearerAuth("staff")).exchange().expectStatus().isOk();

        // fetched once: while the service is away again, the last document it gave is used
        questionnairesDown = true;
        JsonNode api = document("staff");
        assertThat(api.path("paths").has("/api/staff/questionnaires")).isTrue();
    }

    @Test
    void anonymousCallersAreToldToSignInWithAProblem() {
        for (String page : List.of("/api/docs/staff.json", "/api/docs/", "/api/docs/swagger-ui-bundle.js")) {
            web.get().uri(page).exchange()
                    .expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                    .expectBody().jsonPath("$.status").isEqualTo(401);
        }
        web.get().uri("/api/docs/staff.json").headers(h -> h.setBearerAuth("forged")).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theUisFilesAreNotServedToEverybodyElsewhereButTheWebAppsFilesAre() {
        web.get().uri("/webjars/swagger-ui/5.32.2/swagger-ui-bundle.js").exchange().expectStatus().isNotFound();
        web.get().uri("/api/docs/webjars/swagger-ui/5.32.2/swagger-ui-bundle.js").exchange().expectStatus().isUnauthorized();
        web.get().uri("/index.html").exchange().expectStatus().isOk();
    }

    @Test
    void clientsAreRefusedWithAProblemWhetherByTokenOrSession() {
        web.get().uri("/api/docs/staff.json").headers(h -> h.setBearerAuth("client")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
        web.mutateWith(mockOidcLogin().authorities(new SimpleGrantedAuthority("ROLE_client")))
                .get().uri("/api/docs/").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void staffReadTheMergedDocumentByTokenOrSession() {
        JsonNode api = document("staff");
        assertThat(api.at("/info/title").asString()).isEqualTo("Klantenportaal — staff API");
        assertThat(api.at("/info/version").asString()).isNotBlank().isNotEqualTo("v0");
        assertThat(api.at("/servers/0/url").asString()).isEqualTo("http://localhost:8080");
        assertThat(api.path("servers").size()).isEqualTo(1);
        assertThat(api.at("/components/securitySchemes/backOffice/flows/clientCredentials/tokenUrl").asString())
                .isEqualTo("http://localhost:8180/realms/notary-portal/protocol/openid-connect/token");
        assertThat(api.path("paths").propertyNames()).containsExactly("/api/staff/accounts", "/api/staff/dossiers",
                "/api/staff/documents", "/api/staff/messages", "/api/staff/questionnaires");

        web.mutateWith(mockOidcLogin().authorities(new SimpleGrantedAuthority("ROLE_staff")))
                .get().uri("/api/docs/staff.json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON);
    }

    @Test
    void staffGetTheSwaggerUiOfTheDocument() {
        web.get().uri("/api/docs/").headers(h -> h.setBearerAuth("staff")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(html -> assertThat(html)
                        .contains("<title>Klantenportaal — staff API</title>", "swagger-ui-bundle.js", "swagger-initializer.js"));
        web.get().uri("/api/docs/swagger-initializer.js").headers(h -> h.setBearerAuth("staff")).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(js -> assertThat(js).contains("'./staff.json'", "X-XSRF-TOKEN"));
        web.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build()
                .get().uri("/api/docs/swagger-ui-bundle.js").headers(h -> h.setBearerAuth("staff")).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(js -> assertThat(js).contains("SwaggerUIBundle"));
        web.get().uri("/api/docs/swagger-ui.css").headers(h -> h.setBearerAuth("staff")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/css"));
        web.get().uri("/api/docs").headers(h -> h.setBearerAuth("staff")).exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("http://localhost:8080/api/docs/");
    }

    JsonNode document(String token) {
        byte[] body = web.get().uri("/api/docs/staff.json").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().returnResult().getResponseBody();
        return JsonMapper.shared().readTree(body);
    }

    /** Per area a document with one staff path, {@code /api/staff/<area>}, and a client path. */
    static HttpServer startServices() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            for (String area : AREAS) {
                server.createContext("/" + area + "/v3/api-docs", exchange -> {
                    boolean down = area.equals("questionnaires") && questionnairesDown;
                    byte[] body = (down ? "{}" : """
                            {"openapi": "3.1.0", "info": {"title": "%1$s", "version": "v0"},
                             "paths": {"/api/staff/%1$s": {"get": {"tags": ["%1$s (staff)"], "operationId": "list",
                                          "summary": "List", "description": "All of them.",
                                          "responses": {"200": {"description": "OK"}}}},
                                       "/api/%1$s": {"get": {"operationId": "mine", "responses": {"200": {"description": "OK"}}}}}}
                            """.formatted(area)).getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().set("Content-Type", "application/json");
                    exchange.sendResponseHeaders(down ? 500 : 200, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
            }
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
