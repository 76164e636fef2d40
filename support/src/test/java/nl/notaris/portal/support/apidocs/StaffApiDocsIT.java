package nl.notaris.portal.support.apidocs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.PageQuery;
import nl.notaris.portal.testsupport.IntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff API description every service publishes: what {@link StaffApiDocumentation} adds to each
 * {@code /api/staff/**} operation, and {@link StaffApiCheck} naming what a controller left out.
 */
@SpringBootTest(classes = StaffApiDocsIT.App.class, properties = {
        "spring.mongodb.database=support-apidocs-test", "spring.application.name=support-apidocs-test",
        "springdoc.default-produces-media-type=application/json",
        "portal.api-docs.token-url=https://login.example/realms/r/protocol/openid-connect/token" })
@AutoConfigureMockMvc
class StaffApiDocsIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    JsonNode api;

    @BeforeEach
    void loadTheDocument() throws Exception {
        String json = mvc.perform(get("/v3/api-docs")).andReturn().getResponse().getContentAsString();
        api = JsonMapper.shared().readTree(json);
    }

    @Test
    void aDocumentedStaffOperationHasNoGaps() {
        assertThat(StaffApiCheck.gaps(api)).noneMatch(gap -> gap.contains("/api/staff/things"));
    }

    @Test
    void theCheckNamesEveryOperationAndWhatItLacks() {
        assertThat(StaffApiCheck.gaps(api)).containsExactlyInAnyOrder(
                "POST /api/staff/bare: no summary",
                "POST /api/staff/bare: no description",
                "POST /api/staff/bare: no example of its application/json request body",
                "GET /api/staff/bare/{id}: no summary",
                "GET /api/staff/bare/{id}: no description",
                "PUT /api/staff/bare/{id}: no success answer");
    }

    @Test
    void aStaffRouteLeftOutOfTheDocumentIsNamed() {
        assertThat(StaffApiCheck.undescribed(api, handlers)).containsExactly("PUT /api/staff/hidden/{id}");
    }

    @Test
    void everyStaffOperationNeedsTheBackOfficeTokenAndAnswersRefusalsAsProblems() {
        JsonNode create = api.at("/paths/~1api~1staff~1things/post");
        assertThat(create.path("security").toString()).isEqualTo("[{\"backOffice\":[]},{\"bearerToken\":[]}]");
        assertThat(create.path("responses").propertyNames()).contains("201", "400", "401", "403", "409", "415")
                .doesNotContain("404", "413");
        assertThat(create.at("/responses/409/description").asString()).isEqualTo("A thing with this name exists.");
        assertThat(create.at("/responses/409/content/application~1problem+json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(create.at("/requestBody/content/application~1json/schema/$ref").asString())
                .as("the example keeps the schema springdoc derives").endsWith("/NewThing");

        JsonNode upload = api.at("/paths/~1api~1staff~1things~1{id}~1file/post");
        assertThat(upload.path("responses").propertyNames()).contains("404", "413", "415");

        JsonNode scheme = api.at("/components/securitySchemes/backOffice");
        assertThat(scheme.at("/flows/clientCredentials/tokenUrl").asString())
                .isEqualTo("https://login.example/realms/r/protocol/openid-connect/token");
        assertThat(api.at("/components/schemas/Problem/properties").propertyNames())
                .contains("type", "title", "status", "detail", "errors", "code");
    }

    @Test
    void callerAndPagingAreWhatACallerSends() {
        JsonNode list = api.at("/paths/~1api~1staff~1things/get");
        List<String> parameters = list.path("parameters").values().stream().map(p -> p.path("name").asString()).toList();
        assertThat(parameters).containsExactlyInAnyOrder("query", "page", "size");
        assertThat(list.at("/parameters/2/schema/maximum").asInt()).isEqualTo(PageQuery.MAX_SIZE);
    }

    @Test
    void otherPathsAreLeftAsTheyAre() {
        JsonNode client = api.at("/paths/~1api~1things/get");
        assertThat(client.isMissingNode()).isFalse();
        assertThat(client.path("security").isMissingNode()).isTrue();
        assertThat(client.path("responses").has("403")).isFalse();
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        JwtDecoder testTokens() {
            return token -> Jwt.withTokenValue(token).header("alg", "none").subject("staff")
                    .claim("realm_access", Map.of("roles", List.of("staff"))).build();
        }

        @Bean
        Things things() {
            return new Things();
        }

        @Bean
        Bare bare() {
            return new Bare();
        }
    }

    record NewThing(String name) {
    }

    record Thing(String id, String name) {
    }

    @RestController
    @Tag(name = "Things (staff)")
    static class Things {

        @PostMapping("/api/staff/things")
        @Operation(summary = "Create a thing", description = "A thing has a unique name.",
                requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                        mediaType = MediaType.APPLICATION_JSON_VALUE,
                        examples = @ExampleObject(value = "{\"name\": \"Dorpsstraat 12\"}"))))
        @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
        @ApiResponse(responseCode = "409", description = "A thing with this name exists.")
        ResponseEntity<Thing> create(Caller caller, @RequestBody NewThing thing) {
            return ResponseEntity.status(201).body(new Thing("1", thing.name()));
        }

        @GetMapping("/api/staff/things")
        @Operation(summary = "List things", description = "Newest first.")
        List<Thing> list(Caller caller, @RequestParam(required = false) String query, PageQuery page) {
            return List.of();
        }

        @PostMapping(path = "/api/staff/things/{id}/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
        @Operation(summary = "Attach a file", description = "One file.",
                requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                        mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
                        examples = @ExampleObject(value = "{\"title\": \"Akte\", \"file\": \"akte.pdf\"}"))))
        @ApiResponse(responseCode = "200", description = "Attached", useReturnTypeSchema = true)
        @ApiResponse(responseCode = "404", description = "No thing with this id.")
        Thing attach(@PathVariable String id, @RequestPart MultipartFile file, @RequestParam String title) {
            return new Thing(id, title);
        }

        @PutMapping("/api/staff/hidden/{id}")
        @Hidden
        void hidden(@PathVariable String id) {
        }

        @GetMapping("/api/things")
        List<Thing> forClients() {
            return List.of();
        }
    }

    @RestController
    @Tag(name = "Bare (staff)")
    static class Bare {

        @PostMapping("/api/staff/bare")
        Thing create(@RequestBody NewThing thing) {
            return new Thing("1", thing.name());
        }

        @GetMapping("/api/staff/bare/{id}")
        Thing get(@PathVariable String id) {
            return new Thing(id, "x");
        }

        /** Declaring one answer leaves springdoc's success answer out: the check notices. */
        @PutMapping("/api/staff/bare/{id}")
        @Operation(summary = "Rename a thing", description = "Keeps its id.")
        @ApiResponse(responseCode = "404", description = "No thing with this id.")
        Thing rename(@PathVariable String id) {
            return new Thing(id, "y");
        }
    }
}
