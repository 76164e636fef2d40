package nl.notaris.portal.gateway.apidocs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One OpenAPI document of the staff API from the services' own: their {@code /api/staff/**} paths
 * and the components those use, behind the gateway as the only server, with the back-office
 * security scheme on every operation. A component two services name alike but define differently is
 * renamed {@code <area>.<name>} in the later one; an operation id that is taken gets its area as
 * prefix. What the services say about each operation (summaries, examples, problem answers) is kept.
 */
final class StaffApiMerge {

    private static final Logger log = LoggerFactory.getLogger(StaffApiMerge.class);

    static final String STAFF_PATHS = "/api/staff/";
    static final String CLIENT_CREDENTIALS = "backOffice";
    static final String BEARER_TOKEN = "bearerToken";
    private static final String COMPONENTS = "#/components/";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options", "trace");

    /** A service's own document, by the area it covers. */
    record Part(String area, JsonNode document) {
    }

    private StaffApiMerge() {
    }

    static ObjectNode merge(List<Part> parts, StaffApiDocsProperties settings) {
        ObjectNode merged = JsonMapper.shared().createObjectNode();
        merged.put("openapi", parts.isEmpty() ? "3.1.0" : parts.getFirst().document().path("openapi").asString("3.1.0"));
        merged.putObject("info")
                .put("title", settings.title())
                .put("version", settings.version())
                .put("description", StaffApiDescription.text(settings));
        merged.putArray("servers").addObject()
                .put("url", settings.serverUrl().toString())
                .put("description", "The portal's gateway");
        merged.set("security", securityRequirements());
        ArrayNode tags = merged.putArray("tags");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        Set<String> operationIds = new HashSet<>();
        Set<String> tagNames = new HashSet<>();
        for (Part part : parts) {
            add(part, paths, components, operationIds);
            addTags(part, paths, tags, tagNames);
        }
        components.set("securitySchemes", securitySchemes(settings));
        return merged;
    }

    private static void add(Part part, ObjectNode paths, ObjectNode components, Set<String> operationIds) {
        ObjectNode staffPaths = JsonMapper.shared().createObjectNode();
        part.document().path("paths").forEachEntry((path, item) -> {
            if (path.startsWith(STAFF_PATHS)) {
                staffPaths.set(path, item.deepCopy());
            }
        });
        Map<String, JsonNode> used = usedComponents(part.document(), staffPaths);
        Map<String, String> renames = renames(part.area(), used, components);
        for (var component : used.entrySet()) {
            JsonNode definition = rewritten(component.getValue(), renames);
            String ref = renames.getOrDefault(component.getKey(), component.getKey());
            String[] kindAndName = ref.substring(COMPONENTS.length()).split("/", 2);
            ObjectNode ofKind = components.has(kindAndName[0]) ? (ObjectNode) components.get(kindAndName[0])
                    : components.putObject(kindAndName[0]);
            ofKind.set(kindAndName[1], definition);
        }
        rewritten(staffPaths, renames).forEachEntry((path, item) -> {
            ObjectNode target = paths.has(path) ? (ObjectNode) paths.get(path) : paths.putObject(path);
            item.forEachEntry((key, value) -> {
                if (!METHODS.contains(key)) {
                    target.set(key, value);
                } else if (target.has(key)) {
                    log.warn("{} {} is described by two services; the description of {} is left out", key, path, part.area());
                } else {
                    target.set(key, operation((ObjectNode) value, part.area(), operationIds));
                }
            });
        });
    }

    private static ObjectNode operation(ObjectNode operation, String area, Set<String> operationIds) {
        String id = operation.path("operationId").asString(area);
        if (!operationIds.add(id)) {
            String prefixed = area + "_" + id;
            for (int n = 2; !operationIds.add(prefixed); n++) {
                prefixed = area + "_" + id + "_" + n;
            }
            id = prefixed;
        }
        operation.put("operationId", id);
        if (operation.path("tags").isEmpty()) {
            operation.putArray("tags").add(area);
        }
        operation.set("security", securityRequirements());
        return operation;
    }

    /** The tags the staff operations use, with the description the service gave, in order of appearance. */
    private static void addTags(Part part, ObjectNode paths, ArrayNode tags, Set<String> tagNames) {
        Map<String, JsonNode> declared = new LinkedHashMap<>();
        part.document().path("tags").forEach(tag -> declared.put(tag.path("name").asString(), tag));
        paths.forEachEntry((path, item) -> item.forEachEntry((method, operation) -> operation.path("tags").forEach(tag -> {
            String name = tag.asString();
            if (tagNames.add(name)) {
                JsonNode known = declared.get(name);
                tags.add(known != null ? known.deepCopy() : JsonMapper.shared().createObjectNode().put("name", name));
            } else if (declared.containsKey(name)) {
                // a tag first met without its description (an earlier part), now with it
                for (int i = 0; i < tags.size(); i++) {
                    if (tags.get(i).path("name").asString().equals(name) && !tags.get(i).has("description")) {
                        tags.set(i, declared.get(name).deepCopy());
                    }
                }
            }
        })));
    }

    /** Every component the paths use, directly or through other components: ref → definition. */
    static Map<String, JsonNode> usedComponents(JsonNode document, JsonNode paths) {
        Map<String, JsonNode> used = new LinkedHashMap<>();
        List<String> pending = new ArrayList<>(refs(paths));
        while (!pending.isEmpty()) {
            String ref = pending.removeFirst();
            if (used.containsKey(ref)) {
                continue;
            }
            String[] kindAndName = ref.substring(COMPONENTS.length()).split("/", 2);
            JsonNode definition = kindAndName.length == 2
                    ? document.path("components").path(kindAndName[0]).path(unescape(kindAndName[1]))
                    : tools.jackson.databind.node.MissingNode.getInstance();
            if (definition.isMissingNode()) {
                log.warn("{} is used but not defined; left out", ref);
                continue;
            }
            used.put(ref, definition);
            pending.addAll(refs(definition));
        }
        return used;
    }

    /**
     * New names for the components that differ from one of the same name merged already: repeated
     * until stable, as renaming one changes the components that refer to it.
     */
    private static Map<String, String> renames(String area, Map<String, JsonNode> used, ObjectNode merged) {
        Map<String, String> renames = new LinkedHashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (var component : used.entrySet()) {
                String ref = component.getKey();
                if (renames.containsKey(ref)) {
                    continue;
                }
                String[] kindAndName = ref.substring(COMPONENTS.length()).split("/", 2);
                JsonNode existing = merged.path(kindAndName[0]).path(kindAndName[1]);
                if (!existing.isMissingNode() && !existing.equals(rewritten(component.getValue(), renames))) {
                    String name = area + "." + kindAndName[1];
                    for (int n = 2; !merged.path(kindAndName[0]).path(name).isMissingNode(); n++) {
                        name = area + "." + kindAndName[1] + n;
                    }
                    renames.put(ref, COMPONENTS + kindAndName[0] + "/" + name);
                    changed = true;
                }
            }
        }
        return renames;
    }

    static Set<String> refs(JsonNode node) {
        Set<String> refs = new LinkedHashSet<>();
        collectRefs(node, refs);
        return refs;
    }

    private static void collectRefs(JsonNode node, Set<String> refs) {
        if (node.isObject()) {
            node.forEachEntry((key, value) -> {
                if (key.equals("$ref") && value.isString() && value.asString().startsWith(COMPONENTS)) {
                    refs.add(value.asString());
                } else {
                    collectRefs(value, refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectRefs(element, refs));
        }
    }

    /** A copy with every {@code $ref} renamed as given. */
    private static JsonNode rewritten(JsonNode node, Map<String, String> renames) {
        JsonNode copy = node.deepCopy();
        if (!renames.isEmpty()) {
            rewrite(copy, renames);
        }
        return copy;
    }

    private static void rewrite(JsonNode node, Map<String, String> renames) {
        if (node instanceof ObjectNode object) {
            for (String key : List.copyOf(object.propertyNames())) {
                JsonNode value = object.get(key);
                if (key.equals("$ref") && value.isString() && renames.containsKey(value.asString())) {
                    object.put(key, renames.get(value.asString()));
                } else {
                    rewrite(value, renames);
                }
            }
        } else if (node.isArray()) {
            node.forEach(element -> rewrite(element, renames));
        }
    }

    private static String unescape(String pointerToken) {
        return pointerToken.replace("~1", "/").replace("~0", "~");
    }

    static ArrayNode securityRequirements() {
        ArrayNode security = JsonMapper.shared().createArrayNode();
        security.addObject().putArray(CLIENT_CREDENTIALS);
        security.addObject().putArray(BEARER_TOKEN);
        return security;
    }

    static ObjectNode securitySchemes(StaffApiDocsProperties settings) {
        ObjectNode schemes = JsonMapper.shared().createObjectNode();
        ObjectNode clientCredentials = schemes.putObject(CLIENT_CREDENTIALS)
                .put("type", "oauth2")
                .put("description", "A client-credentials token of Keycloak's client `back-office` (realm role `staff`).");
        clientCredentials.putObject("flows").putObject("clientCredentials")
                .put("tokenUrl", settings.tokenUrl().toString())
                .putObject("scopes");
        schemes.putObject(BEARER_TOKEN)
                .put("type", "http")
                .put("scheme", "bearer")
                .put("bearerFormat", "JWT")
                .put("description", "The same access token, pasted as it is (fetched as the description shows), "
                        + "or a staff user's.");
        return schemes;
    }
}
