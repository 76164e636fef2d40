package nl.notaris.portal.keycloak.accounts;

import java.net.URI;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Body of {@code POST /realms/{realm}/portal-accounts/set-password-email}:
 * <pre>{"userId": "...", "redirectUri": "...", "lifespanSeconds": 604800, "clientId": "portal-gateway"}</pre>
 * Only {@code userId} is required. Parsing never throws: a body that breaks a rule gives an
 * {@link #error()} in plain words.
 */
public record SetPasswordEmailRequest(String userId, String redirectUri, int lifespanSeconds, String clientId,
        String error) {

    public static final String DEFAULT_CLIENT_ID = "portal-gateway";
    /** Seven days: the invitation's link is valid for days (ONB-7). */
    public static final int DEFAULT_LIFESPAN_SECONDS = 7 * 24 * 60 * 60;
    public static final int MIN_LIFESPAN_SECONDS = 5 * 60;
    public static final int MAX_LIFESPAN_SECONDS = 30 * 24 * 60 * 60;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    public boolean valid() {
        return error == null;
    }

    public static SetPasswordEmailRequest parse(String body) {
        if (body == null || body.isBlank()) {
            return invalid("The body must be a JSON object with at least \"userId\".");
        }
        JsonNode json;
        try {
            json = MAPPER.readTree(body);
        } catch (Exception e) {
            return invalid("The body is not valid JSON.");
        }
        if (json == null || !json.isObject()) {
            return invalid("The body must be a JSON object with at least \"userId\".");
        }

        JsonNode userIdNode = json.get("userId");
        if (userIdNode == null || !userIdNode.isTextual() || userIdNode.asText().isBlank()) {
            return invalid("\"userId\" is required (the Keycloak user id).");
        }
        String userId = userIdNode.asText().trim();
        if (userId.length() > 255) {
            return invalid("\"userId\" is too long.");
        }

        String redirectUri = null;
        JsonNode redirectNode = json.get("redirectUri");
        if (redirectNode != null && !redirectNode.isNull()) {
            if (!redirectNode.isTextual() || !isAbsoluteHttpUri(redirectNode.asText())) {
                return invalid("\"redirectUri\" must be an absolute http(s) URI.");
            }
            redirectUri = redirectNode.asText().trim();
        }

        int lifespan = DEFAULT_LIFESPAN_SECONDS;
        JsonNode lifespanNode = json.get("lifespanSeconds");
        if (lifespanNode != null && !lifespanNode.isNull()) {
            if (!lifespanNode.canConvertToInt() || !lifespanNode.isIntegralNumber()) {
                return invalid("\"lifespanSeconds\" must be a whole number of seconds.");
            }
            lifespan = lifespanNode.asInt();
            if (lifespan < MIN_LIFESPAN_SECONDS || lifespan > MAX_LIFESPAN_SECONDS) {
                return invalid(String.format(Locale.ROOT, "\"lifespanSeconds\" must be between %d and %d.",
                        MIN_LIFESPAN_SECONDS, MAX_LIFESPAN_SECONDS));
            }
        }

        String clientId = DEFAULT_CLIENT_ID;
        JsonNode clientNode = json.get("clientId");
        if (clientNode != null && !clientNode.isNull()) {
            if (!clientNode.isTextual() || clientNode.asText().isBlank()) {
                return invalid("\"clientId\" must be a client id.");
            }
            clientId = clientNode.asText().trim();
        }
        return new SetPasswordEmailRequest(userId, redirectUri, lifespan, clientId, null);
    }

    private static SetPasswordEmailRequest invalid(String error) {
        return new SetPasswordEmailRequest(null, null, 0, null, error);
    }

    static boolean isAbsoluteHttpUri(String value) {
        if (value == null || value.isBlank() || value.length() > 2000) {
            return false;
        }
        try {
            URI uri = new URI(value.trim());
            String scheme = uri.getScheme();
            return uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme));
        } catch (Exception e) {
            return false;
        }
    }
}
