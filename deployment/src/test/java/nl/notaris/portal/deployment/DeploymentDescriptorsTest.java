package nl.notaris.portal.deployment;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Checks docker-compose.yml and the services' one Dockerfile (docker/service.Dockerfile, built with the build args
 * SERVICE and PORT) against the ports and environment of the README, and runs the compose healthchecks against a
 * local HTTP server (k8s/: {@link KubernetesManifestsTest}).
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
    static final long USER_ID = 10001;

    /** Environment variables each service reads, per the contract's table. */
    static Set<String> requiredEnv(String service) {
        Set<String> env = new LinkedHashSet<>(List.of("SERVER_PORT", "KEYCLOAK_URL"));
        if (service.equals("gateway")) {
            env.addAll(List.of("PORTAL_URL", "PORTAL_GATEWAY_CLIENT_SECRET", "MONGODB_URI", "MONGODB_DATABASE"));
            ROUTED_SERVICES.forEach(s -> env.add(urlVariable(s)));
            return env;
        }
        env.addAll(List.of("MONGODB_URI", "MONGODB_DATABASE", "KAFKA_BOOTSTRAP_SERVERS"));
        switch (service) {
            case "identity-service" -> env.add("IDENTITY_SERVICE_CLIENT_SECRET");
            case "dossier-service" -> env.add("IDENTITY_SERVICE_URL");
            case "notification-service" -> env.addAll(List.of("PORTAL_URL", "SMTP_HOST", "SMTP_PORT", "MAIL_FROM", "MAIL_FROM_NAME"));
            default -> { }
        }
        return env;
    }


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
    /** The one Dockerfile of the seven services (Keycloak's image is keycloak/Dockerfile). */
    static final Path SERVICE_DOCKERFILE = ROOT.resolve("docker/service.Dockerfile");
    /** The JVM options of every service, in the image and in the Kubernetes manifests. */
    static final String JAVA_TOOL_OPTIONS =
            "-XX:MaxRAMPercentage=70 -XX:+UseSerialGC -Xmn16m -XX:TrimNativeHeapInterval=5000 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp";

    static Map<String, Object> parse(String text) {
        return Yamls.parse(text);
    }

    static List<Map<String, Object>> parseAll(String text) {
        return Yamls.parseAll(text);
    }

    static String read(Path file) {
        return Yamls.read(file);
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
            Map<String, Object> build = map(service.get("build"));
            String context = String.valueOf(build.get("context"));
            if (!Path.of(context).normalize().toString().equals(name)) {
                problems.add(name + ": build context is " + context + ", expected ./" + name);
            }
            Path dockerfile = ROOT.resolve(context).resolve(String.valueOf(build.getOrDefault("dockerfile", "Dockerfile"))).normalize();
            if (!dockerfile.equals(SERVICE_DOCKERFILE)) {
                problems.add(name + ": built from " + ROOT.relativize(dockerfile) + ", expected " + ROOT.relativize(SERVICE_DOCKERFILE));
            }
            Map<String, Object> args = map(build.get("args"));
            if (!name.equals(String.valueOf(args.get("SERVICE"))) || !String.valueOf(port).equals(String.valueOf(args.get("PORT")))) {
                problems.add(name + ": build args " + args + ", expected SERVICE=" + name + " PORT=" + port);
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
            if (!healthcheck.contains("/dev/tcp/127.0.0.1/" + port + " ") || !healthcheck.contains("GET " + READINESS + " ")) {
                problems.add(name + ": healthcheck does not GET " + READINESS + " on 127.0.0.1:" + port);
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

    /**
     * The problems of the image one service gets from a Dockerfile, given as the builder sees it for that service
     * ({@link Dockerfiles#instantiate}: build args filled in, one instruction per line).
     */
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
        expect(problems, matches(dockerfile, "(?m)^ENV .*\\bSERVER_PORT=(\\S*)").equals(List.of(String.valueOf(port))),
                service + ": must set SERVER_PORT=" + port);
        expect(problems, matches(dockerfile, "(?m)^ENV .*\\bJAVA_TOOL_OPTIONS=\"([^\"]*)\"").equals(List.of(JAVA_TOOL_OPTIONS)),
                service + ": JAVA_TOOL_OPTIONS must be the manifests' " + JAVA_TOOL_OPTIONS);
        // the AOT cache: made in a training run with the pod's memory, without MongoDB or Kafka, and used at start
        List<String> training = matches(dockerfile, "(?m)^RUN (java .*-XX:AOTCacheOutput=app\\.aot.*)$");
        expect(problems, training.size() == 1 && training.getFirst().contains("-XX:MaxRAM=1g")
                        && training.getFirst().contains("-Dspring.context.exit=onRefresh")
                        && training.getFirst().contains("-Dspring.data.mongodb.auto-index-creation=false")
                        && training.getFirst().contains("-Dspring.kafka.admin.auto-create=false")
                        && training.getFirst().contains("-jar application.jar"),
                service + ": no AOT cache training run (java -XX:MaxRAM=1g -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh ... -jar application.jar)");
        int trainingAt = dockerfile.indexOf("-XX:AOTCacheOutput");
        expect(problems, trainingAt < 0 || dockerfile.indexOf("JAVA_TOOL_OPTIONS=") < trainingAt,
                service + ": the training run must see JAVA_TOOL_OPTIONS (ENV before it)");
        expect(problems, matches(dockerfile, "(?m)^ENTRYPOINT (.*)$")
                        .equals(List.of("[\"java\", \"-XX:AOTCache=app.aot\", \"-jar\", \"application.jar\"]")),
                service + ": ENTRYPOINT must be [\"java\", \"-XX:AOTCache=app.aot\", \"-jar\", \"application.jar\"]");
        return problems;
    }

    /** The one Dockerfile as the builder sees it for a service, with the build args compose passes. */
    static String serviceDockerfile(String service) {
        return Dockerfiles.instantiate(read(SERVICE_DOCKERFILE), Map.of("SERVICE", service, "PORT", String.valueOf(SERVICE_PORTS.get(service))));
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
        void buildsEachServiceFromTheOneDockerfileThatCopiesItsJarAndRunsAsNonRootWithTheAotCache() {
            List<String> problems = new ArrayList<>();
            for (String service : SERVICE_PORTS.keySet()) {
                problems.addAll(dockerfileProblems(service, serviceDockerfile(service)));
                if (Files.exists(ROOT.resolve(service).resolve("Dockerfile"))) {
                    problems.add(service + ": has its own Dockerfile again (the services share docker/service.Dockerfile)");
                }
            }
            assertThat(problems).isEmpty();
        }

        @Test
        void theJvmOptionsOfTheImageAreTheManifests() {
            for (String service : SERVICE_PORTS.keySet()) {
                Map<String, Object> deployment = find(Yamls.parseAll(read(ROOT.resolve("k8s/base").resolve(service + ".yaml"))), "Deployment", service);
                assertThat(ManifestChecks.env(ManifestChecks.container(deployment))).as(service).containsEntry("JAVA_TOOL_OPTIONS", JAVA_TOOL_OPTIONS);
            }
        }

        @Test
        void theDockerfileRefusesToBuildWithoutItsBuildArgs() {
            assertThat(read(SERVICE_DOCKERFILE)).containsPattern("(?m)^RUN \\[ -n \"\\$SERVICE\" ] && \\[ -n \"\\$PORT\" ]");
            String withoutArgs = Dockerfiles.instantiate(read(SERVICE_DOCKERFILE), Map.of());
            assertThat(withoutArgs).contains("COPY target/.jar application.jar", "ENV SERVER_PORT= ").containsPattern("(?m)^EXPOSE 9090$");
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
            map(services.get("identity-service")).put("build", Map.of("context", "./gateway", "dockerfile", "../docker/service.Dockerfile",
                    "args", Map.of("SERVICE", "identity-service", "PORT", "8081")));
            map(map(services.get("questionnaire-service")).get("build")).remove("dockerfile");
            map(map(map(services.get("notification-service")).get("build")).get("args")).put("PORT", "8080");

            assertThat(composeProblems(compose)).containsExactlyInAnyOrder(
                    "messaging-service: missing from compose",
                    "dossier-service: environment lacks IDENTITY_SERVICE_URL",
                    "notification-service: depends_on maildev with condition service_healthy missing",
                    "document-service: port 8084:8084 not published, got [9999:8084]",
                    "gateway: DOSSIER_SERVICE_URL is http://dossier-service:9999, expected http://dossier-service:8082",
                    "identity-service: build context is ./gateway, expected ./identity-service",
                    "questionnaire-service: built from questionnaire-service/Dockerfile, expected docker/service.Dockerfile",
                    "notification-service: build args {SERVICE=notification-service, PORT=8080}, expected SERVICE=notification-service PORT=8086");
        }

        @Test
        void composeWhereAServiceWouldSeeAnotherKeycloakIssuer() {
            Map<String, Object> compose = parse(read(COMPOSE));
            map(map(map(compose.get("services")).get("keycloak")).get("environment")).put("KC_HOSTNAME", "http://localhost:8180");
            assertThat(composeInfrastructureProblems(compose)).hasSize(SERVICE_PORTS.size())
                    .allMatch(p -> p.contains("issuer mismatch"));
        }

        @Test
        void dockerfileRunningAsRootOnTheWrongPortWithoutTheAotCache() {
            String dockerfile = Dockerfiles.instantiate("""
                    FROM eclipse-temurin:25-jre
                    COPY target/dossier-service.jar app.jar
                    ENV SERVER_PORT=8082 JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=80"
                    EXPOSE 8080
                    ENTRYPOINT ["java", "-jar", "app.jar"]
                    """, Map.of());
            assertThat(dockerfileProblems("dossier-service", dockerfile)).containsExactlyInAnyOrder(
                    "dossier-service: last USER must be 10001",
                    "dossier-service: must EXPOSE 8082",
                    "dossier-service: JAVA_TOOL_OPTIONS must be the manifests' " + JAVA_TOOL_OPTIONS,
                    "dossier-service: no AOT cache training run (java -XX:MaxRAM=1g -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh ... -jar application.jar)",
                    "dossier-service: ENTRYPOINT must be [\"java\", \"-XX:AOTCache=app.aot\", \"-jar\", \"application.jar\"]");
        }

        @Test
        void aBuildArgNotDeclaredAgainInTheRuntimeStageIsEmptyThere() {
            // PORT declared in the first stage only: Docker's second stage sees no PORT (SERVER_PORT and EXPOSE empty)
            String dockerfile = read(SERVICE_DOCKERFILE);
            int runtime = dockerfile.lastIndexOf("\nFROM ");
            String broken = dockerfile.substring(0, runtime) + dockerfile.substring(runtime).replaceFirst("\nARG PORT\n", "\n");
            assertThat(broken).isNotEqualTo(dockerfile);
            assertThat(dockerfileProblems("gateway", Dockerfiles.instantiate(broken, Map.of("SERVICE", "gateway", "PORT", "8080"))))
                    .containsExactlyInAnyOrder("gateway: must EXPOSE 8080", "gateway: must set SERVER_PORT=8080");
            // and a service built with another's port
            assertThat(dockerfileProblems("gateway", Dockerfiles.instantiate(dockerfile, Map.of("SERVICE", "gateway", "PORT", "8081"))))
                    .containsExactlyInAnyOrder("gateway: must EXPOSE 8080", "gateway: must set SERVER_PORT=8080");
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

    static Map<String, Object> map(Object value) {
        return Yamls.map(value);
    }

    static List<Object> list(Object value) {
        return Yamls.list(value);
    }

    static Map<String, Integer> orderedMap(Object... keysAndValues) {
        Map<String, Integer> result = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            result.put((String) keysAndValues[i], (Integer) keysAndValues[i + 1]);
        }
        return result;
    }
}
