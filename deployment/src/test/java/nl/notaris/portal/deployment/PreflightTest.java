package nl.notaris.portal.deployment;

import static nl.notaris.portal.deployment.Yamls.at;
import static nl.notaris.portal.deployment.Yamls.list;
import static nl.notaris.portal.deployment.Yamls.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import nl.notaris.portal.deployment.Preflight.Answer;
import nl.notaris.portal.deployment.Preflight.Finding;
import nl.notaris.portal.deployment.Preflight.Query;
import nl.notaris.portal.deployment.Preflight.Status;

/**
 * The preflight script (k8s/preflight.sh → {@link Preflight}) on recorded {@code kubectl get -o json} outputs
 * (src/test/resources/preflight/, see its README): a complete cluster passes, each realistic incomplete one fails
 * with what is missing in plain words, removing any single prerequisite from the complete cluster fails, and
 * what the script expects is what the production manifests need.
 */
class PreflightTest {

    static final Path FIXTURES = Path.of("src/test/resources/preflight");
    static final Path PRODUCTION = ProjectFacts.ROOT.resolve(Preflight.OVERLAY);
    /** A digest as a registry answers it, for the overlays below. */
    static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    /**
     * The production overlay with every image in one state: "released" (pinned by {@link #DIGEST}), "unreleased" (the
     * placeholder), "tag-only" (no digest); written under target/ as .../k8s/overlays/production.
     */
    static Path overlay(String state) {
        return overlay(state, state);
    }

    /** {@link #overlay(String)} in its own folder {@code name}, to change further. */
    static Path overlay(String name, String state) {
        try {
            Path copy = Path.of("target/preflight-overlays", name).toAbsolutePath().resolve(Preflight.OVERLAY);
            Files.createDirectories(copy);
            for (String shared : List.of("base", "observability")) {
                Path link = copy.resolve("../..").resolve(shared).normalize();
                if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createSymbolicLink(link, ProjectFacts.ROOT.resolve("k8s").resolve(shared));
                }
            }
            try (Stream<Path> files = Files.list(PRODUCTION)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(file);
                    String digest = switch (state) {
                        case "released" -> "@" + DIGEST;
                        case "unreleased" -> "@" + Preflight.UNRELEASED;
                        case "tag-only" -> "";
                        default -> throw new IllegalArgumentException(state);
                    };
                    text = text.replaceAll("(?m)^(\\s+)digest:.*\n", digest.isEmpty() ? "" : "$1digest: " + digest.substring(1) + "\n");
                    text = text.replaceAll("(?m)^(\\s+image: [^@\\s]+)(@\\S+)?$", "$1" + java.util.regex.Matcher.quoteReplacement(digest));
                    Files.writeString(copy.resolve(file.getFileName()), text);
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final Path RELEASED = overlay("released");
    /** The fixtures' certificates were made on 2026-12-05: portal-expiring.crt ends on 2027-01-04, the others in 2036. */
    static final Instant NOW = Instant.parse("2027-01-15T00:00:00Z");

    /** A cluster as recorded: the complete one, with the files of {@code scenario} in place of its own. */
    static Map<Query, Answer> cluster(String scenario) {
        Map<Query, Answer> answers = new LinkedHashMap<>();
        for (Query query : Query.values()) {
            answers.put(query, answer(FIXTURES.resolve(scenario), query).orElse(answer(FIXTURES.resolve("complete"), query).orElseThrow()));
        }
        return answers;
    }

    private static java.util.Optional<Answer> answer(Path directory, Query query) {
        try {
            Path json = directory.resolve(query.file + ".json");
            Path error = directory.resolve(query.file + ".error");
            if (Files.exists(error)) {
                return java.util.Optional.of(Answer.failed(Files.readString(error)));
            }
            return Files.exists(json) ? java.util.Optional.of(Answer.ok(Preflight.Json.parse(Files.readString(json)))) : java.util.Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Run(int exit, String output, List<Finding> findings) {
        List<String> missing() {
            return findings.stream().filter(f -> f.status() == Status.MISSING).map(Finding::text).toList();
        }

        List<String> notes() {
            return findings.stream().filter(f -> f.status() == Status.NOTE).map(Finding::text).toList();
        }
    }

    static Run run(Map<Query, Answer> cluster, Instant now) {
        return run(cluster, RELEASED, now);
    }

    static Run run(Map<Query, Answer> cluster, Path overlay, Instant now) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = Preflight.run(cluster::get, overlay, now, new PrintStream(out, true, StandardCharsets.UTF_8));
        List<Finding> findings = exit == 2 ? List.of() : Preflight.check(cluster::get, overlay, now);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), findings);
    }

    static Run run(String scenario) {
        return run(cluster(scenario), NOW);
    }

    static int prerequisites() {
        // Kubernetes, the namespace and the peers' namespaces, storage, ingress class, CRDs, the operators'
        // Deployments in the complete cluster (External Secrets has three), the store, its Secrets, TLS, the images
        return 1 + 1 + Preflight.PEER_NAMESPACES.size() + 1 + 1 + Preflight.CRDS.size() + 7 + 1
                + Preflight.STORE_SECRETS.size() + Preflight.TLS_SECRETS.size() + 1;
    }

    // ---------------------------------------------------------------------------------------------
    // Recorded clusters
    // ---------------------------------------------------------------------------------------------

    @Nested
    class RecordedClusters {

        @Test
        void aCompleteClusterIsReady() {
            Run run = run("complete");
            assertThat(run.missing()).isEmpty();
            assertThat(run.notes()).isEmpty();
            assertThat(run.exit()).isZero();
            assertThat(run.findings()).hasSize(prerequisites());
            assertThat(run.output()).contains("Ready: all " + prerequisites() + " prerequisites are there",
                    "  ok       Kubernetes 1.31",
                    "  ok       Strimzi (Deployment strimzi/strimzi-cluster-operator, quay.io/strimzi/operator:0.49.1), watching notary-portal",
                    "  ok       The Keycloak operator (Deployment notary-portal/keycloak-operator, quay.io/keycloak/keycloak-operator:26.5.6), watching notary-portal",
                    "  ok       CRD kafkas.kafka.strimzi.io serves kafka.strimzi.io/v1",
                    "  ok       ClusterSecretStore notary-portal is ready",
                    "  ok       Secret keycloak-db (from notary-portal/keycloak-db)",
                    "  ok       TLS Secret portal-tls for portal.notaris.example, valid until 2036-12-02T20:32:38Z",
                    "  ok       default StorageClass standard-rwo (for Kafka's and MongoDB's volumes)",
                    "  ok       8 images pinned by digest in k8s/overlays/production (gateway:0.1.0, identity-service:0.1.0, dossier-service:0.1.0, "
                            + "messaging-service:0.1.0, document-service:0.1.0, questionnaire-service:0.1.0, notification-service:0.1.0, keycloak:0.1.0)");
        }

        @Test
        void aFreshClusterMissesEverythingButKubernetesAndStorage() {
            Run run = run("fresh-cluster");
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.missing()).contains(
                    "namespace notary-portal does not exist: kubectl apply --server-side -f k8s/overlays/production/namespace.yaml (step 1)",
                    "IngressClass nginx does not exist: the Ingresses portal and login use it (install ingress-nginx, step 2)",
                    "CRD kafkas.kafka.strimzi.io (Kafka) is not installed: install Strimzi with its CRDs (step 2)",
                    "Strimzi is not running: no Deployment runs an image of strimzi/operator (install it, step 2)",
                    "The MongoDB operator is not running: no Deployment runs an image of mongodb/mongodb-kubernetes (install it, step 2)",
                    "ClusterSecretStore notary-portal: could not be looked up (error: the server doesn't have a resource type \"clustersecretstores\"); "
                            + "External Secrets' CRDs come first (step 2)",
                    "Secret keycloak-db (for Keycloak (its PostgreSQL database)) is not there: apply the ExternalSecrets (step 4), after putting "
                            + "notary-portal/keycloak-db with the properties username, password in the store",
                    "TLS Secret portal-tls (for portal.notaris.example) does not exist in notary-portal: make it with cert-manager or kubectl create secret tls (step 5)");
            assertThat(run.missing()).filteredOn(m -> m.startsWith("CRD ")).hasSize(Preflight.CRDS.size());
            assertThat(run.missing()).filteredOn(m -> m.contains("is not running")).hasSize(Preflight.OPERATORS.size());
            assertThat(run.missing()).filteredOn(m -> m.startsWith("namespace ")).hasSize(4); // the portal's, ingress-nginx, monitoring, observability
            assertThat(run.findings()).filteredOn(f -> f.status() == Status.OK).extracting(Finding::text)
                    .filteredOn(text -> !text.contains("pinned by digest"))
                    .containsExactly("Kubernetes 1.33", "namespace kube-system (the cluster DNS)", "default StorageClass standard (for Kafka's and MongoDB's volumes)");
            assertThat(run.output()).contains("prerequisites missing (MISSING above). How to install each: docs/operations.md, \"First install\".");
        }

        @Test
        void strimziOlderThan049ServesNoV1() {
            Run run = run("strimzi-0.45");
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.missing()).containsExactly(
                    "CRD kafkas.kafka.strimzi.io does not serve kafka.strimzi.io/v1 (it serves v1beta2): Strimzi is too old (0.49 or newer needed)",
                    "CRD kafkanodepools.kafka.strimzi.io does not serve kafka.strimzi.io/v1 (it serves v1beta2): Strimzi is too old (0.49 or newer needed)",
                    "CRD kafkatopics.kafka.strimzi.io does not serve kafka.strimzi.io/v1 (it serves v1beta2): Strimzi is too old (0.49 or newer needed)",
                    "CRD kafkausers.kafka.strimzi.io does not serve kafka.strimzi.io/v1 (it serves v1beta2): Strimzi is too old (0.49 or newer needed)",
                    "Strimzi (Deployment strimzi/strimzi-cluster-operator, quay.io/strimzi/operator:0.45.0) runs 0.45.0, older than 0.49");
        }

        @Test
        void operatorsInstalledWithTheirDefaultsWatchOnlyTheirOwnNamespace() {
            Run run = run("operators-watching-their-own-namespace");
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.missing()).containsExactly(
                    "Strimzi (Deployment strimzi/strimzi-cluster-operator, quay.io/strimzi/operator:0.49.1) watches only strimzi, "
                            + "not notary-portal (STRIMZI_NAMESPACE): it would ignore the portal's resources",
                    "The MongoDB operator (Deployment mongodb/mongodb-kubernetes-operator, quay.io/mongodb/mongodb-kubernetes:1.6.1) watches only "
                            + "mongodb, not notary-portal (WATCH_NAMESPACE): it would ignore the portal's resources",
                    "The Keycloak operator (Deployment keycloak/keycloak-operator, quay.io/keycloak/keycloak-operator:26.5.6) watches only keycloak, "
                            + "not notary-portal (QUARKUS_OPERATOR_SDK_NAMESPACES): it would ignore the portal's resources");
        }

        @Test
        void strimziInThePortalNamespaceAndAWebhookThatDoesNotStart() {
            Run run = run("strimzi-in-the-portal-namespace");
            assertThat(run.missing()).containsExactly(
                    "Strimzi (Deployment notary-portal/strimzi-cluster-operator, quay.io/strimzi/operator:0.49.1) runs in notary-portal, where its pods "
                            + "cannot reach the Kubernetes API (every flow there is denied unless a NetworkPolicy allows it): install it in its own "
                            + "namespace, watching notary-portal",
                    "External Secrets (Deployment external-secrets/external-secrets-webhook, ghcr.io/external-secrets/external-secrets:v0.20.4) "
                            + "has no pod ready (0 of 1 available)");
        }

        @Test
        void aSecretStoreThatCannotLogIn() {
            Run run = run("secret-store-not-ready");
            assertThat(run.missing()).first().asString().startsWith(
                    "ClusterSecretStore notary-portal is not ready: ValidationFailed: unable to validate store: unable to log in with Kubernetes auth")
                    .contains("permission denied");
            assertThat(run.missing()).hasSize(1 + Preflight.STORE_SECRETS.size()).contains(
                    "Secret keycloak-db (for Keycloak (its PostgreSQL database)) is not there: ExternalSecret keycloak-db says: SecretSyncedError: "
                            + "could not get secret data from provider. The store must hold notary-portal/keycloak-db with the properties username, password");
        }

        @Test
        void aSecretStoreThatLacksKeycloaksDatabaseAccountAndAPassword() {
            Run run = run("secret-store-lacks-keys");
            assertThat(run.missing()).containsExactly(
                    "Secret mongodb-passwords has no (or an empty) notification-service: put the properties notification-service into "
                            + "notary-portal/mongodb-users in the store (the ExternalSecret refreshes hourly; annotate it force-sync=<now> to refresh at once)",
                    "Secret keycloak-db (for Keycloak (its PostgreSQL database)) is not there: ExternalSecret keycloak-db says: SecretSyncedError: "
                            + "error processing spec.data[0] (key: notary-portal/keycloak-db), err: Secret does not exist. The store must hold "
                            + "notary-portal/keycloak-db with the properties username, password");
        }

        @Test
        void aSecretStoreForOtherNamespacesOnly() {
            assertThat(run("secret-store-for-other-namespaces").missing()).containsExactly(
                    "ClusterSecretStore notary-portal may not serve notary-portal: spec.conditions allows only the namespaces [intranet, dms]");
        }

        @Test
        void anExpiredCertificateAndOneForAnotherDomain() {
            assertThat(run("tls-certificates-wrong").missing()).containsExactly(
                    "TLS Secret portal-tls: its certificate for portal.notaris.example expired on 2027-01-04T20:32:38Z",
                    "TLS Secret login-tls: its certificate is for [*.notaris.test], not login.notaris.example");
        }

        @Test
        void k3sWithTraefikInsteadOfIngressNginx() {
            assertThat(run("k3s-with-traefik").missing()).containsExactly(
                    "namespace ingress-nginx does not exist: the NetworkPolicies expect the ingress controller there "
                            + "(docs/operations.md, \"Network policies\": install it there or change the policies)",
                    "IngressClass nginx does not exist: the Ingresses portal and login use it (install ingress-nginx, step 2)");
        }

        @Test
        void noDefaultStorageClass() {
            assertThat(run("no-default-storage-class").missing()).singleElement().asString()
                    .startsWith("a default StorageClass: Kafka's and MongoDB's volumes name no class, so they would stay Pending.");
        }

        @Test
        void anUnreachableClusterIsSaidSoAndExits2() {
            Run run = run("unreachable");
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.output()).contains("cannot ask the cluster: The connection to the server api.cluster.notaris.example:6443 was refused",
                    "Check kubectl's context");
        }

        @Test
        void notesDoNotFailTheRun() {
            Map<Query, Answer> cluster = cluster("complete");
            map(byName(cluster.get(Query.STORAGE_CLASSES), "standard-rwo")).put("volumeBindingMode", "Immediate");
            Run run = run(cluster, Instant.parse("2036-11-25T00:00:00Z"));
            assertThat(run.exit()).isZero();
            assertThat(run.notes()).containsExactly(
                    "StorageClass standard-rwo binds volumes Immediate: with several zones a volume may be made in a zone its pod's spread "
                            + "rules the pod out of; WaitForFirstConsumer avoids that",
                    "the certificate in portal-tls expires within 14 days", "the certificate in login-tls expires within 14 days");
        }

        @Test
        void strimzisEntityOperatorIsNotTakenForTheClusterOperator() {
            Map<Query, Answer> cluster = cluster("complete");
            Map<String, Object> entityOperator = Yamls.deepCopy(map(byName(cluster.get(Query.DEPLOYMENTS), "strimzi-cluster-operator")));
            map(entityOperator.get("metadata")).putAll(Map.of("name", "portal-kafka-entity-operator", "namespace", "notary-portal",
                    "labels", Map.of("strimzi.io/cluster", "portal-kafka", "strimzi.io/kind", "Kafka")));
            items(cluster.get(Query.DEPLOYMENTS)).add(entityOperator);
            assertThat(run(cluster, NOW).missing()).isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The overlay's images: released (pinned by digest) or not
    // ---------------------------------------------------------------------------------------------

    @Nested
    class Images {

        @Test
        void imagesNotReleasedYetAreReportedAndFailTheRun() {
            Run run = run(cluster("complete"), overlay("unreleased"), NOW);
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.missing()).containsExactly("images not released: gateway, identity-service, dossier-service, messaging-service, "
                    + "document-service, questionnaire-service, notification-service, keycloak carry the placeholder digest NOT-RELEASED in "
                    + "k8s/overlays/production: build and push them with k8s/release-images.sh <version>, which writes their digests (step 6)");
        }

        @Test
        void imagesPinnedByATagAloneAreReported() {
            Run run = run(cluster("complete"), overlay("tag-only"), NOW);
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.missing()).singleElement().asString().startsWith("images not pinned by digest in k8s/overlays/production: "
                    + "registry.notaris.example/notary-portal/gateway:0.1.0, registry.notaris.example/notary-portal/identity-service:0.1.0,")
                    .contains("registry.notaris.example/notary-portal/keycloak:0.1.0 (a tag can be moved to another image)");
        }

        @Test
        void thisCheckoutsOverlayIsReleasedOrSaysItIsNot() {
            // committed either with the placeholder (nothing released from it yet) or with the digests of a release
            List<String> images = run(cluster("complete"), PRODUCTION, NOW).missing();
            assertThat(images).allMatch(m -> m.startsWith("images not released: "));
        }

        @Test
        void aDigestThatIsNoRegistrysDigest() throws IOException {
            Path overlay = overlay("short-digest", "released");
            Path kustomization = overlay.resolve("kustomization.yaml");
            Files.writeString(kustomization, Files.readString(kustomization).replaceFirst("digest: " + DIGEST, "digest: sha256:abc"));
            assertThat(run(cluster("complete"), overlay, NOW).missing()).containsExactly("images not pinned by digest in "
                    + "k8s/overlays/production: registry.notaris.example/notary-portal/gateway:0.1.0@sha256:abc (a tag can be moved to another "
                    + "image): release them with k8s/release-images.sh <version> (step 6)");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Each prerequisite, taken away alone from the complete cluster, is reported
    // ---------------------------------------------------------------------------------------------

    @TestFactory
    Stream<DynamicTest> eachPrerequisiteTakenAwayIsReportedAlone() {
        Map<String, Consumer<Map<Query, Answer>>> removals = new LinkedHashMap<>();
        removals.put("Kubernetes 1.29|Kubernetes 1.30 or newer", c -> map(at(c.get(Query.VERSION).json(), "serverVersion")).put("minor", "29"));
        removals.put("namespace notary-portal|namespace notary-portal does not exist", c -> remove(c, Query.NAMESPACES, Preflight.NAMESPACE));
        removals.put("notary-portal terminating|namespace notary-portal is Terminating",
                c -> map(at(byName(c.get(Query.NAMESPACES), Preflight.NAMESPACE), "status")).put("phase", "Terminating"));
        Preflight.PEER_NAMESPACES.keySet().forEach(ns ->
                removals.put("namespace " + ns + "|namespace " + ns + " does not exist", c -> remove(c, Query.NAMESPACES, ns)));
        removals.put("default StorageClass|a default StorageClass",
                c -> map(at(byName(c.get(Query.STORAGE_CLASSES), "standard-rwo"), "metadata", "annotations"))
                        .remove("storageclass.kubernetes.io/is-default-class"));
        removals.put("IngressClass|IngressClass nginx does not exist", c -> remove(c, Query.INGRESS_CLASSES, Preflight.INGRESS_CLASS));
        for (Preflight.Crd crd : Preflight.CRDS) {
            removals.put("CRD " + crd.name() + "|CRD " + crd.name() + " (" + crd.kind() + ") is not installed", c -> remove(c, Query.CRDS, crd.name()));
            removals.put("CRD " + crd.name() + " not serving " + crd.version() + "|CRD " + crd.name() + " does not serve",
                    c -> list(at(byName(c.get(Query.CRDS), crd.name()), "spec", "versions")).forEach(v -> {
                        if (crd.version().equals(map(v).get("name"))) {
                            map(v).put("served", false);
                        }
                    }));
        }
        for (Preflight.Operator operator : Preflight.OPERATORS) {
            String name = Character.toUpperCase(operator.name().charAt(0)) + operator.name().substring(1);
            removals.put(name + " not installed|" + name + " is not running",
                    c -> items(c.get(Query.DEPLOYMENTS)).removeIf(d -> String.valueOf(at(d, "spec", "template", "spec", "containers"))
                            .contains(operator.image())));
            removals.put(name + " scaled to 0|is scaled to 0", c -> items(c.get(Query.DEPLOYMENTS)).stream()
                    .filter(d -> String.valueOf(at(d, "spec", "template", "spec", "containers")).contains(operator.image())).findFirst()
                    .ifPresent(d -> map(map(d).get("spec")).put("replicas", 0)));
        }
        removals.put("ClusterSecretStore|ClusterSecretStore notary-portal does not exist", c -> remove(c, Query.SECRET_STORES, Preflight.SECRET_STORE));
        removals.put("ClusterSecretStore not ready|ClusterSecretStore notary-portal is not ready",
                c -> map(list(at(byName(c.get(Query.SECRET_STORES), Preflight.SECRET_STORE), "status", "conditions")).get(0)).put("status", "False"));
        for (Preflight.StoreSecret secret : Preflight.STORE_SECRETS) {
            removals.put("Secret " + secret.secret() + "|Secret " + secret.secret() + " (for",
                    c -> remove(c, Query.SECRETS, secret.secret()));
            for (String key : secret.properties().keySet()) {
                removals.put("Secret " + secret.secret() + " key " + key + "|Secret " + secret.secret() + " has no (or an empty) " + key + ":",
                        c -> map(at(byName(c.get(Query.SECRETS), secret.secret()), "data")).remove(key));
            }
        }
        for (String tls : Preflight.TLS_SECRETS.keySet()) {
            removals.put("TLS Secret " + tls + "|TLS Secret " + tls + " (for", c -> remove(c, Query.SECRETS, tls));
            removals.put("TLS Secret " + tls + " without key|TLS Secret " + tls + " is not a TLS Secret",
                    c -> map(at(byName(c.get(Query.SECRETS), tls), "data")).remove("tls.key"));
        }
        assertThat(removals).hasSizeGreaterThan(60);
        return removals.entrySet().stream().map(removal -> DynamicTest.dynamicTest(removal.getKey().split("\\|")[0], () -> {
            Map<Query, Answer> cluster = cluster("complete");
            removal.getValue().accept(cluster);
            Run run = run(cluster, NOW);
            assertThat(run.exit()).isEqualTo(1);
            assertThat(run.missing()).singleElement().asString().contains(removal.getKey().split("\\|")[1]);
        }));
    }

    static List<Object> items(Answer answer) {
        return list(at(answer.json(), "items"));
    }

    static Object byName(Answer answer, String name) {
        return items(answer).stream().filter(i -> name.equals(at(i, "metadata", "name"))).findFirst().orElseThrow();
    }

    static void remove(Map<Query, Answer> cluster, Query query, String name) {
        assertThat(items(cluster.get(query)).removeIf(i -> name.equals(at(i, "metadata", "name")))).as(name).isTrue();
    }

    // ---------------------------------------------------------------------------------------------
    // What the script expects is what the production manifests need
    // ---------------------------------------------------------------------------------------------

    @Nested
    class ExpectationsMatchTheManifests {

        final List<Map<String, Object>> docs = KubernetesManifestsTest.render("production");

        @Test
        void theNamespaceAndTheSecretStore() {
            assertThat(ManifestChecks.namespace(docs)).isEqualTo(Preflight.NAMESPACE);
            assertThat(ManifestChecks.ofKind(docs, "ExternalSecret")).isNotEmpty().allSatisfy(e -> {
                assertThat(at(e, "spec", "secretStoreRef", "kind")).isEqualTo("ClusterSecretStore");
                assertThat(at(e, "spec", "secretStoreRef", "name")).isEqualTo(Preflight.SECRET_STORE);
            });
        }

        @Test
        void aCrdForEveryCustomKindTheRenderUses() {
            Set<String> used = new TreeSet<>();
            for (Map<String, Object> doc : docs) {
                String apiVersion = String.valueOf(doc.get("apiVersion"));
                String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
                if (group.contains(".") && !group.endsWith(".k8s.io")) {
                    used.add(apiVersion + " " + doc.get("kind"));
                }
            }
            used.add("external-secrets.io/v1 ClusterSecretStore"); // referenced by every ExternalSecret, made by the platform
            assertThat(Preflight.CRDS.stream().map(c -> c.group() + "/" + c.version() + " " + c.kind()).toList())
                    .containsExactlyInAnyOrderElementsOf(used);
        }

        @Test
        void theSecretsTheStoreMustHold() {
            Map<String, String> expected = new TreeMap<>();
            for (Map<String, Object> es : ManifestChecks.ofKind(docs, "ExternalSecret")) {
                String target = String.valueOf(at(es, "spec", "target", "name"));
                for (Object data : list(at(es, "spec", "data"))) {
                    expected.put(target + " " + at(data, "secretKey"), at(data, "remoteRef", "key") + "#" + at(data, "remoteRef", "property"));
                }
                for (Object from : list(at(es, "spec", "dataFrom"))) {
                    // extract: every key the manifests read from the Secret is a property of the store's key
                    for (String key : referencedKeys(docs, target)) {
                        expected.put(target + " " + key, at(from, "extract", "key") + "#" + key);
                    }
                }
            }
            Map<String, String> script = new TreeMap<>();
            Preflight.STORE_SECRETS.forEach(s -> s.properties().forEach((key, property) ->
                    script.put(s.secret() + " " + key, s.storeKey() + "#" + property)));
            assertThat(script).isEqualTo(expected);
            // every key read from these Secrets anywhere in the render is among them
            Preflight.STORE_SECRETS.forEach(s -> assertThat(s.properties().keySet()).containsAll(referencedKeys(docs, s.secret())));
        }

        @Test
        void keycloaksDatabaseCredentialsAreAmongThem() {
            Map<String, Object> db = map(at(ManifestChecks.find(docs, "Keycloak", "keycloak"), "spec", "db"));
            assertThat(Preflight.STORE_SECRETS).anySatisfy(s -> {
                assertThat(s.secret()).isEqualTo(at(db, "usernameSecret", "name")).isEqualTo(at(db, "passwordSecret", "name"));
                assertThat(s.properties()).containsKeys(String.valueOf(at(db, "usernameSecret", "key")), String.valueOf(at(db, "passwordSecret", "key")));
            });
        }

        @Test
        void theTlsSecretsOfTheIngresses() {
            Map<String, String> tls = new LinkedHashMap<>();
            for (Map<String, Object> ingress : ManifestChecks.ofKind(docs, "Ingress")) {
                for (Object entry : list(at(ingress, "spec", "tls"))) {
                    list(map(entry).get("hosts")).forEach(host -> tls.put(String.valueOf(map(entry).get("secretName")), String.valueOf(host)));
                }
            }
            assertThat(Preflight.TLS_SECRETS).isEqualTo(tls);
        }

        @Test
        void theIngressClassAndTheStorageClasses() {
            assertThat(ManifestChecks.ofKind(docs, "Ingress")).isNotEmpty()
                    .allSatisfy(i -> assertThat(at(i, "spec", "ingressClassName")).isEqualTo(Preflight.INGRESS_CLASS));
            Set<String> classes = new TreeSet<>();
            collect(docs, "storageClassName", classes);
            ManifestChecks.ofKind(docs, "KafkaNodePool").forEach(pool -> {
                Object storage = at(pool, "spec", "storage");
                Stream.concat(Stream.of(storage), list(map(storage).get("volumes")).stream())
                        .map(v -> map(v).get("class")).filter(java.util.Objects::nonNull).forEach(c -> classes.add(String.valueOf(c)));
            });
            assertThat(Preflight.STORAGE_CLASSES).containsExactlyInAnyOrderElementsOf(classes);
            // the volumes that need a class (the default one, while they name none)
            assertThat(ManifestChecks.ofKind(docs, "KafkaNodePool")).isNotEmpty();
            assertThat(String.valueOf(ManifestChecks.find(docs, "MongoDBCommunity", "portal-mongodb"))).contains("volumeClaimTemplates");
        }

        @Test
        void theNamespacesTheNetworkPoliciesName() {
            Set<String> named = new TreeSet<>();
            collect(docs, "kubernetes.io/metadata.name", named);
            named.remove(Preflight.NAMESPACE);
            assertThat(Preflight.PEER_NAMESPACES.keySet()).containsExactlyInAnyOrderElementsOf(named);
        }

        @Test
        void theImagesItReadsAreTheRendersImages() throws IOException {
            Set<String> rendered = new TreeSet<>();
            ManifestChecks.images(docs).values().forEach(rendered::addAll);
            assertThat(new TreeSet<>(Preflight.overlayImages(PRODUCTION).values())).isEqualTo(rendered);
            List<Map<String, Object>> released = Kustomize.build(RELEASED);
            Set<String> releasedImages = new TreeSet<>();
            ManifestChecks.images(released).values().forEach(releasedImages::addAll);
            assertThat(new TreeSet<>(Preflight.overlayImages(RELEASED).values())).isEqualTo(releasedImages).hasSize(8)
                    .allMatch(image -> image.endsWith(":0.1.0@" + DIGEST));
        }

        @Test
        void theOperatorsVersionsAreThoseTheBuildUses() throws IOException {
            String pom = Files.readString(ProjectFacts.ROOT.resolve("deployment/pom.xml"));
            assertThat(pom).contains("<strimzi.version>" + Preflight.STRIMZI.minimumVersion() + ".");
            assertThat(Files.readString(ProjectFacts.ROOT.resolve("keycloak/pom.xml")))
                    .contains("<keycloak.version>" + Preflight.KEYCLOAK.minimumVersion() + ".");
        }

        @Test
        void theFirstInstallSectionOfTheDocsNamesWhatTheScriptChecks() throws IOException {
            String docs = Files.readString(ProjectFacts.ROOT.resolve("docs/operations.md"));
            int start = docs.indexOf("\n### First install\n");
            assertThat(start).isPositive();
            String section = docs.substring(start, docs.indexOf("\n### ", start + 1));
            assertThat(section).contains("k8s/preflight.sh", "ClusterSecretStore", "`" + Preflight.SECRET_STORE + "`",
                    "k8s/release-images.sh", "`" + Preflight.UNRELEASED + "`", "images not released");
            for (Preflight.StoreSecret secret : Preflight.STORE_SECRETS) {
                assertThat(section).contains("`" + secret.storeKey() + "`", "`" + secret.secret() + "`");
                secret.properties().values().forEach(property -> assertThat(section).contains("`" + property + "`"));
            }
            Preflight.TLS_SECRETS.forEach((secret, host) -> assertThat(section).contains("`" + secret + "`", host));
            Preflight.CRDS.forEach(crd -> assertThat(section).contains(crd.group() + "/" + crd.version()));
        }
    }

    /** Every key read from Secret {@code secret} anywhere in the render ({name: secret, key: K} maps). */
    static Set<String> referencedKeys(List<Map<String, Object>> docs, String secret) {
        Set<String> keys = new LinkedHashSet<>();
        walk(docs, node -> {
            if (node instanceof Map<?, ?> m && secret.equals(m.get("name")) && m.get("key") != null) {
                keys.add(String.valueOf(m.get("key")));
            }
        });
        return keys;
    }

    static void collect(Object node, String key, Set<String> into) {
        walk(node, n -> {
            if (n instanceof Map<?, ?> m && m.get(key) != null) {
                into.add(String.valueOf(m.get(key)));
            }
        });
    }

    static void walk(Object node, Consumer<Object> visit) {
        visit.accept(node);
        if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> walk(v, visit));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> walk(v, visit));
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The script as operators run it, and its small parts
    // ---------------------------------------------------------------------------------------------

    @Nested
    class AsAScript {

        @TempDir
        Path bin;

        /** A kubectl that answers from a recorded cluster, as the real one would (stdout, or stderr and exit 1). */
        Path fakeKubectl(String scenario) throws IOException {
            StringBuilder script = new StringBuilder("#!/usr/bin/env bash\ncase \"$*\" in\n");
            for (Query query : Query.values()) {
                Path dir = Files.exists(FIXTURES.resolve(scenario).resolve(query.file + ".json"))
                        || Files.exists(FIXTURES.resolve(scenario).resolve(query.file + ".error")) ? FIXTURES.resolve(scenario) : FIXTURES.resolve("complete");
                Path error = dir.resolve(query.file + ".error").toAbsolutePath();
                script.append("  \"").append(String.join(" ", query.args)).append("\") ")
                        .append(Files.exists(error) ? "cat '" + error + "' >&2; exit 1" : "cat '" + dir.resolve(query.file + ".json").toAbsolutePath() + "'")
                        .append(" ;;\n");
            }
            script.append("  *) echo \"unexpected: kubectl $*\" >&2; exit 1 ;;\nesac\n");
            Path kubectl = bin.resolve("kubectl");
            Files.writeString(kubectl, script);
            Files.setPosixFilePermissions(kubectl, PosixFilePermissions.fromString("rwxr-xr-x"));
            return kubectl;
        }

        Run runScript(String scenario) throws Exception {
            fakeKubectl(scenario);
            String java = ProcessHandle.current().info().command().orElseThrow();
            ProcessBuilder builder = new ProcessBuilder(ProjectFacts.ROOT.resolve("k8s/preflight.sh").toString(), "--overlay", RELEASED.toString())
                    .redirectErrorStream(true);
            builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
            builder.environment().put("JAVA_HOME", Path.of(java).getParent().getParent().toString());
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Run(process.exitValue(), output, List.of());
        }

        @Test
        void k8sPreflightShRunsTheSourceWithTheJdkAloneAndExitsNonZeroWhenSomethingIsMissing() throws Exception {
            Run complete = runScript("complete");
            assertThat(complete.output()).contains("Ready: all " + prerequisites() + " prerequisites are there");
            assertThat(complete.exit()).isZero();
            Run fresh = runScript("fresh-cluster");
            assertThat(fresh.output()).contains("MISSING  namespace notary-portal does not exist");
            assertThat(fresh.exit()).isEqualTo(1);
        }

        @Test
        void compilesForJava17WithTheJdkAlone() throws IOException {
            Path source = ProjectFacts.ROOT.resolve("deployment/src/main/java/nl/notaris/portal/deployment/Preflight.java");
            ByteArrayOutputStream errors = new ByteArrayOutputStream();
            int result = ToolProvider.getSystemJavaCompiler().run(null, null, errors, "--release", "17", "-classpath", "",
                    "-d", bin.toString(), source.toString());
            assertThat(errors.toString(StandardCharsets.UTF_8)).isEmpty();
            assertThat(result).isZero();
        }
    }

    @Nested
    class Parts {

        @Test
        void readsKubectlsJson() {
            Object json = Preflight.Json.parse("{\"a\": [1, -2.5e3, true, false, null, \"x\\\"\\u00e9\\n\"], \"b\": {}, \"c\": []}");
            assertThat(json).isEqualTo(new LinkedHashMap<>(Map.of("a", java.util.Arrays.asList(1L, -2500.0, true, false, null, "x\"é\n"),
                    "b", Map.of(), "c", List.of())));
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Preflight.Json.parse("{\"a\": 1} trailing")))
                    .hasMessageContaining("unexpected text after the value");
        }

        @Test
        void hostNamesAndVersions() {
            assertThat(Preflight.covers("*.notaris.example", "portal.notaris.example")).isTrue();
            assertThat(Preflight.covers("*.notaris.example", "a.portal.notaris.example")).isFalse();
            assertThat(Preflight.covers("Portal.Notaris.Example", "portal.notaris.example")).isTrue();
            assertThat(Preflight.olderThan("0.45.0", "0.49")).isTrue();
            assertThat(Preflight.olderThan("0.49.1", "0.49")).isFalse();
            assertThat(Preflight.olderThan("v1.0.0", "0.49")).isFalse();
            assertThat(Preflight.olderThan("26.4.7", "26.5")).isTrue();
            assertThat(Preflight.olderThan("latest", "26.5")).isFalse();
        }

        @Test
        void watchedNamespacesFromTheOperatorsSettings() {
            Map<Query, Answer> cluster = cluster("complete");
            Object strimzi = byName(cluster.get(Query.DEPLOYMENTS), "strimzi-cluster-operator");
            assertThat(Preflight.watched(strimzi, Preflight.STRIMZI)).containsExactly("strimzi", "notary-portal");
            map(list(at(list(at(strimzi, "spec", "template", "spec", "containers")).get(0), "env")).get(0)).put("value", "*");
            assertThat(Preflight.watched(strimzi, Preflight.STRIMZI)).containsExactly("*");
            Object keycloak = byName(cluster.get(Query.DEPLOYMENTS), "keycloak-operator");
            assertThat(Preflight.watched(keycloak, Preflight.KEYCLOAK)).containsExactly("notary-portal");
            map(at(keycloak, "spec", "template", "metadata")).put("annotations", Map.of("olm.targetNamespaces", ""));
            assertThat(Preflight.watched(keycloak, Preflight.KEYCLOAK)).containsExactly("*");
        }
    }

}
