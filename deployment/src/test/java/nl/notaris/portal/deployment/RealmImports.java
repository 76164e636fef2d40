package nl.notaris.portal.deployment;

import static nl.notaris.portal.deployment.Yamls.list;
import static nl.notaris.portal.deployment.Yamls.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The realm as Kubernetes gets it, made from keycloak/realm/notary-portal-realm.json (the one source):
 * <ul>
 * <li>local: a ConfigMap with the export unchanged (demo users included), imported by start-dev;</li>
 * <li>production: a KeycloakRealmImport without the demo users, with the public addresses, and with
 * every secret as a placeholder that the Keycloak operator fills from a Secret.</li>
 * </ul>
 * DeploymentDescriptorsTest compares the checked-in files with what this makes, and writes them anew
 * with {@code -Dk8s.regenerate=true}.
 */
final class RealmImports {

    static final String PORTAL_URL = "https://portal.notaris.example";
    static final String LOGIN_HOST = "login.notaris.example";
    /** Keycloak's back-channel logout goes to the gateway inside the cluster. */
    static final String BACKCHANNEL_LOGOUT = "http://gateway:8080/logout/connect/back-channel/keycloak";

    /** Confidential clients → the placeholder of their secret, and where the operator reads it. */
    static final Map<String, String> CLIENT_SECRET_PLACEHOLDERS = Map.of(
            "portal-gateway", "PORTAL_GATEWAY_CLIENT_SECRET",
            "identity-service", "IDENTITY_SERVICE_CLIENT_SECRET",
            "back-office", "BACK_OFFICE_CLIENT_SECRET");
    static final Map<String, List<String>> PLACEHOLDER_SECRETS = orderedPlaceholders();

    private static Map<String, List<String>> orderedPlaceholders() {
        Map<String, List<String>> placeholders = new LinkedHashMap<>();
        placeholders.put("PORTAL_GATEWAY_CLIENT_SECRET", List.of("portal-secrets", "portal-gateway-client-secret"));
        placeholders.put("IDENTITY_SERVICE_CLIENT_SECRET", List.of("portal-secrets", "identity-service-client-secret"));
        placeholders.put("BACK_OFFICE_CLIENT_SECRET", List.of("portal-secrets", "back-office-client-secret"));
        placeholders.put("SMTP_USERNAME", List.of("portal-smtp", "username"));
        placeholders.put("SMTP_PASSWORD", List.of("portal-smtp", "password"));
        return placeholders;
    }

    private RealmImports() {
    }

    static String localConfigMap(String realmJson) {
        StringBuilder yaml = new StringBuilder("""
                # GENERATED from keycloak/realm/notary-portal-realm.json by DeploymentDescriptorsTest; do not edit.
                # After changing the realm: ./mvnw -pl deployment verify -Dk8s.regenerate=true
                # The export unchanged, demo users and local client secrets included (local development only).
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: keycloak-realm
                data:
                  notary-portal-realm.json: |
                """);
        if (!realmJson.endsWith("\n")) {
            throw new IllegalArgumentException("the realm export should end with a newline");
        }
        realmJson.lines().forEach(line -> yaml.append(line.isEmpty() ? "" : "    " + line).append('\n'));
        return yaml.toString();
    }

    static String productionImport(String realmJson) {
        Map<String, Object> realm;
        try {
            realm = new ObjectMapper().readValue(realmJson, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (Exception e) {
            throw new IllegalArgumentException("realm export is not JSON", e);
        }
        List<Object> users = new ArrayList<>(list(realm.get("users")));
        users.removeIf(user -> !String.valueOf(map(user).get("username")).startsWith("service-account-"));
        realm.put("users", users);
        for (Object client : list(realm.get("clients"))) {
            Map<String, Object> c = map(client);
            if (c.containsKey("secret")) {
                String placeholder = CLIENT_SECRET_PLACEHOLDERS.get(String.valueOf(c.get("clientId")));
                if (placeholder == null) {
                    throw new IllegalStateException("client " + c.get("clientId") + " has a secret but no placeholder in RealmImports");
                }
                c.put("secret", "${" + placeholder + "}");
            }
        }
        Map<String, Object> smtp = new LinkedHashMap<>(map(realm.get("smtpServer")));
        smtp.put("host", "smtp.notaris.example");
        smtp.put("port", "587");
        smtp.put("from", "portaal@notaris.example");
        smtp.put("fromDisplayName", "Notariskantoor");
        smtp.put("auth", "true");
        smtp.put("user", "${SMTP_USERNAME}");
        smtp.put("password", "${SMTP_PASSWORD}");
        smtp.put("starttls", "true");
        smtp.put("ssl", "false");
        realm.put("smtpServer", smtp);
        realm.put("webAuthnPolicyRpId", LOGIN_HOST);
        Object production = replaceStrings(realm);
        map(map(findClient(production, "portal-gateway")).get("attributes")).put("backchannel.logout.url", BACKCHANNEL_LOGOUT);
        String leftover = findString(production, "localhost");
        if (leftover != null) {
            throw new IllegalStateException("the production realm still names localhost: " + leftover);
        }

        Map<String, Object> placeholders = new LinkedHashMap<>();
        PLACEHOLDER_SECRETS.forEach((name, secret) -> placeholders.put(name,
                Map.of("secret", orderedMap("name", secret.get(0), "key", secret.get(1)))));
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("keycloakCRName", "keycloak");
        spec.put("placeholders", placeholders);
        spec.put("realm", production);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        resource.put("kind", "KeycloakRealmImport");
        resource.put("metadata", orderedMap("name", "notary-portal"));
        resource.put("spec", spec);
        return """
                # GENERATED from keycloak/realm/notary-portal-realm.json by DeploymentDescriptorsTest; do not edit.
                # After changing the realm: ./mvnw -pl deployment verify -Dk8s.regenerate=true
                # Production: no demo users, the public addresses, secrets as placeholders that the Keycloak
                # operator fills from the Secrets portal-secrets and portal-smtp (External Secrets).
                """ + Yamls.yaml().dump(resource);
    }

    private static Object replaceStrings(Object node) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), replaceStrings(v)));
            return copy;
        }
        if (node instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(replaceStrings(v)));
            return copy;
        }
        return node instanceof String s ? s.replace("http://localhost:8080", PORTAL_URL) : node;
    }

    private static Object findClient(Object realm, String clientId) {
        return list(map(realm).get("clients")).stream().filter(c -> clientId.equals(map(c).get("clientId"))).findFirst()
                .orElseThrow(() -> new IllegalStateException("no client " + clientId));
    }

    private static String findString(Object node, String needle) {
        if (node instanceof Map<?, ?> m) {
            for (Object v : m.values()) {
                String found = findString(v, needle);
                if (found != null) return found;
            }
        } else if (node instanceof List<?> l) {
            for (Object v : l) {
                String found = findString(v, needle);
                if (found != null) return found;
            }
        } else if (node instanceof String s && s.contains(needle)) {
            return s;
        }
        return null;
    }

    private static Map<String, Object> orderedMap(String... keysAndValues) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            result.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return result;
    }
}
