package nl.notaris.portal.support.apidocs;

import java.util.List;
import java.util.Map;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The one rule for every {@code /api/staff/**} operation of every service: it needs a staff token
 * (the {@code back-office} client's client-credentials token, or a staff user's), and it answers its
 * refusals as problem+json ({@code Problem}). 400, 401 and 403 are possible everywhere, 415 wherever a
 * body is sent, 413 wherever files are; what else an operation answers (404, 409, …) its controller
 * declares with {@code @ApiResponse}, and this fills in the problem content. Success answers and
 * examples stay the controllers' own.
 */
class StaffApiDocumentation implements GlobalOpenApiCustomizer {

    static final String STAFF_PATHS = "/api/staff/";
    static final String CLIENT_CREDENTIALS = "backOffice";
    static final String BEARER_TOKEN = "bearerToken";
    static final String PROBLEM = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<String, String> REFUSALS = Map.of(
            "400", "The request is not valid; the problem names the fields in `errors`.",
            "401", "No valid bearer token (or no signed-in session).",
            "403", "The token or session has no `staff` role.",
            "404", "Not found.",
            "409", "Conflicts with the current state.",
            "413", "Too large.",
            "415", "The body is not of a content type this operation accepts.");

    private final String application;
    private final String tokenUrl;

    StaffApiDocumentation(String application, String tokenUrl) {
        this.application = application;
        this.tokenUrl = tokenUrl;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getInfo() == null || api.getInfo().getTitle() == null || api.getInfo().getTitle().equals("OpenAPI definition")) {
            api.setInfo((api.getInfo() == null ? new Info() : api.getInfo()).title(application + " API"));
        }
        if (api.getPaths() == null) {
            return;
        }
        boolean staffApi = false;
        for (var path : api.getPaths().entrySet()) {
            if (!path.getKey().startsWith(STAFF_PATHS)) {
                continue;
            }
            staffApi = true;
            for (Operation operation : operations(path.getValue())) {
                document(operation);
            }
        }
        if (staffApi) {
            Components components = api.getComponents() == null ? new Components() : api.getComponents();
            components.addSchemas(PROBLEM, problemSchema());
            components.addSecuritySchemes(CLIENT_CREDENTIALS, clientCredentials(tokenUrl));
            components.addSecuritySchemes(BEARER_TOKEN, bearerToken());
            api.setComponents(components);
        }
    }

    private static void document(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        if (security == null || security.stream().noneMatch(r -> r.containsKey(CLIENT_CREDENTIALS))) {
            operation.setSecurity(List.of(new SecurityRequirement().addList(CLIENT_CREDENTIALS),
                    new SecurityRequirement().addList(BEARER_TOKEN)));
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        for (String always : List.of("400", "401", "403")) {
            responses.computeIfAbsent(always, code -> new ApiResponse());
        }
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            responses.computeIfAbsent("415", code -> new ApiResponse());
            if (operation.getRequestBody().getContent().containsKey("multipart/form-data")) {
                responses.computeIfAbsent("413", code -> new ApiResponse());
            }
        }
        responses.forEach((code, response) -> {
            if (code.startsWith("4")) {
                if (response.getDescription() == null || response.getDescription().isBlank()) {
                    response.setDescription(REFUSALS.getOrDefault(code, "Refused."));
                }
                response.setContent(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            }
        });
        operation.setResponses(responses);
    }

    static List<Operation> operations(PathItem path) {
        return java.util.stream.Stream.of(path.getGet(), path.getPut(), path.getPost(), path.getDelete(),
                path.getPatch(), path.getHead(), path.getOptions()).filter(java.util.Objects::nonNull).toList();
    }

    static SecurityScheme clientCredentials(String tokenUrl) {
        return new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                .description("A token of Keycloak's client `back-office` (client credentials, realm role `staff`).")
                .flows(new OAuthFlows().clientCredentials(new OAuthFlow().tokenUrl(tokenUrl)
                        .scopes(new io.swagger.v3.oas.models.security.Scopes())));
    }

    static SecurityScheme bearerToken() {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("The same access token, pasted as it is (e.g. fetched with curl, see the description).");
    }

    /** RFC 9457 problem details as every service writes them. */
    static Schema<?> problemSchema() {
        var fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("The field or parameter, e.g. `parties[1]`."))
                .addProperty("message", new StringSchema().description("What is wrong with it."));
        return new ObjectSchema()
                .description("RFC 9457 problem details (`application/problem+json`).")
                .addProperty("type", new StringSchema().example("about:blank"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().description("For a person to read.")
                        .example("number: is required"))
                .addProperty("instance", new StringSchema().description("The request path.")
                        .example("/api/staff/dossiers"))
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("Validation problems: one per field."))
                .addProperty("code", new StringSchema()
                        .description("Where a person sees the problem: a stable code to say it in their language."))
                .addProperty("params", new ObjectSchema().additionalProperties(new StringSchema())
                        .description("The values the code's text names."));
    }
}
