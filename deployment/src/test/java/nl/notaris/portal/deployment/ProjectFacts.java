package nl.notaris.portal.deployment;

import static nl.notaris.portal.deployment.Yamls.at;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the manifests must agree with, read from the services themselves (their application.yml and the
 * topics their code declares and listens to), so a change there shows up here.
 */
final class ProjectFacts {

    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** Service → application port. */
    static final Map<String, Integer> SERVICE_PORTS = new LinkedHashMap<>();

    static {
        SERVICE_PORTS.put("gateway", 8080);
        SERVICE_PORTS.put("identity-service", 8081);
        SERVICE_PORTS.put("dossier-service", 8082);
        SERVICE_PORTS.put("messaging-service", 8083);
        SERVICE_PORTS.put("document-service", 8084);
        SERVICE_PORTS.put("questionnaire-service", 8085);
        SERVICE_PORTS.put("notification-service", 8086);
    }

    static final int MANAGEMENT_PORT = 9090;

    private ProjectFacts() {
    }

    static Map<String, Object> applicationYaml(String service) {
        return Yamls.parse(Yamls.read(ROOT.resolve(service).resolve("src/main/resources/application.yml")));
    }

    static Map<String, Object> sharedDefaults() {
        return Yamls.parse(Yamls.read(ROOT.resolve("support/src/main/resources/portal-defaults.yml")));
    }

    static boolean importsSharedDefaults(String service) {
        return String.valueOf(at(applicationYaml(service), "spring", "config", "import")).contains("portal-defaults.yml");
    }

    static boolean hasDossierAccessReplica(String service) {
        return Boolean.TRUE.equals(at(applicationYaml(service), "portal", "dossier-access", "enabled"));
    }

    /** The other services a service calls: every {@code ${X_SERVICE_URL}} it reads, and dossier-service for an access replica. */
    static Set<String> calledServices(String service) {
        Set<String> called = new LinkedHashSet<>();
        Matcher matcher = Pattern.compile("\\$\\{([A-Z]+)_SERVICE_URL").matcher(Yamls.read(ROOT.resolve(service).resolve("src/main/resources/application.yml")));
        while (matcher.find()) {
            called.add(matcher.group(1).toLowerCase() + "-service");
        }
        if (hasDossierAccessReplica(service)) {
            called.add("dossier-service");
        }
        called.remove(service);
        return called;
    }

    /** Health groups the service answers: liveness and readiness (probes enabled) and any configured group. */
    static Set<String> healthGroups(String service) {
        Map<String, Object> app = applicationYaml(service);
        Set<String> groups = new LinkedHashSet<>();
        for (Map<String, Object> source : importsSharedDefaults(service) ? List.of(sharedDefaults(), app) : List.of(app)) {
            if (Boolean.TRUE.equals(at(source, "management", "endpoint", "health", "probes", "enabled"))) {
                groups.addAll(List.of("liveness", "readiness"));
            }
            groups.addAll(Yamls.map(at(source, "management", "endpoint", "health", "group")).keySet());
        }
        return groups;
    }

    /** Kafka listener threads per pod (spring.kafka.listener.concurrency, default 1). */
    static int listenerConcurrency(String service) {
        Object concurrency = at(applicationYaml(service), "spring", "kafka", "listener", "concurrency");
        return concurrency instanceof Number n ? n.intValue() : 1;
    }

    /** Topic → partitions, from the services' TopicBuilder beans (the highest where two declare one). */
    static Map<String, Integer> declaredTopics() {
        Map<String, Integer> topics = new TreeMap<>();
        Map<String, String> constants = constants();
        Pattern builder = Pattern.compile("TopicBuilder\\.name\\(([^)]+)\\)\\.partitions\\((\\d+)\\)");
        for (Path source : mainSources()) {
            Matcher matcher = builder.matcher(Yamls.read(source));
            while (matcher.find()) {
                String topic = resolve(matcher.group(1), source, constants);
                topics.merge(topic, Integer.parseInt(matcher.group(2)), Math::max);
            }
        }
        return topics;
    }

    /** Service → topics its listeners read (its own @KafkaListener and, with an access replica, the dossier topic). */
    static Map<String, Set<String>> consumedTopics() {
        Map<String, String> constants = constants();
        Pattern listener = Pattern.compile("@KafkaListener\\([^)]*topics\\s*=\\s*([A-Za-z0-9_.\"]+)");
        Set<String> replicaTopics = new LinkedHashSet<>();
        Map<String, Set<String>> consumed = new LinkedHashMap<>();
        for (Path source : mainSources()) {
            Matcher matcher = listener.matcher(Yamls.read(source));
            while (matcher.find()) {
                String topic = resolve(matcher.group(1), source, constants);
                String module = ROOT.relativize(source).getName(0).toString();
                if (module.equals("support")) {
                    replicaTopics.add(topic);
                } else {
                    consumed.computeIfAbsent(module, m -> new LinkedHashSet<>()).add(topic);
                }
            }
        }
        for (String service : SERVICE_PORTS.keySet()) {
            if (!service.equals("gateway") && hasDossierAccessReplica(service)) {
                consumed.computeIfAbsent(service, m -> new LinkedHashSet<>()).addAll(replicaTopics);
            }
        }
        return consumed;
    }

    private static String resolve(String expression, Path source, Map<String, String> constants) {
        String e = expression.trim();
        if (e.startsWith("\"")) {
            return e.substring(1, e.length() - 1);
        }
        String simple = e.contains(".") ? e : source.getFileName().toString().replace(".java", "") + "." + e;
        String concat = null;
        if (e.contains("+")) {
            String[] parts = e.split("\\+");
            concat = resolve(parts[0], source, constants) + parts[1].trim().replace("\"", "");
        }
        String value = concat != null ? concat : constants.get(simple);
        if (value == null) {
            throw new IllegalStateException("cannot resolve topic " + expression + " in " + source);
        }
        return value;
    }

    /** Class.CONSTANT → value for every {@code static final String X = "..."} in the main sources. */
    private static Map<String, String> constants() {
        Map<String, String> constants = new LinkedHashMap<>();
        Pattern constant = Pattern.compile("static final String ([A-Z_]+) = \"([^\"]+)\";");
        Pattern alias = Pattern.compile("static final String ([A-Z_]+) = ([A-Za-z]+\\.[A-Z_]+);");
        for (Path source : mainSources()) {
            String className = source.getFileName().toString().replace(".java", "");
            Matcher matcher = constant.matcher(Yamls.read(source));
            while (matcher.find()) {
                constants.put(className + "." + matcher.group(1), matcher.group(2));
            }
        }
        for (Path source : mainSources()) {
            String className = source.getFileName().toString().replace(".java", "");
            Matcher matcher = alias.matcher(Yamls.read(source));
            while (matcher.find()) {
                if (constants.containsKey(matcher.group(2))) {
                    constants.put(className + "." + matcher.group(1), constants.get(matcher.group(2)));
                }
            }
        }
        return constants;
    }

    private static List<Path> mainSources() {
        List<String> modules = Stream.concat(SERVICE_PORTS.keySet().stream(), Stream.of("support")).toList();
        return modules.stream().flatMap(module -> {
            Path main = ROOT.resolve(module).resolve("src/main/java");
            if (!Files.isDirectory(main)) {
                return Stream.empty();
            }
            try (Stream<Path> files = Files.walk(main)) {
                return files.filter(f -> f.toString().endsWith(".java")).toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }
}
