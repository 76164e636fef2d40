package nl.notaris.portal.support.apidocs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import tools.jackson.databind.JsonNode;

/**
 * What a published staff API must say about each {@code /api/staff/**} operation: a summary and a
 * description, an example of every request body, a success answer, problem+json answers for 400,
 * 401 and 403 (and for every other 4xx it lists), and the back-office security scheme. Each
 * service's test applies it to its own document, the end-to-end test the same rule to the gateway's
 * merged one. Each gap is named as {@code "POST /api/staff/dossiers: …"}.
 */
public final class StaffApiCheck {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private StaffApiCheck() {
    }

    /** Every staff operation's missing parts; empty when the document is complete. */
    public static List<String> gaps(JsonNode openApi) {
        List<String> gaps = new ArrayList<>();
        openApi.path("paths").forEachEntry((path, item) -> {
            if (!path.startsWith(StaffApiDocumentation.STAFF_PATHS)) {
                return;
            }
            for (String method : METHODS) {
                JsonNode operation = item.path(method);
                if (!operation.isMissingNode()) {
                    String name = method.toUpperCase(Locale.ROOT) + " " + path;
                    gapsOf(operation).forEach(gap -> gaps.add(name + ": " + gap));
                }
            }
        });
        return gaps;
    }

    static List<String> gapsOf(JsonNode operation) {
        List<String> gaps = new ArrayList<>();
        if (operation.path("summary").asString("").isBlank()) {
            gaps.add("no summary");
        }
        if (operation.path("description").asString("").isBlank()) {
            gaps.add("no description");
        }
        if (operation.path("tags").isEmpty()) {
            gaps.add("no tag");
        }
        operation.path("requestBody").path("content").forEachEntry((mediaType, content) -> {
            if (content.path("example").isMissingNode() && content.path("examples").isEmpty()) {
                gaps.add("no example of its " + mediaType + " request body");
            }
        });
        JsonNode responses = operation.path("responses");
        if (responses.propertyNames().stream().noneMatch(code -> code.startsWith("2"))) {
            // springdoc leaves its own success answer out once a controller declares any @ApiResponse
            gaps.add("no success answer");
        }
        for (String code : List.of("400", "401", "403")) {
            if (responses.path(code).isMissingNode()) {
                gaps.add("no " + code + " answer");
            }
        }
        responses.forEachEntry((code, response) -> {
            if (code.startsWith("4") && !response.path("content").path(StaffApiDocumentation.PROBLEM_JSON)
                    .path("schema").path("$ref").asString("").endsWith("/" + StaffApiDocumentation.PROBLEM)) {
                gaps.add("its " + code + " answer is not a problem+json " + StaffApiDocumentation.PROBLEM);
            }
        });
        boolean secured = false;
        for (JsonNode requirement : operation.path("security")) {
            secured |= requirement.has(StaffApiDocumentation.CLIENT_CREDENTIALS);
        }
        if (!secured) {
            gaps.add("no " + StaffApiDocumentation.CLIENT_CREDENTIALS + " security requirement");
        }
        return gaps;
    }

    /**
     * The staff routes a service serves ({@code "GET /api/staff/dossiers/{id}"}) that its document
     * leaves out; empty when every one is described.
     */
    public static Set<String> undescribed(JsonNode openApi, RequestMappingHandlerMapping handlers) {
        Set<String> missing = new TreeSet<>();
        handlers.getHandlerMethods().keySet().forEach(mapping -> {
            Set<RequestMethod> methods = mapping.getMethodsCondition().getMethods();
            for (String path : mapping.getPatternValues()) {
                if (!path.startsWith(StaffApiDocumentation.STAFF_PATHS) && !path.equals("/api/staff")) {
                    continue;
                }
                String documented = path.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    if (openApi.path("paths").path(documented).path(method.name().toLowerCase(Locale.ROOT)).isMissingNode()) {
                        missing.add(method.name() + " " + documented);
                    }
                }
            }
        });
        return missing;
    }
}
