package nl.notaris.portal.deployment;

import static nl.notaris.portal.deployment.Yamls.at;
import static nl.notaris.portal.deployment.Yamls.list;
import static nl.notaris.portal.deployment.Yamls.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Renders every overlay of k8s/ (with {@link Kustomize}, no kubectl needed), validates the result against
 * the Kubernetes and operator schemas ({@link KubernetesSchemas}) and checks what an operator relies on
 * ({@link ManifestChecks}). The second half breaks manifests on purpose and shows each check notices.
 */
class KubernetesManifestsTest {

    static final Path K8S = ProjectFacts.ROOT.resolve("k8s");
    static final List<String> OVERLAYS = List.of("local", "production");
    static final Map<String, List<Map<String, Object>>> RENDERS = new TreeMap<>();
    /** What the services' code needs of Kafka, by KafkaUser (read from their sources). */
    static final Map<String, Map<String, Set<String>>> KAFKA_ACLS = ProjectFacts.kafkaAcls();

    static List<Map<String, Object>> render(String overlay) {
        return Yamls.deepCopy(RENDERS.computeIfAbsent(overlay, o -> Kustomize.build(K8S.resolve("overlays").resolve(o))));
    }

    static List<String> validate(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        docs.forEach(doc -> problems.addAll(KubernetesSchemas.validate(doc)));
        return problems;
    }

    /** Every check of ManifestChecks on one render. */
    static List<String> semanticProblems(List<Map<String, Object>> docs, boolean production) {
        List<String> problems = new ArrayList<>();
        problems.addAll(ManifestChecks.selectorProblems(docs));
        problems.addAll(ManifestChecks.serviceProblems(docs));
        problems.addAll(ManifestChecks.ingressProblems(docs));
        problems.addAll(ManifestChecks.portProblems(docs));
        problems.addAll(ManifestChecks.probeProblems(docs));
        problems.addAll(ManifestChecks.imageProblems(docs));
        problems.addAll(ManifestChecks.autoscalerProblems(docs));
        problems.addAll(ManifestChecks.disruptionProblems(docs, production));
        problems.addAll(ManifestChecks.partitionProblems(docs, ProjectFacts.consumedTopics(), ProjectFacts.declaredTopics(), concurrency()));
        problems.addAll(ManifestChecks.kafkaProblems(docs, ProjectFacts.declaredTopics()));
        problems.addAll(ManifestChecks.kafkaAclProblems(docs, KAFKA_ACLS));
        problems.addAll(ManifestChecks.secretProblems(docs, production));
        problems.addAll(ManifestChecks.resourceProblems(docs));
        problems.addAll(ManifestChecks.podProblems(docs));
        problems.addAll(ManifestChecks.networkPolicyProblems(docs, ManifestChecks.requiredFlows(docs, mongoHost(docs))));
        problems.addAll(ManifestChecks.isolationProblems(docs));
        problems.addAll(ManifestChecks.serviceAccountProblems(docs));
        if (production) {
            problems.addAll(ManifestChecks.versionProblems(docs));
            problems.addAll(ManifestChecks.monitoringProblems(docs));
        }
        return problems;
    }

    static Map<String, Integer> concurrency() {
        Map<String, Integer> concurrency = new LinkedHashMap<>();
        ProjectFacts.SERVICE_PORTS.keySet().forEach(s -> concurrency.put(s, ProjectFacts.listenerConcurrency(s)));
        return concurrency;
    }

    /** Where the services' MONGODB_URI points: the operator's replica set Service, or the local Secret's host. */
    static String mongoHost(List<Map<String, Object>> docs) {
        for (Map<String, Object> mongo : ManifestChecks.ofKind(docs, "MongoDBCommunity")) {
            return ManifestChecks.name(mongo) + "-svc";
        }
        Object uri = at(ManifestChecks.find(docs, "Secret", "mongodb-gateway"), "stringData", "connectionString.standard");
        return URI.create(String.valueOf(uri)).getHost();
    }

    // ---------------------------------------------------------------------------------------------
    // The real manifests
    // ---------------------------------------------------------------------------------------------

    @Nested
    class EveryOverlay {

        @ParameterizedTest
        @ValueSource(strings = {"local", "production"})
        void rendersAndFitsTheKubernetesAndOperatorSchemas(String overlay) {
            List<Map<String, Object>> docs = render(overlay);
            assertThat(docs).hasSizeGreaterThan(40);
            assertThat(validate(docs)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"local", "production"})
        void passesEverySemanticCheck(String overlay) {
            assertThat(semanticProblems(render(overlay), overlay.equals("production"))).isEmpty();
        }

        @Test
        void everyKustomizationRendersAndFitsTheSchemas() {
            List<String> problems = new ArrayList<>();
            for (Path directory : kustomizationDirectories()) {
                problems.addAll(validate(Kustomize.build(directory)));
            }
            assertThat(kustomizationDirectories()).hasSizeGreaterThanOrEqualTo(4);
            assertThat(problems).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"base", "observability", "overlays/local", "overlays/production"})
        void rendersExactlyAsKubectlKustomizeWhereKubectlIsInstalled(String directory) throws Exception {
            Path kubectl = comparisonKubectl(System.getenv());
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", K8S.resolve(directory).toString())
                    .redirectErrorStream(false).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
            assertThat(differences(byId(Kustomize.build(K8S.resolve(directory))), byId(Yamls.parseAll(output)), "")).isEmpty();
        }
    }

    /** The kubectl to compare with: {@value #KUBECTL_VARIABLE} (deployment/install-kubectl.sh prints one), else kubectl on PATH. */
    static final String KUBECTL_VARIABLE = "PORTAL_KUBECTL";
    /** Set to 1 (by .ci/run): the comparison must run; no usable kubectl fails it instead of skipping it. */
    static final String KUBECTL_REQUIRED_VARIABLE = "PORTAL_KUBECTL_REQUIRED";

    /**
     * The kubectl to compare the renderer with; where there is none with kustomize v5 or newer, the test is skipped, or
     * fails when {@value #KUBECTL_REQUIRED_VARIABLE} is 1.
     */
    static Path comparisonKubectl(Map<String, String> environment) throws IOException, InterruptedException {
        Path kubectl = kubectl(environment);
        String kustomize = kubectl == null ? "none" : kustomizeVersion(kubectl);
        String unusable = kubectl == null ? "no kubectl (" + KUBECTL_VARIABLE + " unset, none on PATH)"
                : kustomize.matches("v([5-9]|\\d\\d+)\\..*") ? null
                : kubectl + " embeds kustomize " + kustomize + ": older than v5 (e.g. Debian's kubernetes-client 1.20 with v2.0.3) cannot read these kustomizations";
        if (unusable != null && "1".equals(environment.get(KUBECTL_REQUIRED_VARIABLE))) {
            throw new AssertionError(KUBECTL_REQUIRED_VARIABLE + "=1 (set by .ci/run) asks for the comparison with kubectl kustomize, but "
                    + unusable + ": run deployment/install-kubectl.sh and set " + KUBECTL_VARIABLE + " to what it prints");
        }
        assumeTrue(unusable == null, unusable + ": the renderer is compared with kubectl kustomize where one is installed");
        return kubectl;
    }

    static Path kubectl(Map<String, String> environment) {
        String configured = environment.get(KUBECTL_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            Path path = Path.of(configured);
            if (!Files.isExecutable(path)) {
                throw new AssertionError(KUBECTL_VARIABLE + "=" + configured + " is not an executable file");
            }
            return path;
        }
        return Stream.of(environment.getOrDefault("PATH", "").split(":")).filter(p -> !p.isEmpty())
                .map(p -> Path.of(p, "kubectl")).filter(Files::isExecutable).findFirst().orElse(null);
    }

    /** The kustomize version kubectl embeds ("v5.5.0"), or "unknown" (kubectl before 1.24 does not say). */
    static String kustomizeVersion(Path kubectl) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(kubectl.toString(), "version", "--client", "-o", "json").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        Object version = output.trim().startsWith("{") ? Yamls.parse(output).get("kustomizeVersion") : null;
        return version == null ? "unknown" : String.valueOf(version);
    }

    @Nested
    class Production {

        final List<Map<String, Object>> docs = render("production");

        @Test
        void runsKafkaMongoDbAndKeycloakThroughTheirOperators() {
            assertThat(ManifestChecks.ofKind(docs, "Kafka")).hasSize(1);
            assertThat(ManifestChecks.ofKind(docs, "KafkaNodePool")).singleElement()
                    .satisfies(pool -> assertThat(at(pool, "spec", "replicas")).isEqualTo(3));
            assertThat(ManifestChecks.ofKind(docs, "KafkaTopic")).hasSize(ProjectFacts.declaredTopics().size());
            Map<String, Object> mongo = ManifestChecks.find(docs, "MongoDBCommunity", "portal-mongodb");
            assertThat(at(mongo, "spec", "members")).isEqualTo(3);
            assertThat(list(at(mongo, "spec", "security", "authentication", "modes"))).containsExactly("SCRAM");
            assertThat(list(at(mongo, "spec", "users"))).extracting(u -> map(u).get("connectionStringSecretName"))
                    .containsExactlyInAnyOrderElementsOf(ProjectFacts.SERVICE_PORTS.keySet().stream().map(s -> "mongodb-" + s).toList());
            Map<String, Object> keycloak = ManifestChecks.find(docs, "Keycloak", "keycloak");
            assertThat(String.valueOf(at(keycloak, "spec", "image"))).matches(".*/notary-portal/keycloak:\\d+\\.\\d+\\.\\d+@(sha256:[0-9a-f]{64}|NOT-RELEASED)");
            assertThat(list(at(keycloak, "spec", "additionalOptions"))).extracting(o -> map(o).get("name"))
                    .contains("spi-portal-sms--provider", "spi-portal-sms--http--url", "spi-portal-sms--http--access-key", "spi-portal-sms--http--sender");
            assertThat(list(at(keycloak, "spec", "additionalOptions")).stream().map(Yamls::map)
                    .filter(o -> o.get("name").equals("spi-portal-sms--http--access-key")).findFirst().orElseThrow())
                    .containsKey("secret").doesNotContainKey("value");
        }

        @Test
        void pinsEveryImageByDigestOrMarksItNotReleased() {
            // committed with the placeholder until a release (k8s/release-images.sh) writes the digests; never a tag alone
            Map<String, List<String>> images = ManifestChecks.images(docs);
            assertThat(images.values().stream().mapToInt(List::size).sum()).isEqualTo(ProjectFacts.SERVICE_PORTS.size() + 1);
            assertThat(ManifestChecks.releaseProblems(docs)).allMatch(p -> p.contains("is not released yet"));
            // released: the same render with digests passes, and the version label is still the tag
            List<Map<String, Object>> released = Kustomize.build(PreflightTest.RELEASED);
            assertThat(ManifestChecks.releaseProblems(released)).isEmpty();
            assertThat(ManifestChecks.versionProblems(released)).isEmpty();
            assertThat(String.valueOf(ManifestChecks.container(ManifestChecks.find(released, "Deployment", "gateway")).get("image")))
                    .isEqualTo("registry.notaris.example/notary-portal/gateway:0.1.0@" + PreflightTest.DIGEST);
            // a digest never changes: a node's copy is the image, so pods need not ask the registry on every start
            assertThat(ManifestChecks.portalDeployments(released)).allSatisfy(d ->
                    assertThat(ManifestChecks.container(d).get("imagePullPolicy")).isEqualTo("IfNotPresent"));
        }

        @Test
        void modelsThePodsTheOperatorsMakeAndChecksTheirFlows() {
            assertThat(OperatorPods.pods(docs)).extracting(OperatorPods.Pod::name).containsExactlyInAnyOrder(
                    "Kafka portal-kafka nodes (pool dual-role)", "Strimzi entity operator of portal-kafka",
                    "MongoDB portal-mongodb members", "Keycloak keycloak", "the realm import notary-portal", "the Keycloak operator");
            assertThat(OperatorPods.byName(OperatorPods.pods(docs), "the realm import notary-portal").labels())
                    .containsEntry("app", "keycloak-realm-import");
            assertThat(ManifestChecks.requiredFlows(docs, mongoHost(docs))).extracting(ManifestChecks.Flow::description).contains(
                    "the realm import notary-portal reaches its database", "the realm import notary-portal resolves names",
                    "Keycloak keycloak reaches its peers (JGroups)", "the ingress controller reaches Keycloak keycloak",
                    "Prometheus scrapes Keycloak keycloak", "MongoDB portal-mongodb members reaches the other members",
                    "MongoDB portal-mongodb members reaches the Kubernetes API (the agent's readiness probe)",
                    "Strimzi entity operator of portal-kafka reaches the brokers", "the Keycloak operator reaches the Kubernetes API");
        }

        @Test
        void grantsEachServiceTheKafkaAclsItsCodeNeeds() {
            Map<String, Set<String>> notification = KAFKA_ACLS.get("kafka-notification-service");
            assertThat(notification).containsEntry("topic portal.access.v1", Set.of("Read", "Write", "Describe"))
                    .containsEntry("topic portal.access.v1.dlt", Set.of("Read", "Write", "Describe"))
                    .containsEntry("topic portal.dossiers.v1", Set.of("Read", "Write", "Describe"))
                    .containsEntry("group notification-service", Set.of("Read"))
                    .containsEntry("group notification-service.dead-letter-replay", Set.of("Read"));
            assertThat(KAFKA_ACLS.get("kafka-dossier-service")).containsEntry("topic portal.dossiers.v1", Set.of("Write", "Describe"))
                    .containsEntry("topic portal.access.v1", Set.of("Read", "Write", "Describe"))
                    .containsEntry("group dossier-service", Set.of("Read"));
            assertThat(KAFKA_ACLS.get("kafka-identity-service")).containsOnlyKeys("topic portal.accounts.v1", "topic portal.accounts.v1.dlt",
                    "topic portal.staff-actions.v1", "topic portal.staff-actions.v1.dlt");
            assertThat(KAFKA_ACLS).doesNotContainKey("kafka-gateway");
            assertThat(at(ManifestChecks.find(docs, "Kafka", "portal-kafka"), "spec", "kafka", "authorization", "type")).isEqualTo("simple");
        }

        @Test
        void readsEveryCredentialFromExternalSecretsOrTheOperators() {
            assertThat(ManifestChecks.ofKind(docs, "Secret")).isEmpty();
            assertThat(ManifestChecks.ofKind(docs, "ExternalSecret")).extracting(ManifestChecks::name)
                    .contains("portal-secrets", "mongodb-passwords", "portal-smtp", "keycloak-db", "keycloak-sms");
            assertThat(ManifestChecks.ofKind(docs, "ExternalSecret")).allSatisfy(e ->
                    assertThat(at(e, "apiVersion")).isEqualTo("external-secrets.io/v1"));
        }

        @Test
        void sharesGatewaySessionsInMongoDbAndMarksTheCookieSecure() {
            Map<String, Object> gateway = ManifestChecks.find(docs, "Deployment", "gateway");
            Map<String, Object> env = ManifestChecks.env(ManifestChecks.container(gateway));
            assertThat(env.get("MONGODB_DATABASE")).isEqualTo("gateway");
            assertThat(String.valueOf(env.get("MONGODB_URI"))).contains("mongodb-gateway");
            assertThat(ManifestChecks.configData(docs)).containsEntry("SESSION_COOKIE_SECURE", "true")
                    .containsEntry("PORTAL_URL", "https://portal.notaris.example");
            assertThat(docs.toString()).doesNotContain("SPRING_SESSION_STORE_TYPE").doesNotContain("redis");
        }

        @Test
        void exposesOnlyTheGatewaysApplicationPortWithLimitsForLargeFiles() {
            Map<String, Object> ingress = ManifestChecks.find(docs, "Ingress", "portal");
            Map<String, Object> annotations = map(at(ingress, "metadata", "annotations"));
            assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/proxy-request-buffering", "off")
                    .containsEntry("nginx.ingress.kubernetes.io/proxy-buffering", "off")
                    .containsKeys("nginx.ingress.kubernetes.io/proxy-read-timeout", "nginx.ingress.kubernetes.io/proxy-send-timeout");
            assertThat(Integer.parseInt(String.valueOf(annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout"))))
                    .as("longer than the gateway's 300 s for file routes").isGreaterThan(300);
            assertThat(ManifestChecks.bytes(String.valueOf(annotations.get("nginx.ingress.kubernetes.io/proxy-body-size")).replace("m", "M")))
                    .as("the 520 MB multipart of the office's attachments").isGreaterThan(520L * 1000 * 1000);
            Map<String, Object> login = ManifestChecks.find(docs, "Ingress", "login");
            assertThat(list(at(list(at(login, "spec", "rules")).getFirst(), "http", "paths"))).extracting(p -> map(p).get("path"))
                    .containsExactlyInAnyOrder("/realms/", "/resources/");
        }

        @Test
        void shipsTheGrafanaDashboardWithEveryPanelTheOperatorsNeed() throws IOException {
            Map<String, Object> configMap = ManifestChecks.find(docs, "ConfigMap", "grafana-dashboard-notary-portal");
            assertThat(at(configMap, "metadata", "labels", "grafana_dashboard")).isEqualTo("1");
            String json = String.valueOf(map(configMap.get("data")).get("grafana-dashboard-portal.json"));
            Map<?, ?> dashboard = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class);
            String expressions = String.valueOf(dashboard.get("panels"));
            assertThat(expressions).contains("http_server_requests_seconds_count", "status=~\\\"5..\\\"".replace("\\\"", "\""),
                    "histogram_quantile(0.99", "histogram_quantile(0.50", "spring_cloud_gateway_requests_seconds_bucket",
                    "kafka_consumer_fetch_manager_records_lag_max", "portal_outbox_pending", "portal_dead_letters_total");
            // the quantiles need histogram buckets, which the services' and the gateway's own configuration switch on
            assertThat(Files.readString(ProjectFacts.ROOT.resolve("support/src/main/resources/portal-defaults.yml")))
                    .contains("percentiles-histogram:", "http.server.requests: true");
            assertThat(Files.readString(ProjectFacts.ROOT.resolve("gateway/src/main/resources/application.yml")))
                    .contains("percentiles-histogram:", "spring.cloud.gateway.requests: true");
        }
    }

    @Nested
    class Realm {

        final String realm = Yamls.read(ProjectFacts.ROOT.resolve("keycloak/realm/notary-portal-realm.json"));
        final Path production = K8S.resolve("overlays/production/keycloak-realm-import.yaml");
        final Path local = K8S.resolve("overlays/local/keycloak-realm.yaml");

        @Test
        void importsAreGeneratedFromTheRealmExportAndInStep() throws IOException {
            String expectedProduction = RealmImports.productionImport(realm);
            String expectedLocal = RealmImports.localConfigMap(realm);
            if (Boolean.getBoolean("k8s.regenerate")) {
                Files.writeString(production, expectedProduction);
                Files.writeString(local, expectedLocal);
            }
            assertThat(Yamls.read(production)).as("run ./mvnw -pl deployment verify -Dk8s.regenerate=true").isEqualTo(expectedProduction);
            assertThat(Yamls.read(local)).as("run ./mvnw -pl deployment verify -Dk8s.regenerate=true").isEqualTo(expectedLocal);
            assertThat(map(Yamls.parse(Yamls.read(local)).get("data")).get("notary-portal-realm.json")).isEqualTo(realm);
        }

        @Test
        void productionImportHasNoDemoUsersNoLocalSecretsAndThePublicAddresses() {
            Map<String, Object> spec = map(Yamls.parse(RealmImports.productionImport(realm)).get("spec"));
            String text = spec.toString();
            assertThat(list(at(spec, "realm", "users"))).extracting(u -> String.valueOf(map(u).get("username")))
                    .isNotEmpty().allMatch(u -> u.startsWith("service-account-"));
            assertThat(text).doesNotContain("local-secret", "localhost", "example.com", "Portal-Demo");
            assertThat(text).contains("https://portal.notaris.example/*", "${PORTAL_GATEWAY_CLIENT_SECRET}", "${SMTP_PASSWORD}");
            assertThat(map(spec.get("placeholders")).keySet()).containsExactlyInAnyOrderElementsOf(RealmImports.PLACEHOLDER_SECRETS.keySet());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The checks reject broken input (so a green run above means something)
    // ---------------------------------------------------------------------------------------------

    @Nested
    class CheckersRejectBrokenInput {

        List<Map<String, Object>> production() {
            return render("production");
        }

        Map<String, Object> gateway(List<Map<String, Object>> docs) {
            return ManifestChecks.find(docs, "Deployment", "gateway");
        }

        @Test
        void aTypoInAProbeFieldAnUnknownFieldAndAWrongType() {
            List<Map<String, Object>> docs = production();
            Map<String, Object> probe = map(at(ManifestChecks.container(gateway(docs)), "readinessProbe"));
            probe.put("initialDelaySecond", 5);
            map(gateway(docs).get("spec")).put("replica", 2);
            map(at(ManifestChecks.find(docs, "HorizontalPodAutoscaler", "dossier-service"), "spec")).put("maxReplicas", "six");
            List<String> problems = validate(docs);
            assertThat(problems).anyMatch(p -> p.contains("Deployment gateway") && p.contains("readinessProbe") && p.contains("[initialDelaySecond]"));
            assertThat(problems).anyMatch(p -> p.contains("Deployment gateway.spec: unknown field(s) [replica]"));
            assertThat(problems).anyMatch(p -> p.startsWith("HorizontalPodAutoscaler dossier-service: does not fit"));
        }

        @Test
        void aRemovedApiVersionOrAnUnknownKind() {
            List<Map<String, Object>> docs = production();
            ManifestChecks.find(docs, "PodDisruptionBudget", "gateway").put("apiVersion", "policy/v1beta1");
            ManifestChecks.find(docs, "HorizontalPodAutoscaler", "gateway").put("apiVersion", "autoscaling/v2beta2");
            ManifestChecks.find(docs, "Kafka", "portal-kafka").put("apiVersion", "kafka.strimzi.io/v1beta2");
            ManifestChecks.find(docs, "ExternalSecret", "keycloak-db").put("kind", "ExternalSecrets");
            assertThat(validate(docs)).containsExactlyInAnyOrder(
                    "PodDisruptionBudget gateway: apiVersion policy/v1beta1 is removed in Kubernetes 1.25 (PodDisruptionBudget: policy/v1)",
                    "HorizontalPodAutoscaler gateway: apiVersion autoscaling/v2beta2 is removed in Kubernetes 1.26 (autoscaling/v2)",
                    "Kafka portal-kafka: apiVersion kafka.strimzi.io/v1beta2 is deprecated by Strimzi 0.49 and removed in Strimzi 1.0 (kafka.strimzi.io/v1)",
                    "ExternalSecrets keycloak-db: unknown apiVersion/kind external-secrets.io/v1/ExternalSecrets (not served by Kubernetes or the operators this repository uses)");
        }

        @Test
        void unknownFieldsInOperatorResources() {
            List<Map<String, Object>> docs = production();
            map(at(ManifestChecks.find(docs, "Keycloak", "keycloak"), "spec", "hostname")).put("backchannelDynamik", true);
            map(at(ManifestChecks.find(docs, "Keycloak", "keycloak"), "spec", "resources")).put("limit", Map.of("memory", "1Gi"));
            map(at(ManifestChecks.find(docs, "ExternalSecret", "keycloak-sms"), "spec", "target")).put("creationPolicy", "Always");
            map(at(ManifestChecks.find(docs, "MongoDBCommunity", "portal-mongodb"), "spec")).put("member", 3);
            map(at(ManifestChecks.find(docs, "KafkaTopic", "portal.dossiers.v1"), "spec")).put("replicationFactor", 3);
            map(at(ManifestChecks.find(docs, "PodMonitor", "notary-portal"), "spec")).put("podMetricEndpoints", List.of());
            List<String> problems = validate(docs);
            assertThat(problems).contains(
                    "Keycloak keycloak.spec.hostname: unknown field backchannelDynamik",
                    "ExternalSecret keycloak-sms.spec.target.creationPolicy: Always is not one of [Owner, Orphan, Merge, None]",
                    "MongoDBCommunity portal-mongodb.spec: unknown field member");
            assertThat(problems).anyMatch(p -> p.startsWith("Keycloak keycloak.spec.resources") && p.contains("[limit]"));
            assertThat(problems).anyMatch(p -> p.startsWith("KafkaTopic portal.dossiers.v1") && p.contains("[replicationFactor]"));
            assertThat(problems).anyMatch(p -> p.startsWith("PodMonitor notary-portal") && p.contains("[podMetricEndpoints]"));
        }

        @Test
        void aWrongSelector() {
            List<Map<String, Object>> docs = production();
            map(at(gateway(docs), "spec", "selector", "matchLabels")).put("app", "gatewy");
            map(at(ManifestChecks.find(docs, "Service", "dossier-service"), "spec", "selector")).put("app", "dossier");
            map(at(ManifestChecks.find(docs, "PodDisruptionBudget", "identity-service"), "spec", "selector", "matchLabels")).put("app", "identity");
            List<String> problems = new ArrayList<>(ManifestChecks.selectorProblems(docs));
            problems.addAll(ManifestChecks.serviceProblems(docs));
            assertThat(problems).contains(
                    "Deployment gateway: spec.selector {matchLabels={app=gatewy}} does not select its pod template " + ManifestChecks.podLabels(gateway(docs)),
                    "PodDisruptionBudget identity-service: selector {matchLabels={app=identity}} selects no pod",
                    "Service dossier-service: selector {app=dossier} selects no pod");
        }

        @Test
        void aServiceOnTheManagementPortAndAnIngressToANonexistentService() {
            List<Map<String, Object>> docs = production();
            map(list(at(ManifestChecks.find(docs, "Service", "gateway"), "spec", "ports")).getFirst()).put("targetPort", "management");
            map(at(list(at(list(at(ManifestChecks.find(docs, "Ingress", "portal"), "spec", "rules")).getFirst(), "http", "paths")).getFirst(),
                    "backend", "service")).put("name", "gateway-internal");
            assertThat(ManifestChecks.serviceProblems(docs)).contains("Service gateway: exposes the management port management");
            assertThat(ManifestChecks.ingressProblems(docs)).contains(
                    "Ingress portal: path / goes to gateway-internal, not the gateway",
                    "Ingress portal: backend Service gateway-internal does not exist");
        }

        @Test
        void probesOnAMissingHealthGroupOrOffTheManagementPort() {
            List<Map<String, Object>> docs = production();
            Map<String, Object> container = ManifestChecks.container(gateway(docs));
            map(at(container, "livenessProbe", "httpGet")).put("path", "/actuator/health/live");
            map(at(container, "readinessProbe", "httpGet")).put("port", "http");
            assertThat(ManifestChecks.probeProblems(docs)).containsExactlyInAnyOrder(
                    "gateway: livenessProbe GETs /actuator/health/live, not one of its health groups [liveness, readiness]",
                    "gateway: readinessProbe is on port http, not the management port");
        }

        @Test
        void imagesThatAreNotPinned() {
            List<Map<String, Object>> docs = production();
            ManifestChecks.container(gateway(docs)).put("image", "registry.notaris.example/notary-portal/gateway:latest");
            map(ManifestChecks.find(docs, "Keycloak", "keycloak").get("spec")).put("image", "quay.io/keycloak/keycloak");
            assertThat(ManifestChecks.imageProblems(docs)).containsExactlyInAnyOrder(
                    "Deployment gateway: image registry.notaris.example/notary-portal/gateway:latest is not pinned to a tag or digest",
                    "Keycloak keycloak: image quay.io/keycloak/keycloak is not pinned to a tag or digest");
        }

        @Test
        void productionImagesWithATagAloneADigestNoRegistryGivesOrNotReleased() {
            List<Map<String, Object>> docs = Kustomize.build(PreflightTest.RELEASED);
            ManifestChecks.container(gateway(docs)).put("image", "registry.notaris.example/notary-portal/gateway:0.1.0");
            ManifestChecks.container(ManifestChecks.find(docs, "Deployment", "dossier-service"))
                    .put("image", "registry.notaris.example/notary-portal/dossier-service:0.1.0@NOT-RELEASED");
            map(ManifestChecks.find(docs, "Keycloak", "keycloak").get("spec")).put("image", "registry.notaris.example/notary-portal/keycloak:0.1.0@sha256:abc");
            assertThat(ManifestChecks.releaseProblems(docs)).containsExactlyInAnyOrder(
                    "Deployment gateway: image registry.notaris.example/notary-portal/gateway:0.1.0 is not pinned by digest (@sha256: and 64 hex digits)",
                    "Deployment dossier-service: image registry.notaris.example/notary-portal/dossier-service:0.1.0@NOT-RELEASED is not released yet "
                            + "(k8s/release-images.sh pushes it and writes its digest)",
                    "Keycloak keycloak: image registry.notaris.example/notary-portal/keycloak:0.1.0@sha256:abc is not pinned by digest (@sha256: and 64 hex digits)");
            // the renderer writes tag and digest as kustomize v5 does
            Map<String, Object> both = Map.of("name", "notary-portal/gateway", "newTag", "0.2.0", "digest", PreflightTest.DIGEST);
            assertThat(Kustomize.rewriteImage("notary-portal/gateway:0.1.0", both)).isEqualTo("notary-portal/gateway:0.2.0@" + PreflightTest.DIGEST);
            assertThat(Kustomize.rewriteImage("notary-portal/gateway:0.1.0@" + PreflightTest.DIGEST, Map.of("name", "notary-portal/gateway", "newTag", "local")))
                    .isEqualTo("notary-portal/gateway:local");
            assertThat(Kustomize.rewriteImage("notary-portal/gateway:0.1.0", Map.of("name", "notary-portal/gateway", "digest", PreflightTest.DIGEST)))
                    .isEqualTo("notary-portal/gateway@" + PreflightTest.DIGEST);
        }

        @Test
        void replicasNextToAnAutoscalerAMissingTargetAndNoScaleUpStabilisation() {
            List<Map<String, Object>> docs = production();
            map(gateway(docs).get("spec")).put("replicas", 2);
            map(at(ManifestChecks.find(docs, "HorizontalPodAutoscaler", "dossier-service"), "spec", "scaleTargetRef")).put("name", "dossiers");
            map(at(ManifestChecks.find(docs, "HorizontalPodAutoscaler", "identity-service"), "spec")).remove("behavior");
            assertThat(ManifestChecks.autoscalerProblems(docs)).containsExactlyInAnyOrder(
                    "Deployment gateway: has spec.replicas next to HorizontalPodAutoscaler gateway (every apply would reset the autoscaler's count)",
                    "HorizontalPodAutoscaler dossier-service: scaleTargetRef Deployment dossiers does not exist",
                    "HorizontalPodAutoscaler identity-service: behavior.scaleUp.stabilizationWindowSeconds must be at least 120 (JVM warm-up), got null");
        }

        @Test
        void moreConsumersThanPartitions() {
            List<Map<String, Object>> docs = production();
            map(at(ManifestChecks.find(docs, "HorizontalPodAutoscaler", "notification-service"), "spec")).put("maxReplicas", 3);
            map(at(ManifestChecks.find(docs, "KafkaTopic", "portal.messages.v1"), "spec")).put("partitions", 4);
            assertThat(ManifestChecks.partitionProblems(docs, ProjectFacts.consumedTopics(), ProjectFacts.declaredTopics(), concurrency()))
                    .contains("notification-service: up to 3 pods x 3 listener threads = 9 consumers of portal.dossiers.v1, which has 6 partitions",
                            "document-service: up to 6 pods x 1 listener threads = 6 consumers of portal.messages.v1, which has 4 partitions");
        }

        @Test
        void topicsThatAreMissingOrUnderReplicated() {
            List<Map<String, Object>> docs = production();
            docs.remove(ManifestChecks.find(docs, "KafkaTopic", "portal.accounts.v1.dlt"));
            map(at(ManifestChecks.find(docs, "KafkaTopic", "portal.documents.v1"), "spec")).put("replicas", 2);
            map(at(ManifestChecks.find(docs, "KafkaTopic", "portal.documents.v1"), "spec", "config")).put("min.insync.replicas", 1);
            map(at(ManifestChecks.find(docs, "Kafka", "portal-kafka"), "spec", "kafka", "config")).remove("auto.create.topics.enable");
            assertThat(ManifestChecks.kafkaProblems(docs, ProjectFacts.declaredTopics())).containsExactlyInAnyOrder(
                    "Kafka portal-kafka: auto.create.topics.enable must be false (topics are declared as KafkaTopics)",
                    "topic portal.accounts.v1.dlt has no KafkaTopic",
                    "KafkaTopic portal.documents.v1: replicas must be 3, got 2",
                    "KafkaTopic portal.documents.v1: min.insync.replicas must be 2, got 1");
        }

        @Test
        void aSecretInProductionAndASecretNothingMakes() {
            List<Map<String, Object>> docs = production();
            docs.add(Yamls.parse("""
                    apiVersion: v1
                    kind: Secret
                    metadata: {name: portal-secrets}
                    stringData: {portal-gateway-client-secret: change-me}
                    """));
            docs.remove(ManifestChecks.find(docs, "ExternalSecret", "portal-smtp"));
            List<String> problems = ManifestChecks.secretProblems(docs, true);
            assertThat(problems).contains(
                    "Secret portal-secrets: a Secret in the production render (credentials come from External Secrets or the operators)",
                    "Deployment notification-service: reads Secret portal-smtp, which nothing in the render makes");
            assertThat(ManifestChecks.secretProblems(render("local"), false)).isEmpty();
        }

        @Test
        void memoryAndCpuThatDoNotFitTheJvm() {
            List<Map<String, Object>> docs = production();
            Map<String, Object> resources = map(ManifestChecks.container(gateway(docs)).get("resources"));
            resources.put("requests", new LinkedHashMap<>(Map.of("cpu", "250m", "memory", "512Mi")));
            resources.put("limits", new LinkedHashMap<>(Map.of("cpu", "500m", "memory", "768Mi")));
            for (Object e : list(ManifestChecks.container(gateway(docs)).get("env"))) {
                if ("JAVA_TOOL_OPTIONS".equals(map(e).get("name"))) map(e).put("value", "-XX:MaxRAMPercentage=80");
            }
            assertThat(ManifestChecks.resourceProblems(docs)).containsExactlyInAnyOrder(
                    "gateway: memory request 512Mi differs from its limit 768Mi",
                    "gateway: memory limit 768Mi below 1Gi",
                    "gateway: CPU limit 500m throttles start-up and GC",
                    "gateway: JAVA_TOOL_OPTIONS must set -XX:MaxRAMPercentage between 50 and 70 (room outside the heap)");
        }

        @Test
        void aGracePeriodShorterThanPreStopAndShutdownNoZoneSpreadAndAMissingLabel() {
            List<Map<String, Object>> docs = production();
            Map<String, Object> podSpec = map(at(gateway(docs), "spec", "template", "spec"));
            podSpec.put("terminationGracePeriodSeconds", 30);
            list(podSpec.get("topologySpreadConstraints")).removeIf(c -> "topology.kubernetes.io/zone".equals(map(c).get("topologyKey")));
            ManifestChecks.podLabels(gateway(docs)).remove("app.kubernetes.io/component");
            assertThat(ManifestChecks.podProblems(docs)).containsExactlyInAnyOrder(
                    "gateway: terminationGracePeriodSeconds 30 is not more than preStop 10 s + shutdown phase 300 s",
                    "gateway: no topologySpreadConstraint over topology.kubernetes.io/zone selecting its pods",
                    "gateway: pod label app.kubernetes.io/component missing");
        }

        @Test
        void aFileCarrierWhoseShutdownWouldCutTransfersInFlight() {
            List<Map<String, Object>> docs = production();
            Map<String, Object> document = docs.stream().filter(d -> "Deployment".equals(d.get("kind"))
                    && "document-service".equals(ManifestChecks.name(d))).findFirst().orElseThrow();
            list(ManifestChecks.container(document).get("env")).stream().map(Yamls::map)
                    .filter(e -> "SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE".equals(e.get("name")))
                    .forEach(e -> e.put("value", "20s"));
            assertThat(ManifestChecks.podProblems(docs)).containsExactly(
                    "document-service: shutdown phase 20 s cuts files in flight at a rollout (at least 300 s, the gateway's wait on its file routes)");
        }

        @Test
        void aVersionLabelThatIsNotTheImageTagAndNoScrapeOfTheManagementPort() {
            List<Map<String, Object>> docs = production();
            ManifestChecks.container(gateway(docs)).put("image", "registry.notaris.example/notary-portal/gateway:0.2.0");
            map(list(at(ManifestChecks.find(docs, "PodMonitor", "notary-portal"), "spec", "podMetricsEndpoints")).getFirst()).put("port", "http");
            assertThat(ManifestChecks.versionProblems(docs)).containsExactly("gateway: app.kubernetes.io/version 0.1.0 is not the image tag 0.2.0");
            assertThat(ManifestChecks.monitoringProblems(docs)).hasSize(ProjectFacts.SERVICE_PORTS.size())
                    .contains("gateway: no PodMonitor scrapes /actuator/prometheus on its management port");
        }

        @Test
        void networkPoliciesWithoutDefaultDenyOrWithoutANeededFlow() {
            List<Map<String, Object>> docs = production();
            docs.remove(ManifestChecks.find(docs, "NetworkPolicy", "default-deny-all"));
            List<Object> egress = list(at(ManifestChecks.find(docs, "NetworkPolicy", "questionnaire-service"), "spec", "egress"));
            egress.removeIf(rule -> String.valueOf(rule).contains("document-service"));
            docs.remove(ManifestChecks.find(docs, "NetworkPolicy", "notification-to-smtp"));
            List<String> problems = ManifestChecks.networkPolicyProblems(docs, ManifestChecks.requiredFlows(docs, mongoHost(docs)));
            assertThat(problems).contains("no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)");
            assertThat(problems).anyMatch(p -> p.startsWith("questionnaire-service calls document-service: egress of"));
            assertThat(problems).anyMatch(p -> p.startsWith("notification-service sends e-mail: egress of") && p.endsWith("an external address port 587 is not allowed"));
        }

        @Test
        void aPolicyThatCutsOffAPodAnOperatorMakes() {
            List<Map<String, Object>> docs = production();
            docs.remove(ManifestChecks.find(docs, "NetworkPolicy", "keycloak-realm-import"));
            docs.remove(ManifestChecks.find(docs, "NetworkPolicy", "keycloak-operator"));
            list(at(ManifestChecks.find(docs, "NetworkPolicy", "mongodb"), "spec", "egress")).removeIf(r -> String.valueOf(r).contains("ipBlock"));
            list(at(ManifestChecks.find(docs, "NetworkPolicy", "keycloak"), "spec", "egress")).removeIf(r -> String.valueOf(r).contains("7800"));
            list(at(ManifestChecks.find(docs, "NetworkPolicy", "kafka"), "spec", "egress")).removeIf(r -> String.valueOf(r).contains("ipBlock"));
            List<String> problems = ManifestChecks.networkPolicyProblems(docs, ManifestChecks.requiredFlows(docs, mongoHost(docs)));
            assertThat(problems).anyMatch(p -> p.startsWith("the realm import notary-portal reaches its database: egress of")
                    && p.endsWith("an external address port 5432 is not allowed"));
            assertThat(problems).anyMatch(p -> p.startsWith("the Keycloak operator reaches the Kubernetes API: egress of"));
            assertThat(problems).anyMatch(p -> p.startsWith("MongoDB portal-mongodb members reaches the Kubernetes API (the agent's readiness probe): egress"));
            assertThat(problems).anyMatch(p -> p.startsWith("Keycloak keycloak reaches its peers (JGroups): egress"));
            assertThat(problems).anyMatch(p -> p.startsWith("Strimzi entity operator of portal-kafka reaches the Kubernetes API (topics, users): egress"));
            assertThat(problems).anyMatch(p -> p.startsWith("Kafka portal-kafka nodes (pool dual-role) reaches the Kubernetes API (its node's zone): egress"));
        }

        @Test
        void keycloaksOwnNetworkPolicyOpenToEveryPodOrSwitchedOff() {
            List<Map<String, Object>> docs = production();
            Map<String, Object> settings = map(at(ManifestChecks.find(docs, "Keycloak", "keycloak"), "spec", "networkPolicy"));
            settings.remove("http");
            settings.remove("management");
            assertThat(ManifestChecks.isolationProblems(docs)).containsExactlyInAnyOrder(
                    "Keycloak keycloak: a pod of any other namespace reaches its port http (8080)",
                    "Keycloak keycloak: a pod of any other namespace reaches its port management (9000)");
            settings.put("enabled", false);
            List<String> problems = ManifestChecks.networkPolicyProblems(docs, ManifestChecks.requiredFlows(docs, mongoHost(docs)));
            assertThat(problems).anyMatch(p -> p.startsWith("the ingress controller reaches Keycloak keycloak: ingress of"));
            assertThat(problems).anyMatch(p -> p.startsWith("Prometheus scrapes Keycloak keycloak: ingress of"));
            assertThat(problems).anyMatch(p -> p.startsWith("gateway signs in at / reads keys of Keycloak: ingress of"));
        }

        @Test
        void metricsScrapedThatAreOffOrOnAndNotScrapedAndAMonitorPrometheusWouldNotSelect() {
            List<Map<String, Object>> docs = production();
            list(at(ManifestChecks.find(docs, "Keycloak", "keycloak"), "spec", "additionalOptions"))
                    .removeIf(o -> "metrics-enabled".equals(map(o).get("name")));
            map(at(ManifestChecks.find(docs, "PodMonitor", "notary-portal"), "metadata", "labels")).remove("release");
            assertThat(ManifestChecks.monitoringProblems(docs)).containsExactlyInAnyOrder(
                    "PodMonitor notary-portal: no label release (kube-prometheus-stack's Prometheus would not select it)",
                    "Keycloak keycloak: PodMonitor keycloak scrapes it, but its metrics are not enabled");
            docs = production();
            docs.remove(ManifestChecks.find(docs, "PodMonitor", "keycloak"));
            assertThat(ManifestChecks.monitoringProblems(docs)).containsExactly(
                    "Keycloak keycloak: metrics are enabled, but no PodMonitor scrapes /metrics on its management port");
        }

        @Test
        void mongoDbWithoutItsServiceAccountOrItsPermissions() {
            List<Map<String, Object>> docs = production();
            docs.remove(ManifestChecks.find(docs, "ServiceAccount", "mongodb-kubernetes-appdb"));
            list(at(ManifestChecks.find(docs, "Role", "mongodb-kubernetes-appdb"), "rules")).removeIf(r -> String.valueOf(r).contains("pods"));
            assertThat(ManifestChecks.serviceAccountProblems(docs)).containsExactlyInAnyOrder(
                    "MongoDB portal-mongodb members: ServiceAccount mongodb-kubernetes-appdb is not in the render (its pods cannot start)",
                    "MongoDB portal-mongodb members: no Role bound to ServiceAccount mongodb-kubernetes-appdb grants pods [delete, get, patch]");
        }

        @Test
        void kafkaCredentialsReadOptionallyAndAnOptionalReferenceWithATypo() {
            List<Map<String, Object>> docs = production();
            Map<String, Object> sasl = list(ManifestChecks.container(ManifestChecks.find(docs, "Deployment", "dossier-service")).get("env"))
                    .stream().map(Yamls::map).filter(e -> "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG".equals(e.get("name"))).findFirst().orElseThrow();
            map(at(sasl, "valueFrom", "secretKeyRef")).put("optional", true);
            assertThat(ManifestChecks.secretProblems(docs, true)).containsExactly("Deployment dossier-service: reads Secret kafka-dossier-service"
                    + " optionally (in production a pod must wait for its Secret instead of starting without it)");
            map(at(sasl, "valueFrom", "secretKeyRef")).put("name", "kafka-dosier-service");
            assertThat(ManifestChecks.secretProblems(docs, false))
                    .containsExactly("Deployment dossier-service: reads Secret kafka-dosier-service, which nothing in the render makes");
        }

        @Test
        void kafkaAclsThatDriftFromTheCodeAndNoAuthorization() {
            List<Map<String, Object>> docs = production();
            list(at(ManifestChecks.find(docs, "KafkaUser", "kafka-notification-service"), "spec", "authorization", "acls"))
                    .removeIf(a -> "portal.access.v1".equals(at(a, "resource", "name")));
            list(at(list(at(ManifestChecks.find(docs, "KafkaUser", "kafka-identity-service"), "spec", "authorization", "acls")).get(1),
                    "operations")).add("Write");
            map(at(ManifestChecks.find(docs, "Kafka", "portal-kafka"), "spec", "kafka")).remove("authorization");
            assertThat(ManifestChecks.kafkaAclProblems(docs, KAFKA_ACLS)).containsExactlyInAnyOrder(
                    "KafkaUser kafka-notification-service: topic portal.access.v1 lacks [Describe, Read, Write], which the code needs",
                    "KafkaUser kafka-identity-service: topic portal.accounts.v1.dlt grants [Write], which the code does not need");
            assertThat(ManifestChecks.kafkaProblems(docs, ProjectFacts.declaredTopics()))
                    .containsExactly("Kafka portal-kafka: no spec.kafka.authorization of type simple (every user could read and write every topic)");
            // the code changes: questionnaire-service starts reading the access topic
            Map<String, Map<String, Set<String>>> changed = new TreeMap<>(KAFKA_ACLS);
            changed.put("kafka-questionnaire-service", new TreeMap<>(KAFKA_ACLS.get("kafka-questionnaire-service")));
            changed.get("kafka-questionnaire-service").put("topic portal.access.v1", Set.of("Read", "Describe"));
            assertThat(ManifestChecks.kafkaAclProblems(production(), changed))
                    .containsExactly("KafkaUser kafka-questionnaire-service: topic portal.access.v1 lacks [Describe, Read], which the code needs");
        }

        @Test
        void disruptionBudgetsThatBlockEveryDrainOrAreMissingAndASingleReplica() {
            List<Map<String, Object>> docs = production();
            Map<String, Object> gatewayBudget = map(ManifestChecks.find(docs, "PodDisruptionBudget", "gateway").get("spec"));
            gatewayBudget.remove("maxUnavailable");
            gatewayBudget.put("minAvailable", 2);
            Map<String, Object> keycloakBudget = map(ManifestChecks.find(docs, "PodDisruptionBudget", "keycloak").get("spec"));
            keycloakBudget.remove("maxUnavailable");
            keycloakBudget.put("minAvailable", "100%");
            map(at(ManifestChecks.find(docs, "HorizontalPodAutoscaler", "identity-service"), "spec")).put("minReplicas", 1);
            docs.remove(ManifestChecks.find(docs, "PodDisruptionBudget", "portal-mongodb"));
            assertThat(ManifestChecks.disruptionProblems(docs, true)).containsExactlyInAnyOrder(
                    "PodDisruptionBudget gateway: minAvailable 2 with as few as 2 pods blocks every node drain",
                    "PodDisruptionBudget keycloak: minAvailable 100% with as few as 2 pods blocks every node drain",
                    "HorizontalPodAutoscaler identity-service: minReplicas 1 in production; at least 2 keep the service up through a node drain or a crash",
                    "MongoDB portal-mongodb members: no PodDisruptionBudget (a node drain could take several at once)");
            assertThat(ManifestChecks.disruptionProblems(render("local"), false)).isEmpty();
        }

        @Test
        void portsInTheEnvironmentThatAreNotTheContainersPorts() {
            List<Map<String, Object>> docs = production();
            for (Object e : list(ManifestChecks.container(gateway(docs)).get("env"))) {
                if ("SERVER_PORT".equals(map(e).get("name"))) map(e).put("value", "8090");
            }
            for (Object e : list(ManifestChecks.container(ManifestChecks.find(docs, "Deployment", "dossier-service")).get("env"))) {
                if ("MANAGEMENT_SERVER_PORT".equals(map(e).get("name"))) map(e).put("value", "9091");
            }
            assertThat(ManifestChecks.portProblems(docs)).containsExactlyInAnyOrder(
                    "gateway: SERVER_PORT 8090 is not its container port `http` (8080)",
                    "dossier-service: MANAGEMENT_SERVER_PORT 9091 is not its container port `management` (9090)");
        }

        @Test
        void noUsableKubectlFailsTheComparisonWhereCiAsksForItAndSkipsItElsewhere(@org.junit.jupiter.api.io.TempDir Path bin) throws IOException {
            Map<String, String> required = Map.of("PATH", bin.toString(), KUBECTL_REQUIRED_VARIABLE, "1");
            assertThatThrownBy(() -> comparisonKubectl(required)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("no kubectl (PORTAL_KUBECTL unset, none on PATH)");
            assertThatThrownBy(() -> comparisonKubectl(Map.of("PATH", bin.toString())))
                    .isInstanceOf(org.opentest4j.TestAbortedException.class);
            // Debian's kubernetes-client 1.20: kustomize v2.0.3, which cannot read k8s/
            Path old = bin.resolve("kubectl");
            Files.writeString(old, "#!/bin/sh\necho '{\"clientVersion\": {\"major\": \"1\", \"minor\": \"20\"}, \"kustomizeVersion\": \"v2.0.3\"}'\n");
            assertThat(old.toFile().setExecutable(true)).isTrue();
            assertThatThrownBy(() -> comparisonKubectl(required)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("embeds kustomize v2.0.3");
            assertThatThrownBy(() -> comparisonKubectl(Map.of(KUBECTL_VARIABLE, bin.resolve("missing").toString())))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("is not an executable file");
        }

        @Test
        void theRendererRefusesWhatItDoesNotKnowAndPatchesThatMatchNothing(@org.junit.jupiter.api.io.TempDir Path directory) throws IOException {
            Files.writeString(directory.resolve("kustomization.yaml"), "resources: []\nnamePrefix: prod-\n");
            assertThatThrownBy(() -> Kustomize.build(directory)).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("`namePrefix` is not supported");
            Files.writeString(directory.resolve("kustomization.yaml"), """
                    resources: [cm.yaml]
                    patches:
                      - target: {kind: Deployment}
                        patch: '[{"op": "replace", "path": "/spec/replicas", "value": 2}]'
                    """);
            Files.writeString(directory.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
            assertThatThrownBy(() -> Kustomize.build(directory)).hasMessageContaining("matches no resource");
        }
    }

    // ---------------------------------------------------------------------------------------------

    static List<Path> kustomizationDirectories() {
        try (Stream<Path> files = Files.walk(K8S)) {
            return files.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).map(Path::getParent)
                    .sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Where two parsed documents differ (path: ours vs theirs). */
    static List<String> differences(Object ours, Object theirs, String path) {
        List<String> found = new ArrayList<>();
        if (ours instanceof Map<?, ?> a && theirs instanceof Map<?, ?> b) {
            Set<Object> keys = new java.util.TreeSet<>(java.util.Comparator.comparing(String::valueOf));
            keys.addAll(a.keySet());
            keys.addAll(b.keySet());
            for (Object key : keys) {
                found.addAll(differences(a.get(key), b.get(key), path + "/" + key));
            }
        } else if (ours instanceof List<?> a && theirs instanceof List<?> b && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                found.addAll(differences(a.get(i), b.get(i), path + "[" + i + "]"));
            }
        } else if (!java.util.Objects.equals(ours, theirs)) {
            found.add(path + ": " + ours + " vs kubectl's " + theirs);
        }
        return found;
    }

    static Map<String, Map<String, Object>> byId(List<Map<String, Object>> docs) {
        Map<String, Map<String, Object>> result = new TreeMap<>();
        for (Map<String, Object> doc : docs) {
            result.put(doc.get("apiVersion") + "/" + doc.get("kind") + "/" + at(doc, "metadata", "namespace") + "/" + at(doc, "metadata", "name"), doc);
        }
        return result;
    }
}
