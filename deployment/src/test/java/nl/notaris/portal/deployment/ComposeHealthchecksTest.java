package nl.notaris.portal.deployment;

import static nl.notaris.portal.deployment.Yamls.list;
import static nl.notaris.portal.deployment.Yamls.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml's healthchecks call only programs their image has (the services' eclipse-temurin
 * JRE and Keycloak's image have bash but neither curl nor wget), and each service's healthcheck, run
 * with bash exactly as Docker would, succeeds against a server whose readiness is UP and fails when it
 * is DOWN or when nothing listens.
 */
class ComposeHealthchecksTest {

    /**
     * What each image offers a healthcheck (besides shell builtins). Base images by their name; the
     * services' images are built FROM eclipse-temurin:25-jre (Ubuntu: bash, coreutils, grep; no curl,
     * no wget), Keycloak's on UBI micro (bash, coreutils, grep; no curl), MailDev's on Node.
     */
    static final Map<String, Set<String>> IMAGE_PROGRAMS = Map.of(
            "eclipse-temurin:25-jre", Set.of("bash", "sh", "java", "head", "grep", "cat", "sleep"),
            "quay.io/keycloak/keycloak", Set.of("bash", "sh", "grep", "cat", "head"),
            "mongo", Set.of("mongosh", "bash", "sh"),
            "apache/kafka", Set.of("sh", "bash", "/opt/kafka/bin/kafka-broker-api-versions.sh"),
            "maildev/maildev", Set.of("node", "sh"));

    static final Set<String> SHELL_BUILTINS = Set.of("exec", "printf", "read", "[[", "test", "echo", "true", "false", "exit", "[");

    static Map<String, Object> compose() {
        return Yamls.parse(Yamls.read(ProjectFacts.ROOT.resolve("docker-compose.yml")));
    }

    /** The image a service runs: its Dockerfile's base for a built one, else its image without the tag. */
    static String baseImage(String name, Map<String, Object> service) {
        if (service.containsKey("build")) {
            Map<String, Object> build = map(service.get("build"));
            String dockerfile = Dockerfiles.instantiate(Yamls.read(ProjectFacts.ROOT.resolve(String.valueOf(build.get("context")))
                    .resolve(String.valueOf(build.getOrDefault("dockerfile", "Dockerfile")))), Map.of());
            List<String> froms = new ArrayList<>();
            Matcher m = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(dockerfile);
            while (m.find()) froms.add(m.group(1));
            return froms.getLast();
        }
        String image = String.valueOf(service.get("image"));
        return image.contains(":") ? image.substring(0, image.lastIndexOf(':')) : image;
    }

    /** The programs a healthcheck test starts: CMD's first word, or every command of a shell script. */
    static Set<String> programs(List<Object> test) {
        Set<String> programs = new LinkedHashSet<>();
        String form = String.valueOf(test.getFirst());
        List<String> args = test.subList(1, test.size()).stream().map(String::valueOf).toList();
        String script = null;
        if (form.equals("CMD-SHELL")) {
            programs.add("sh");
            script = String.join(" ", args);
        } else if (form.equals("CMD")) {
            programs.add(args.getFirst());
            if (List.of("bash", "sh").contains(args.getFirst()) && args.size() > 2 && args.get(1).equals("-c")) {
                script = args.get(2);
            }
        }
        if (script != null) {
            String withoutQuotes = script.replaceAll("'[^']*'", "''").replaceAll("\"[^\"]*\"", "\"\"");
            for (String command : withoutQuotes.split("&&|\\|\\||\\||;")) {
                String first = command.trim().split("\\s+")[0];
                if (!first.isEmpty() && !SHELL_BUILTINS.contains(first) && !first.startsWith("$") && !first.contains("=")) {
                    programs.add(first);
                }
            }
        }
        return programs;
    }

    static List<String> programProblems(Map<String, Object> compose) {
        List<String> problems = new ArrayList<>();
        for (var entry : map(compose.get("services")).entrySet()) {
            Map<String, Object> service = map(entry.getValue());
            List<Object> test = list(map(service.get("healthcheck")).get("test"));
            if (test.isEmpty()) {
                continue;
            }
            String image = baseImage(entry.getKey(), service);
            Set<String> available = IMAGE_PROGRAMS.getOrDefault(image, Set.of());
            for (String program : programs(test)) {
                if (!available.contains(program)) {
                    problems.add(entry.getKey() + ": healthcheck calls " + program + ", which image " + image + " does not have");
                }
            }
            if (String.valueOf(test).matches("(?s).*\\b(curl|wget)\\b.*")) {
                problems.add(entry.getKey() + ": healthcheck uses curl or wget");
            }
        }
        return problems;
    }

    /** Runs a service's healthcheck as Docker would (compose's $$ is a literal $), against another port. */
    static int run(List<Object> test, int composePort, int port) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        for (Object arg : test.subList(1, test.size())) {
            command.add(String.valueOf(arg).replace("$$", "$").replace("/dev/tcp/127.0.0.1/" + composePort, "/dev/tcp/127.0.0.1/" + port));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    static HttpServer readiness(int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/actuator/health/readiness", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.spring-boot.actuator.v3+json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    @Test
    void everyHealthcheckCallsOnlyProgramsItsImageHas() {
        assertThat(programProblems(compose())).isEmpty();
    }

    @Test
    void eachServiceHealthcheckPassesOnUpAndFailsOnDownOrNoServer() throws Exception {
        Map<String, Object> services = map(compose().get("services"));
        HttpServer up = readiness(200, "{\"status\":\"UP\"}");
        HttpServer down = readiness(503, "{\"status\":\"OUT_OF_SERVICE\"}");
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        try {
            for (var entry : ProjectFacts.SERVICE_PORTS.entrySet()) {
                List<Object> test = list(map(map(services.get(entry.getKey())).get("healthcheck")).get("test"));
                assertThat(run(test, entry.getValue(), up.getAddress().getPort())).as(entry.getKey() + " against UP").isZero();
                assertThat(run(test, entry.getValue(), down.getAddress().getPort())).as(entry.getKey() + " against DOWN").isNotZero();
                assertThat(run(test, entry.getValue(), closed)).as(entry.getKey() + " with nothing listening").isNotZero();
            }
        } finally {
            up.stop(0);
            down.stop(0);
        }
    }

    @Nested
    class CheckersRejectBrokenInput {

        @Test
        void aHealthcheckWithCurlOrAProgramTheImageLacks() {
            Map<String, Object> compose = compose();
            Map<String, Object> services = map(compose.get("services"));
            map(map(services.get("dossier-service")).get("healthcheck"))
                    .put("test", List.of("CMD", "curl", "-fsS", "http://localhost:8082/actuator/health/readiness"));
            map(map(services.get("gateway")).get("healthcheck"))
                    .put("test", List.of("CMD-SHELL", "wget -q -O - http://127.0.0.1:8080/actuator/health/readiness || exit 1"));
            map(map(services.get("keycloak")).get("healthcheck")).put("test", List.of("CMD", "bash", "-c", "nc -z 127.0.0.1 9000"));
            assertThat(programProblems(compose)).containsExactlyInAnyOrder(
                    "dossier-service: healthcheck calls curl, which image eclipse-temurin:25-jre does not have",
                    "dossier-service: healthcheck uses curl or wget",
                    "gateway: healthcheck calls wget, which image eclipse-temurin:25-jre does not have",
                    "gateway: healthcheck uses curl or wget",
                    "keycloak: healthcheck calls nc, which image quay.io/keycloak/keycloak does not have");
        }

        @Test
        void aHealthcheckThatOnlyOpensTheConnectionPassesOnDown() throws Exception {
            HttpServer down = readiness(503, "{\"status\":\"OUT_OF_SERVICE\"}");
            try {
                List<Object> onlyConnects = List.of("CMD", "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8082");
                assertThat(run(onlyConnects, 8082, down.getAddress().getPort())).as("such a check cannot tell DOWN from UP").isZero();
            } finally {
                down.stop(0);
            }
        }
    }
}
