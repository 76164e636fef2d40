package nl.notaris.portal.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StaffApiMergeTest {

    static final StaffApiDocsProperties SETTINGS = new StaffApiDocsProperties("Klantenportaal — staff API", "1.2.3",
            URI.create("https://portal.example"), URI.create("https://login.example/realms/r/protocol/openid-connect/token"),
            Duration.ofSeconds(60), Duration.ofSeconds(5), "classpath:/x/", new LinkedHashMap<>());

    static final String PROBLEM = """
            {"type": "object", "properties": {"status": {"type": "integer"}}}""";

    /** A service's own document: a staff path, a client path, and the schemas they use. */
    static JsonNode dossiers() {
        return json("""
                {"openapi": "3.1.0", "info": {"title": "dossier-service API", "version": "v0"},
                 "servers": [{"url": "http://localhost:8082"}],
                 "tags": [{"name": "Dossiers (staff)", "description": "Dossiers, parties and progress"}],
                 "paths": {
                   "/api/staff/dossiers": {"post": {"tags": ["Dossiers (staff)"], "operationId": "create",
                       "summary": "Create a dossier", "description": "…",
                       "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/CreateDossier"},
                           "example": {"number": "2026-0100"}}}},
                       "responses": {"201": {"description": "Created", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Staff"}}}},
                                     "400": {"description": "Invalid", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}},
                       "security": [{"backOffice": []}]}},
                   "/api/dossiers": {"get": {"operationId": "mine", "responses": {"200": {"description": "OK",
                       "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ClientView"}}}}}}}
                 },
                 "components": {
                   "schemas": {
                     "CreateDossier": {"type": "object", "properties": {"number": {"type": "string"}}},
                     "Staff": {"type": "object", "properties": {"progress": {"$ref": "#/components/schemas/Summary"}}},
                     "Summary": {"type": "object", "properties": {"done": {"type": "integer"}}},
                     "ClientView": {"type": "object"},
                     "Problem": %s
                   },
                   "securitySchemes": {"backOffice": {"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "http://internal"}}}}
                 }}""".formatted(PROBLEM));
    }

    /** Another service: a same-named schema with another shape, the same Problem, a taken operation id. */
    static JsonNode questionnaires() {
        return json("""
                {"openapi": "3.1.0", "info": {"title": "questionnaire-service API", "version": "v0"},
                 "paths": {
                   "/api/staff/questionnaires": {
                     "get": {"tags": ["Questionnaires (staff)"], "operationId": "create", "summary": "List", "description": "…",
                       "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "array",
                           "items": {"$ref": "#/components/schemas/Summary"}}}}},
                         "403": {"description": "Forbidden", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}}
                 },
                 "components": {"schemas": {
                     "Summary": {"type": "object", "properties": {"key": {"type": "string"}}},
                     "Problem": %s}}}""".formatted(PROBLEM));
    }

    static JsonNode merged() {
        return StaffApiMerge.merge(List.of(new StaffApiMerge.Part("dossiers", dossiers()),
                new StaffApiMerge.Part("questionnaires", questionnaires())), SETTINGS);
    }

    @Test
    void theDocumentIsTheStaffApiBehindTheGateway() {
        JsonNode api = merged();
        assertThat(api.at("/info/title").asString()).isEqualTo("Klantenportaal — staff API");
        assertThat(api.at("/info/version").asString()).isEqualTo("1.2.3");
        assertThat(api.at("/info/description").asString())
                .contains("client_id=back-office", "https://login.example/realms/r/protocol/openid-connect/token",
                        "application/problem+json", "`page`", "`size`");
        assertThat(api.path("servers").size()).isEqualTo(1);
        assertThat(api.at("/servers/0/url").asString()).isEqualTo("https://portal.example");
        assertThat(api.at("/components/securitySchemes/backOffice/flows/clientCredentials/tokenUrl").asString())
                .isEqualTo("https://login.example/realms/r/protocol/openid-connect/token");
    }

    @Test
    void onlyTheStaffPathsAndTheComponentsTheyUse() {
        JsonNode api = merged();
        assertThat(api.path("paths").propertyNames()).containsExactly("/api/staff/dossiers", "/api/staff/questionnaires");
        assertThat(api.at("/components/schemas").propertyNames())
                .containsExactlyInAnyOrder("CreateDossier", "Staff", "Summary", "Problem", "questionnaires.Summary")
                .doesNotContain("ClientView");
    }

    @Test
    void aSchemaTwoServicesNameAlikeButDefineDifferentlyKeepsBothShapes() {
        JsonNode api = merged();
        assertThat(api.at("/components/schemas/Staff/properties/progress/$ref").asString())
                .isEqualTo("#/components/schemas/Summary");
        assertThat(api.at("/components/schemas/Summary/properties").propertyNames()).containsExactly("done");
        assertThat(api.at("/paths/~1api~1staff~1questionnaires/get/responses/200/content/application~1json/schema/items/$ref")
                .asString()).isEqualTo("#/components/schemas/questionnaires.Summary");
        assertThat(api.at("/components/schemas/questionnaires.Summary/properties").propertyNames()).containsExactly("key");
        // the same Problem from both is one
        assertThat(api.at("/paths/~1api~1staff~1questionnaires/get/responses/403/content/application~1problem+json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void everyOperationNeedsTheBackOfficeTokenAndHasItsOwnId() {
        JsonNode api = merged();
        JsonNode create = api.at("/paths/~1api~1staff~1dossiers/post");
        JsonNode list = api.at("/paths/~1api~1staff~1questionnaires/get");
        for (JsonNode operation : List.of(create, list)) {
            assertThat(operation.path("security").toString()).isEqualTo("[{\"backOffice\":[]},{\"bearerToken\":[]}]");
        }
        assertThat(create.path("operationId").asString()).isEqualTo("create");
        assertThat(list.path("operationId").asString()).isEqualTo("questionnaires_create");
        assertThat(create.at("/requestBody/content/application~1json/example/number").asString()).isEqualTo("2026-0100");
    }

    @Test
    void theAreasTagsInOrderWithTheirDescriptions() {
        JsonNode tags = merged().path("tags");
        assertThat(tags.values().stream().map(t -> t.path("name").asString()).toList())
                .containsExactly("Dossiers (staff)", "Questionnaires (staff)");
        assertThat(tags.get(0).path("description").asString()).isEqualTo("Dossiers, parties and progress");
    }

    static JsonNode json(String text) {
        return JsonMapper.shared().readTree(text);
    }
}
