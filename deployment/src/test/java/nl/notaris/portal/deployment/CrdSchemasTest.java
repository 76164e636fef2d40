package nl.notaris.portal.deployment;

import static nl.notaris.portal.deployment.Yamls.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The hand-written operator schemas (src/test/resources/crd-schemas/) take what the operators' own CRDs
 * take where an operator review found them narrower, and require what those CRDs require. Each case starts
 * from the production render's resource.
 */
class CrdSchemasTest {

    final List<Map<String, Object>> production = KubernetesManifestsTest.render("production");

    @Test
    void keycloakTakesEnvUpdateTracingProbesAndTheAdminUrl() {
        Map<String, Object> keycloak = ManifestChecks.find(production, "Keycloak", "keycloak");
        Map<String, Object> spec = map(keycloak.get("spec"));
        spec.put("env", List.of(Map.of("name", "JAVA_OPTS_KC_HEAP", "value", "-XX:MaxRAMPercentage=70"),
                Map.of("name", "KC_SPI_X", "secret", Map.of("name", "keycloak-sms", "key", "token"))));
        spec.put("update", Map.of("strategy", "Auto"));
        spec.put("tracing", Map.of("enabled", true, "endpoint", "http://otel-collector:4317", "samplePercentage", 0.1));
        spec.put("readinessProbe", Map.of("periodSeconds", 10, "failureThreshold", 3));
        spec.put("livenessProbe", Map.of("periodSeconds", 10));
        spec.put("startupProbe", Map.of("failureThreshold", 60));
        map(spec.computeIfAbsent("hostname", k -> new java.util.LinkedHashMap<>())).put("adminUrl", "https://admin.example");

        assertThat(KubernetesSchemas.validate(keycloak)).isEmpty();
    }

    @Test
    void anExternalSecretTakesSyncWindowsAndATargetManifest() {
        Map<String, Object> secret = ManifestChecks.find(production, "ExternalSecret", "portal-secrets");
        Map<String, Object> spec = map(secret.get("spec"));
        spec.put("syncWindows", List.of(Map.of("schedule", "0 2 * * *", "duration", "1h")));
        map(spec.get("target")).put("manifest", Map.of("apiVersion", "v1", "kind", "Secret"));

        assertThat(KubernetesSchemas.validate(secret)).isEmpty();
    }

    @Test
    void aRealmImportTakesLabels() {
        Map<String, Object> realmImport = ManifestChecks.find(production, "KeycloakRealmImport", "notary-portal");
        map(realmImport.get("spec")).put("labels", Map.of("team", "portal"));

        assertThat(KubernetesSchemas.validate(realmImport)).isEmpty();
    }

    @Test
    void mongodbTakesAClusterDomainAndNeedsItsAuthenticationModes() {
        Map<String, Object> mongodb = ManifestChecks.find(production, "MongoDBCommunity", "portal-mongodb");
        Map<String, Object> spec = map(mongodb.get("spec"));
        spec.put("clusterDomain", "cluster.example");
        assertThat(KubernetesSchemas.validate(mongodb)).isEmpty();

        map(map(spec.get("security")).get("authentication")).remove("modes");
        assertThat(KubernetesSchemas.validate(mongodb)).containsExactly(
                "MongoDBCommunity portal-mongodb.spec.security.authentication: required field modes missing");
    }
}
