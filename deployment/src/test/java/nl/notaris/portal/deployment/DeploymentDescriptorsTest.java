package nl.notaris.portal.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Checks docker-compose.yml, the services' Dockerfiles and k8s/ against the ports and environment of the README.
 * <p>
 * Every check is a function from parsed YAML to a list of problems, so the same function is used on the
 * real files (expecting no problems) and on deliberately broken input (expecting the problem to be found).
 */
class DeploymentDescriptorsTest {

    // ---------------------------------------------------------------------------------------------
    // The contract, in one place
    // ---------------------------------------------------------------------------------------------

    /** Service → port, from the contract's "Ports" section. */
    static final Map<String, Integer> SERVICE_PORTS = orderedMap(
            "gateway", 8080,
            "identity-service", 8081,
            "dossier-service", 8082,
            "messaging-service", 8083,
            "document-service", 8084,
            "questionnaire-service", 8085,
            "notification-service", 8086);

    /** Services the gateway routes to (each has a {@code <NAME>_URL} variable). */
    static final List<String> ROUTED_SERVICES = List.of(
            "identity-service", "dossier-service", "document-service", "messaging-service", "questionnaire-service");

    static final int KEYCLOAK_PORT = 8180;
    static final int KAFKA_PORT = 9092;
    static final int MONGODB_PORT = 27017;
    static final int SMTP_PORT = 1025;
    static final int MAILDEV_WEB_PORT = 1080;

    static final String LIVENESS = "/actuator/health/liveness";
    static final String READINESS = "/actuator/health/readiness";
    static final String CONFIG_MAP = "portal-config";
    static final String SECRET = "portal-secrets";
    static final String PLACEHOLDER = "change-me";
    static final long USER_ID = 10001;

    /** Environment variables each service reads, per the contract's table. */
    static Set<String> requiredEnv(String service) {
        Set<String> env = new LinkedHashSet<>(List.of("SERVER_PORT", "KEYCLOAK_URL"));
        if (service.equals("gateway")) {
            env.addAll(List.of("PORTAL_URL", "PORTAL_GATEWAY_CLIENT_SECRET"));
            ROUTED_SERVICES.forEach(s -> env.add(urlVariable(s)));
            return env;
        }
        env.addAll(List.of("MONGODB_URI", "MONGODB_DATABASE", "KAFKA_BOOTSTRAP_SERVERS"));
        switch (service) {
            case "identity-service" -> env.add("IDENTITY_SERVICE_CLIENT_SECRET");
            case "dossier-service" -> env.add("IDENTITY_SERVICE_URL");
            case "notification-service" -> env.addAll(List.of("PORTAL_URL", "SMTP_HOST", "SMTP_PORT", "MAIL_FROM"));
            default -> { }
        }
        return env;
    }

    /** Variables that hold secrets: in k8s they must come from the Secret, not the ConfigMap. */
    static final Set<String> SECRET_VARIABLES = Set.of("PORTAL_GATEWAY_CLIENT_SECRET", "IDENTITY_SERVICE_CLIENT_SECRET");

    static String urlVariable(String service) {
        return service.toUpperCase().replace('-', '_') + "_URL";
    }

    static String database(String service) {
        return service.replace("-service", "");
    }

    // ---------------------------------------------------------------------------------------------
    // Files
    // ---------------------------------------------------------------------------------------------

    /** Surefire runs with the module folder as working directory. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path COMPOSE = ROOT.resolve("docker-compose.yml");
    static final Path K8S = ROOT.resolve("k8s");
    static final Path K8S_BASE = K8S.resolve("base");

    static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    static Map<String, Object> parse(String text) {
        return map(yaml().load(text));
    }

    static List<Map<String, Object>> parseAll(String text) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : yaml().loadAll(text)) {
            if (doc != null) {
                docs.add(map(doc));
            }
        }
        return docs;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> k8sYamlFiles() {
        try (Stream<Path> files = Files.walk(K8S)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Map<String, Object>> k8sBaseDocuments() {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object resource : list(parse(read(K8S_BASE.resolve("kustomization.yaml"))).get("resources"))) {
            docs.addAll(parseAll(read(K8S_BASE.resolve(String.valueOf(resource)))));
        }
        return docs;
    }

    // ---------------------------------------------------------------------------------------------
    // Checkers: parsed YAML in, problems out
    // ---------------------------------------------------------------------------------------------

    static List<String> composeProblems(Map<String, Object> compose) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> services = map(compose.get("services"));
        for (var entry : SERVICE_PORTS.entrySet()) {
            String name = entry.getKey();
            int port = entry.getValue();
            Map<String, Object> service = map(services.get(name));
            if (service.isEmpty()) {
                problems.add(name + ": missing from compose");
                continue;
            }
            String context = String.valueOf(map(service.get("build")).get("context"));
            if (!Path.of(context).normalize().toString().equals(name)) {
                problems.add(name + ": build context is " + context + ", expected ./" + name);
            }
            if (!list(service.get("ports")).contains(port + ":" + port)) {
                problems.add(name + ": port " + port + ":" + port + " not published, got " + service.get("ports"));
            }
            Map<String, Object> env = map(service.get("environment"));
            for (String variable : requiredEnv(name)) {
                if (!env.containsKey(variable)) {
                    problems.add(name + ": environment lacks " + variable);
                }
            }
            problems.addAll(composeEnvValueProblems(name, port, env));
            Map<String, Object> dependsOn = map(service.get("depends_on"));
            for (String dependency : composeDependencies(name)) {
                Object condition = map(dependsOn.get(dependency)).get("condition");
                if (!"service_healthy".equals(condition)) {
                    problems.add(name + ": depends_on " + dependency + " with condition service_healthy missing");
                }
            }
            String healthcheck = String.valueOf(map(service.get("healthcheck")).get("test"));
            if (!healthcheck.contains("localhost:" + port + READINESS)) {
                problems.add(name + ": healthcheck does not call localhost:" + port + READINESS);
            }
        }
        return problems;
    }

    /** What a service needs running first, derived from the variables it reads. */
    static Set<String> composeDependencies(String service) {
        Set<String> dependencies = new LinkedHashSet<>();
        Set<String> env = requiredEnv(service);
        if (env.contains("MONGODB_URI")) dependencies.add("mongo");
        if (env.contains("KAFKA_BOOTSTRAP_SERVERS")) dependencies.add("kafka");
        if (env.contains("KEYCLOAK_URL")) dependencies.add("keycloak");
        if (env.contains("SMTP_HOST")) dependencies.add("maildev");
        for (String other : SERVICE_PORTS.keySet()) {
            if (env.contains(urlVariable(other))) dependencies.add(other);
        }
        return dependencies;
    }

    static List<String> composeEnvValueProblems(String name, int port, Map<String, Object> env) {
        List<String> problems = new ArrayList<>();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("SERVER_PORT", String.valueOf(port));
        expected.put("MONGODB_URI", "mongodb://mongo:" + MONGODB_PORT + "/?replicaSet=rs0");
        expected.put("MONGODB_DATABASE", database(name));
        expected.put("KAFKA_BOOTSTRAP_SERVERS", "kafka:" + KAFKA_PORT);
        expected.put("KEYCLOAK_URL", "http://keycloak:" + KEYCLOAK_PORT);
        expected.put("PORTAL_URL", "http://localhost:" + SERVICE_PORTS.get("gateway"));
        expected.put("SMTP_HOST", "maildev");
        expected.put("SMTP_PORT", String.valueOf(SMTP_PORT));
        SERVICE_PORTS.forEach((other, otherPort) -> expected.put(urlVariable(other), "http://" + other + ":" + otherPort));
        expected.forEach((variable, value) -> {
            if (env.containsKey(variable) && !value.equals(String.valueOf(env.get(variable)))) {
                problems.add(name + ": " + variable + " is " + env.get(variable) + ", expected " + value);
            }
        });
        return problems;
    }

    static List<String> composeInfrastructureProblems(Map<String, Object> compose) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> services = map(compose.get("services"));
        Map<String, Object> mongo = map(services.get("mongo"));
        expect(problems, String.valueOf(mongo.get("image")).startsWith("mongo:8"), "mongo: image mongo:8 expected");
        expect(problems, String.valueOf(mongo.get("command")).contains("rs0"), "mongo: not started with --replSet rs0");
        expect(problems, String.valueOf(map(mongo.get("healthcheck")).get("test")).contains("rs.initiate"),
                "mongo: nothing runs rs.initiate");
        Map<String, Object> kafka = map(services.get("kafka"));
        expect(problems, String.valueOf(kafka.get("image")).startsWith("apache/kafka:4.1"), "kafka: image apache/kafka:4.1.x expected");
        Map<String, Object> kafkaEnv = map(kafka.get("environment"));
        expect(problems, String.valueOf(kafkaEnv.get("KAFKA_PROCESS_ROLES")).contains("controller"), "kafka: not KRaft broker+controller");
        expect(problems, String.valueOf(kafkaEnv.get("KAFKA_ADVERTISED_LISTENERS")).contains("//kafka:" + KAFKA_PORT),
                "kafka: kafka:" + KAFKA_PORT + " not advertised");
        Map<String, Object> keycloak = map(services.get("keycloak"));
        expect(problems, String.valueOf(keycloak.get("image")).startsWith("quay.io/keycloak/keycloak:26.5"), "keycloak: image 26.5 expected");
        expect(problems, String.valueOf(keycloak.get("command")).contains("--import-realm"), "keycloak: --import-realm missing");
        expect(problems, list(keycloak.get("ports")).contains(KEYCLOAK_PORT + ":" + KEYCLOAK_PORT), "keycloak: port " + KEYCLOAK_PORT);
        String volumes = String.valueOf(keycloak.get("volumes"));
        expect(problems, volumes.contains("./keycloak/realm:/opt/keycloak/data/import"), "keycloak: realm folder not mounted");
        expect(problems, volumes.contains("./keycloak/target/keycloak.jar:/opt/keycloak/providers/"), "keycloak: provider jar not mounted");
        // One issuer for everybody: Keycloak's frontend URL must be the URL the services validate against.
        Object hostname = map(keycloak.get("environment")).get("KC_HOSTNAME");
        for (String name : SERVICE_PORTS.keySet()) {
            Object keycloakUrl = map(map(services.get(name)).get("environment")).get("KEYCLOAK_URL");
            expect(problems, Objects.equals(hostname, keycloakUrl),
                    name + ": KEYCLOAK_URL " + keycloakUrl + " differs from keycloak KC_HOSTNAME " + hostname + " (issuer mismatch)");
        }
        Map<String, Object> maildev = map(services.get("maildev"));
        expect(problems, String.valueOf(maildev.get("image")).startsWith("maildev/maildev"), "maildev: image maildev/maildev expected");
        expect(problems, list(maildev.get("ports")).containsAll(List.of(SMTP_PORT + ":" + SMTP_PORT, MAILDEV_WEB_PORT + ":" + MAILDEV_WEB_PORT)),
                "maildev: ports " + SMTP_PORT + " and " + MAILDEV_WEB_PORT + " expected");
        for (String infra : List.of("mongo", "kafka", "keycloak", "maildev")) {
            expect(problems, map(map(services.get(infra)).get("healthcheck")).containsKey("test"), infra + ": no healthcheck");
        }
        return problems;
    }

    static List<String> dockerfileProblems(String service, String dockerfile) {
        List<String> problems = new ArrayList<>();
        int port = SERVICE_PORTS.get(service);
        List<String> froms = matches(dockerfile, "(?m)^FROM\\s+(\\S+)");
        expect(problems, !froms.isEmpty() && froms.stream().allMatch(f -> f.equals("eclipse-temurin:25-jre")),
                service + ": base image must be eclipse-temurin:25-jre, got " + froms);
        expect(problems, dockerfile.contains("COPY target/" + service + ".jar "), service + ": does not copy target/" + service + ".jar");
        List<String> users = matches(dockerfile, "(?m)^USER\\s+(\\S+)");
        expect(problems, !users.isEmpty() && users.getLast().startsWith(USER_ID + ""), service + ": last USER must be " + USER_ID);
        expect(problems, matches(dockerfile, "(?m)^EXPOSE\\s+(\\d+)").equals(List.of(String.valueOf(port))),
                service + ": must EXPOSE " + port);
        expect(problems, dockerfile.contains("ENTRYPOINT"), service + ": no ENTRYPOINT");
        return problems;
    }

    static List<String> k8sServiceProblems(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> configMap = find(docs, "ConfigMap", CONFIG_MAP);
        Map<String, Object> configData = map(configMap.get("data"));
        Set<String> secretKeys = secretKeys(find(docs, "Secret", SECRET));
        expect(problems, !configMap.isEmpty(), "ConfigMap " + CONFIG_MAP + " missing");
        for (var entry : SERVICE_PORTS.entrySet()) {
            String name = entry.getKey();
            int port = entry.getValue();
            Map<String, Object> deployment = find(docs, "Deployment", name);
            if (deployment.isEmpty()) {
                problems.add(name + ": no Deployment");
            } else {
                problems.addAll(deploymentProblems(name, port, deployment, configData, secretKeys));
            }
            Map<String, Object> service = find(docs, "Service", name);
            List<Object> servicePorts = list(map(service.get("spec")).get("ports"));
            boolean portOk = servicePorts.stream().map(DeploymentDescriptorsTest::map)
                    .anyMatch(p -> Objects.equals(p.get("port"), port) && Objects.equals(p.get("targetPort"), port));
            expect(problems, portOk, name + ": no Service with port/targetPort " + port);
            expect(problems, Objects.equals(map(map(service.get("spec")).get("selector")).get("app"), name),
                    name + ": Service does not select app=" + name);
            Map<String, Object> hpa = find(docs, "HorizontalPodAutoscaler", name);
            expect(problems, "autoscaling/v2".equals(hpa.get("apiVersion")), name + ": no autoscaling/v2 HorizontalPodAutoscaler");
            Map<String, Object> hpaSpec = map(hpa.get("spec"));
            expect(problems, Objects.equals(map(hpaSpec.get("scaleTargetRef")).get("name"), name), name + ": HPA does not scale the Deployment");
            expect(problems, String.valueOf(hpaSpec.get("metrics")).contains("name=cpu"), name + ": HPA not on CPU");
            Map<String, Object> pdb = find(docs, "PodDisruptionBudget", name);
            expect(problems, Objects.equals(map(map(map(pdb.get("spec")).get("selector")).get("matchLabels")).get("app"), name),
                    name + ": no PodDisruptionBudget selecting app=" + name);
        }
        return problems;
    }

    static List<String> deploymentProblems(String name, int port, Map<String, Object> deployment,
            Map<String, Object> configData, Set<String> secretKeys) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> podSpec = map(map(map(deployment.get("spec")).get("template")).get("spec"));
        Map<String, Object> podSecurity = map(podSpec.get("securityContext"));
        List<Object> containers = list(podSpec.get("containers"));
        if (containers.size() != 1) {
            problems.add(name + ": expected exactly one container");
            return problems;
        }
        Map<String, Object> container = map(containers.getFirst());
        Map<String, Object> security = map(container.get("securityContext"));

        problems.addAll(probeProblems(name, "livenessProbe", container, LIVENESS, port));
        problems.addAll(probeProblems(name, "readinessProbe", container, READINESS, port));
        problems.addAll(probeProblems(name, "startupProbe", container, LIVENESS, port));
        boolean containerPort = list(container.get("ports")).stream().map(DeploymentDescriptorsTest::map)
                .anyMatch(p -> Objects.equals(p.get("containerPort"), port));
        expect(problems, containerPort, name + ": containerPort " + port + " missing");

        Map<String, Object> resources = map(container.get("resources"));
        for (String kind : List.of("requests", "limits")) {
            Map<String, Object> amounts = map(resources.get(kind));
            expect(problems, amounts.containsKey("cpu") && amounts.containsKey("memory"), name + ": resources." + kind + " needs cpu and memory");
        }

        boolean nonRoot = Boolean.TRUE.equals(security.getOrDefault("runAsNonRoot", podSecurity.get("runAsNonRoot")));
        expect(problems, nonRoot, name + ": runAsNonRoot not true");
        Object user = security.getOrDefault("runAsUser", podSecurity.get("runAsUser"));
        expect(problems, user instanceof Number n && n.longValue() == USER_ID, name + ": runAsUser must be " + USER_ID);
        expect(problems, Boolean.TRUE.equals(security.get("readOnlyRootFilesystem")), name + ": readOnlyRootFilesystem not true");
        expect(problems, Boolean.FALSE.equals(security.get("allowPrivilegeEscalation")), name + ": allowPrivilegeEscalation not false");
        expect(problems, list(map(security.get("capabilities")).get("drop")).contains("ALL"), name + ": capabilities must drop ALL");
        Object seccomp = map(security.getOrDefault("seccompProfile", podSecurity.get("seccompProfile"))).get("type");
        expect(problems, "RuntimeDefault".equals(seccomp), name + ": seccompProfile RuntimeDefault missing");

        boolean tmpMounted = list(container.get("volumeMounts")).stream().map(DeploymentDescriptorsTest::map)
                .filter(m -> "/tmp".equals(m.get("mountPath")))
                .anyMatch(m -> list(podSpec.get("volumes")).stream().map(DeploymentDescriptorsTest::map)
                        .anyMatch(v -> Objects.equals(v.get("name"), m.get("name")) && v.containsKey("emptyDir")));
        expect(problems, tmpMounted, name + ": no emptyDir mounted at /tmp");

        boolean envFromConfig = list(container.get("envFrom")).stream().map(DeploymentDescriptorsTest::map)
                .anyMatch(e -> CONFIG_MAP.equals(map(e.get("configMapRef")).get("name")));
        expect(problems, envFromConfig, name + ": no envFrom configMapRef " + CONFIG_MAP);

        Map<String, Map<String, Object>> env = new LinkedHashMap<>();
        list(container.get("env")).stream().map(DeploymentDescriptorsTest::map).forEach(e -> env.put(String.valueOf(e.get("name")), e));
        for (String variable : requiredEnv(name)) {
            Map<String, Object> own = env.get(variable);
            if (SECRET_VARIABLES.contains(variable)) {
                Map<String, Object> ref = map(map(own == null ? null : own.get("valueFrom")).get("secretKeyRef"));
                expect(problems, SECRET.equals(ref.get("name")) && secretKeys.contains(String.valueOf(ref.get("key"))),
                        name + ": " + variable + " must come from a key of Secret " + SECRET);
            } else {
                expect(problems, own != null || configData.containsKey(variable), name + ": " + variable + " set neither on the Deployment nor in " + CONFIG_MAP);
            }
        }
        expect(problems, env.containsKey("SERVER_PORT") && String.valueOf(port).equals(String.valueOf(env.get("SERVER_PORT").get("value"))),
                name + ": SERVER_PORT must be " + port);
        if (requiredEnv(name).contains("MONGODB_DATABASE")) {
            expect(problems, env.containsKey("MONGODB_DATABASE") && database(name).equals(env.get("MONGODB_DATABASE").get("value")),
                    name + ": MONGODB_DATABASE must be " + database(name));
        }
        return problems;
    }

    static List<String> probeProblems(String name, String probe, Map<String, Object> container, String path, int port) {
        Map<String, Object> httpGet = map(map(container.get(probe)).get("httpGet"));
        if (!path.equals(httpGet.get("path")) || !Objects.equals(httpGet.get("port"), port)) {
            return List.of(name + ": " + probe + " must GET " + path + " on port " + port + ", got " + httpGet);
        }
        return List.of();
    }

    static List<String> configMapProblems(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> data = map(find(docs, "ConfigMap", CONFIG_MAP).get("data"));
        for (String key : List.of("MONGODB_URI", "KAFKA_BOOTSTRAP_SERVERS", "KEYCLOAK_URL", "PORTAL_URL", "SMTP_HOST", "SMTP_PORT")) {
            expect(problems, data.containsKey(key), CONFIG_MAP + ": " + key + " missing");
        }
        for (String service : ROUTED_SERVICES) {
            String expected = "http://" + service + ":" + SERVICE_PORTS.get(service);
            expect(problems, expected.equals(data.get(urlVariable(service))), CONFIG_MAP + ": " + urlVariable(service) + " must be " + expected);
        }
        for (String secret : SECRET_VARIABLES) {
            expect(problems, !data.containsKey(secret), CONFIG_MAP + ": " + secret + " belongs in a Secret");
        }
        return problems;
    }

    static List<String> ingressProblems(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> ingresses = docs.stream().filter(d -> "Ingress".equals(d.get("kind"))).toList();
        expect(problems, !ingresses.isEmpty(), "no Ingress");
        int gatewayPort = SERVICE_PORTS.get("gateway");
        for (Map<String, Object> ingress : ingresses) {
            List<Object> rules = list(map(ingress.get("spec")).get("rules"));
            expect(problems, !rules.isEmpty(), "Ingress without rules");
            for (Object rule : rules) {
                for (Object path : list(map(map(rule).get("http")).get("paths"))) {
                    Map<String, Object> backend = map(map(map(path).get("backend")).get("service"));
                    expect(problems, "gateway".equals(backend.get("name")) && Objects.equals(map(backend.get("port")).get("number"), gatewayPort),
                            "Ingress path " + map(path).get("path") + " must go to Service gateway port " + gatewayPort + ", goes to " + backend);
                }
            }
        }
        return problems;
    }

    static List<String> secretProblems(String source, List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> doc : docs) {
            if (!"Secret".equals(doc.get("kind"))) {
                continue;
            }
            Map<String, Object> metadata = map(doc.get("metadata"));
            expect(problems, !doc.containsKey("data"), source + ": Secret " + metadata.get("name") + " uses data (base64); use stringData placeholders");
            map(doc.get("stringData")).forEach((key, value) -> expect(problems, PLACEHOLDER.equals(value),
                    source + ": Secret " + metadata.get("name") + " key " + key + " is not the placeholder " + PLACEHOLDER));
        }
        return problems;
    }

    /** Files and folders a kustomization.yaml refers to (resources, components, patches, generators). */
    static List<String> kustomizationProblems(Path directory, Map<String, Object> kustomization) {
        List<String> problems = new ArrayList<>();
        List<String> references = new ArrayList<>();
        for (String key : List.of("resources", "components", "crds", "patchesStrategicMerge")) {
            list(kustomization.get(key)).forEach(r -> references.add(String.valueOf(r)));
        }
        for (Object patch : list(kustomization.get("patches"))) {
            Object path = patch instanceof Map<?, ?> m ? m.get("path") : patch;
            if (path != null) references.add(String.valueOf(path));
        }
        for (String generator : List.of("configMapGenerator", "secretGenerator")) {
            for (Object entry : list(kustomization.get(generator))) {
                list(map(entry).get("envs")).forEach(f -> references.add(String.valueOf(f)));
                list(map(entry).get("files")).forEach(f -> references.add(String.valueOf(f).replaceFirst("^[^=]+=", "")));
            }
        }
        for (String reference : references) {
            if (reference.contains("://")) {
                continue; // remote bases are not used here, but would not be files
            }
            Path target = directory.resolve(reference).normalize();
            boolean ok = Files.isRegularFile(target) || Files.isRegularFile(target.resolve("kustomization.yaml"));
            expect(problems, ok, directory + ": " + reference + " does not exist");
        }
        expect(problems, !references.isEmpty(), directory + ": kustomization lists nothing");
        return problems;
    }

    // ---------------------------------------------------------------------------------------------
    // Tests on the real files
    // ---------------------------------------------------------------------------------------------

    @Nested
    class Compose {

        final Map<String, Object> compose = parse(read(COMPOSE));

        @Test
        void describesEveryServiceWithBuildPortEnvironmentDependenciesAndHealthcheck() {
            assertThat(composeProblems(compose)).isEmpty();
        }

        @Test
        void runsTheRealInfrastructureWithOneKeycloakIssuer() {
            assertThat(composeInfrastructureProblems(compose)).isEmpty();
        }

        @Test
        void buildsEachServiceFromADockerfileThatCopiesItsJarAndRunsAsNonRoot() {
            List<String> problems = new ArrayList<>();
            for (String service : SERVICE_PORTS.keySet()) {
                Path dockerfile = ROOT.resolve(service).resolve("Dockerfile");
                if (!Files.isRegularFile(dockerfile)) {
                    problems.add(service + ": no Dockerfile");
                    continue;
                }
                problems.addAll(dockerfileProblems(service, read(dockerfile)));
            }
            assertThat(problems).isEmpty();
        }
    }

    @Nested
    class Kubernetes {

        final List<Map<String, Object>> base = k8sBaseDocuments();

        @Test
        void hasDeploymentServiceHpaAndPdbPerServiceWithProbesResourcesAndSecurityContext() {
            assertThat(k8sServiceProblems(base)).isEmpty();
        }

        @Test
        void sharesSettingsThroughTheConfigMap() {
            assertThat(configMapProblems(base)).isEmpty();
        }

        @Test
        void exposesOnlyTheGatewayThroughTheIngress() {
            assertThat(ingressProblems(base)).isEmpty();
        }

        @Test
        void everyYamlParsesAndNoSecretHoldsARealValue() {
            List<Path> files = k8sYamlFiles();
            assertThat(files).hasSizeGreaterThan(3);
            List<String> problems = new ArrayList<>();
            for (Path file : files) {
                problems.addAll(secretProblems(ROOT.relativize(file).toString(), parseAll(read(file))));
            }
            assertThat(problems).isEmpty();
        }

        @Test
        void everyFileAKustomizationListsExists() {
            List<Path> kustomizations = k8sYamlFiles().stream()
                    .filter(f -> f.getFileName().toString().equals("kustomization.yaml")).toList();
            assertThat(kustomizations).extracting(f -> K8S.relativize(f.getParent()).toString())
                    .contains("base", "overlays/local", "overlays/production");
            List<String> problems = new ArrayList<>();
            for (Path kustomization : kustomizations) {
                problems.addAll(kustomizationProblems(kustomization.getParent(), parse(read(kustomization))));
            }
            assertThat(problems).isEmpty();
        }

        @Test
        void productionRunsMoreThanOneReplicaAndMovesGatewaySessionsToRedis() {
            Path production = K8S.resolve("overlays/production");
            String kustomization = read(production.resolve("kustomization.yaml"));
            assertThat(kustomization).containsPattern("path: /spec/replicas\\s+value: [2-9]");
            assertThat(kustomization).containsPattern("path: /spec/minReplicas\\s+value: [2-9]");
            String all = k8sYamlFiles().stream().filter(f -> f.startsWith(production)).map(DeploymentDescriptorsTest::read)
                    .reduce("", String::concat);
            assertThat(all).contains("SPRING_SESSION_STORE_TYPE").contains("redis");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The checkers reject broken input (so a green run above means something)
    // ---------------------------------------------------------------------------------------------

    @Nested
    class CheckersRejectBrokenInput {

        @Test
        void composeWithoutAServiceVariableOrDependencyOrWithAWrongPort() {
            Map<String, Object> compose = parse(read(COMPOSE));
            Map<String, Object> services = map(compose.get("services"));
            services.remove("messaging-service");
            map(map(services.get("dossier-service")).get("environment")).remove("IDENTITY_SERVICE_URL");
            map(map(services.get("notification-service")).get("depends_on")).remove("maildev");
            map(services.get("document-service")).put("ports", List.of("9999:8084"));
            map(map(services.get("gateway")).get("environment")).put("DOSSIER_SERVICE_URL", "http://dossier-service:9999");
            map(services.get("identity-service")).put("build", Map.of("context", "./gateway"));

            assertThat(composeProblems(compose)).containsExactlyInAnyOrder(
                    "messaging-service: missing from compose",
                    "dossier-service: environment lacks IDENTITY_SERVICE_URL",
                    "notification-service: depends_on maildev with condition service_healthy missing",
                    "document-service: port 8084:8084 not published, got [9999:8084]",
                    "gateway: DOSSIER_SERVICE_URL is http://dossier-service:9999, expected http://dossier-service:8082",
                    "identity-service: build context is ./gateway, expected ./identity-service");
        }

        @Test
        void composeWhereAServiceWouldSeeAnotherKeycloakIssuer() {
            Map<String, Object> compose = parse(read(COMPOSE));
            map(map(map(compose.get("services")).get("keycloak")).get("environment")).put("KC_HOSTNAME", "http://localhost:8180");
            assertThat(composeInfrastructureProblems(compose)).hasSize(SERVICE_PORTS.size())
                    .allMatch(p -> p.contains("issuer mismatch"));
        }

        @Test
        void dockerfileRunningAsRootOnTheWrongPort() {
            String dockerfile = """
                    FROM eclipse-temurin:25-jre
                    COPY target/dossier-service.jar app.jar
                    EXPOSE 8080
                    ENTRYPOINT ["java", "-jar", "app.jar"]
                    """;
            assertThat(dockerfileProblems("dossier-service", dockerfile)).containsExactlyInAnyOrder(
                    "dossier-service: last USER must be 10001",
                    "dossier-service: must EXPOSE 8082");
        }

        @Test
        void deploymentWithWrongProbesWritableRootAndNoResources() {
            String yaml = """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: messaging-service}
                    spec:
                      template:
                        spec:
                          securityContext: {runAsNonRoot: true, runAsUser: 10001, seccompProfile: {type: RuntimeDefault}}
                          containers:
                            - name: messaging-service
                              ports: [{containerPort: 8083}]
                              envFrom: [{configMapRef: {name: portal-config}}]
                              env:
                                - {name: SERVER_PORT, value: "8083"}
                                - {name: MONGODB_DATABASE, value: messaging}
                              securityContext:
                                allowPrivilegeEscalation: false
                                readOnlyRootFilesystem: false
                                capabilities: {drop: [ALL]}
                              livenessProbe: {httpGet: {path: /actuator/health, port: 8083}}
                              readinessProbe: {httpGet: {path: /actuator/health/readiness, port: 8080}}
                              startupProbe: {httpGet: {path: /actuator/health/liveness, port: 8083}}
                              volumeMounts: [{name: tmp, mountPath: /tmp}]
                          volumes: [{name: tmp, emptyDir: {}}]
                    """;
            Map<String, Object> config = Map.of("MONGODB_URI", "x", "KAFKA_BOOTSTRAP_SERVERS", "x", "KEYCLOAK_URL", "x");
            List<String> problems = deploymentProblems("messaging-service", 8083, parse(yaml), config, Set.of());
            assertThat(problems).containsExactlyInAnyOrder(
                    "messaging-service: livenessProbe must GET /actuator/health/liveness on port 8083, got {path=/actuator/health, port=8083}",
                    "messaging-service: readinessProbe must GET /actuator/health/readiness on port 8083, got {path=/actuator/health/readiness, port=8080}",
                    "messaging-service: resources.requests needs cpu and memory",
                    "messaging-service: resources.limits needs cpu and memory",
                    "messaging-service: readOnlyRootFilesystem not true");
        }

        @Test
        void baseWithoutHpaAndPdbAndAWrongServicePort() {
            List<Map<String, Object>> docs = new ArrayList<>(k8sBaseDocuments());
            docs.removeIf(d -> "questionnaire-service".equals(map(d.get("metadata")).get("name"))
                    && List.of("HorizontalPodAutoscaler", "PodDisruptionBudget").contains(d.get("kind")));
            Map<String, Object> service = find(docs, "Service", "notification-service");
            map(list(map(service.get("spec")).get("ports")).getFirst()).put("port", 80);
            assertThat(k8sServiceProblems(docs)).containsExactlyInAnyOrder(
                    "questionnaire-service: no autoscaling/v2 HorizontalPodAutoscaler",
                    "questionnaire-service: HPA does not scale the Deployment",
                    "questionnaire-service: HPA not on CPU",
                    "questionnaire-service: no PodDisruptionBudget selecting app=questionnaire-service",
                    "notification-service: no Service with port/targetPort 8086");
        }

        @Test
        void secretWithARealLookingValue() {
            String yaml = """
                    apiVersion: v1
                    kind: Secret
                    metadata: {name: portal-secrets}
                    stringData:
                      portal-gateway-client-secret: change-me
                      identity-service-client-secret: s3cr3t-from-prod
                    ---
                    apiVersion: v1
                    kind: Secret
                    metadata: {name: other}
                    data:
                      token: c2VjcmV0
                    """;
            assertThat(secretProblems("test.yaml", parseAll(yaml))).containsExactlyInAnyOrder(
                    "test.yaml: Secret portal-secrets key identity-service-client-secret is not the placeholder change-me",
                    "test.yaml: Secret other uses data (base64); use stringData placeholders");
        }

        @Test
        void ingressToAnotherService() {
            String yaml = """
                    apiVersion: networking.k8s.io/v1
                    kind: Ingress
                    metadata: {name: portal}
                    spec:
                      rules:
                        - http:
                            paths:
                              - path: /
                                pathType: Prefix
                                backend: {service: {name: dossier-service, port: {number: 8082}}}
                    """;
            assertThat(ingressProblems(parseAll(yaml))).hasSize(1).first().asString().contains("must go to Service gateway port 8080");
        }

        @Test
        void kustomizationListingAMissingFile() {
            Map<String, Object> kustomization = parse("""
                    resources: [gateway.yaml, no-such-service.yaml]
                    patches:
                      - path: missing-patch.yaml
                      - target: {kind: Deployment}
                        patch: "[]"
                    """);
            assertThat(kustomizationProblems(K8S_BASE, kustomization)).containsExactlyInAnyOrder(
                    K8S_BASE + ": no-such-service.yaml does not exist",
                    K8S_BASE + ": missing-patch.yaml does not exist");
        }

        @Test
        void configMapCarryingASecretOrAWrongServiceUrl() {
            List<Map<String, Object>> docs = parseAll("""
                    apiVersion: v1
                    kind: ConfigMap
                    metadata: {name: portal-config}
                    data:
                      MONGODB_URI: mongodb://mongodb:27017/?replicaSet=rs0
                      KAFKA_BOOTSTRAP_SERVERS: kafka:9092
                      KEYCLOAK_URL: https://login.example
                      PORTAL_URL: https://portal.example
                      SMTP_HOST: smtp
                      SMTP_PORT: "25"
                      IDENTITY_SERVICE_URL: http://identity-service:8081
                      DOSSIER_SERVICE_URL: http://dossier-service:8082
                      MESSAGING_SERVICE_URL: http://messaging-service:8083
                      DOCUMENT_SERVICE_URL: http://document-service:8083
                      QUESTIONNAIRE_SERVICE_URL: http://questionnaire-service:8085
                      PORTAL_GATEWAY_CLIENT_SECRET: oops
                    """);
            assertThat(configMapProblems(docs)).containsExactlyInAnyOrder(
                    "portal-config: DOCUMENT_SERVICE_URL must be http://document-service:8084",
                    "portal-config: PORTAL_GATEWAY_CLIENT_SECRET belongs in a Secret");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Small helpers
    // ---------------------------------------------------------------------------------------------

    static void expect(List<String> problems, boolean condition, String problem) {
        if (!condition) {
            problems.add(problem);
        }
    }

    static Map<String, Object> find(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream()
                .filter(d -> kind.equals(d.get("kind")) && name.equals(map(d.get("metadata")).get("name")))
                .findFirst().orElse(Map.of());
    }

    static Set<String> secretKeys(Map<String, Object> secret) {
        Set<String> keys = new LinkedHashSet<>(map(secret.get("stringData")).keySet());
        keys.addAll(map(secret.get("data")).keySet());
        return keys;
    }

    static List<String> matches(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    static Map<String, Integer> orderedMap(Object... keysAndValues) {
        Map<String, Integer> result = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            result.put((String) keysAndValues[i], (Integer) keysAndValues[i + 1]);
        }
        return result;
    }
}
