package nl.notaris.portal.deployment;

import static nl.notaris.portal.deployment.Yamls.at;

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
import java.util.TreeMap;
import java.util.TreeSet;
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

    /** Topic → partitions, from the services' declarations (the highest where two declare one). */
    static Map<String, Integer> declaredTopics() {
        Map<String, Integer> topics = new TreeMap<>();
        Map<String, String> constants = constants();
        for (Path source : mainSources()) {
            declarations(source, constants).forEach((topic, partitions) -> topics.merge(topic, partitions, Math::max));
        }
        return topics;
    }

    /**
     * The topics one source declares: with support's EventTopics.declare(…), each named topic and its
     * {@code .dlt}, with EventTopics' partitions; with a TopicBuilder bean of its own, as it says.
     */
    private static Map<String, Integer> declarations(Path source, Map<String, String> constants) {
        Map<String, Integer> topics = new TreeMap<>();
        String text = Yamls.read(source);
        Matcher matcher = Pattern.compile("TopicBuilder\\.name\\(([^)]+)\\)\\.partitions\\((\\d+)\\)").matcher(text);
        while (matcher.find()) {
            topics.put(resolve(matcher.group(1), source, constants), Integer.parseInt(matcher.group(2)));
        }
        Matcher helper = Pattern.compile("EventTopics\\.declare\\(([^)]+)\\)").matcher(text);
        while (helper.find()) {
            for (String name : helper.group(1).split(",")) {
                String topic = resolve(name, source, constants);
                topics.put(topic, eventTopicsNumber("PARTITIONS"));
                topics.put(topic + ".dlt", eventTopicsNumber("DEAD_LETTER_PARTITIONS"));
            }
        }
        return topics;
    }

    /** A number support's EventTopics declares topics with, e.g. {@code PARTITIONS}. */
    private static int eventTopicsNumber(String name) {
        Matcher matcher = Pattern.compile("static final int " + name + " = (\\d+);").matcher(
                Yamls.read(ROOT.resolve("support/src/main/java/nl/notaris/portal/support/events/EventTopics.java")));
        if (!matcher.find()) {
            throw new IllegalStateException("EventTopics." + name + " not found");
        }
        return Integer.parseInt(matcher.group(1));
    }

    /** A Kafka listener of the code: its module, topics and consumer group (null: the service's default group). */
    record Listener(String module, Set<String> topics, String group) {
    }

    static List<Listener> listeners() {
        Map<String, String> constants = constants();
        Pattern annotation = Pattern.compile("@KafkaListener\\(([^)]*)\\)");
        List<Listener> listeners = new ArrayList<>();
        for (Path source : mainSources()) {
            Matcher matcher = annotation.matcher(Yamls.read(source));
            while (matcher.find()) {
                String attributes = matcher.group(1);
                Set<String> topics = new LinkedHashSet<>();
                Matcher list = Pattern.compile("topics\\s*=\\s*(\\{[^}]*}|[A-Za-z0-9_.\"]+)").matcher(attributes);
                if (list.find()) {
                    for (String topic : list.group(1).replaceAll("[{}]", "").split(",")) {
                        topics.add(resolve(topic, source, constants));
                    }
                }
                // spring-kafka: groupId, else the listener's id (unless idIsGroup = false), else the factory's group
                String group = attribute(attributes, "groupId");
                if (group == null && !attributes.matches("(?s).*idIsGroup\\s*=\\s*false.*")) {
                    group = attribute(attributes, "id");
                }
                listeners.add(new Listener(ROOT.relativize(source).getName(0).toString(), topics,
                        group == null ? null : resolve(group, source, constants)));
            }
        }
        return listeners;
    }

    private static String attribute(String attributes, String name) {
        Matcher matcher = Pattern.compile("\\b" + name + "\\s*=\\s*([A-Za-z0-9_.\"-]+)").matcher(attributes);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** The listeners a service runs: its own and, with an access replica, support's. */
    static List<Listener> listeners(String service) {
        return listeners().stream().filter(l -> l.module().equals(service)
                || l.module().equals("support") && !service.equals("gateway") && hasDossierAccessReplica(service)).toList();
    }

    /** Service → topics its listeners read (its own @KafkaListener and, with an access replica, the dossier topic). */
    static Map<String, Set<String>> consumedTopics() {
        Map<String, Set<String>> consumed = new LinkedHashMap<>();
        for (String service : SERVICE_PORTS.keySet()) {
            listeners(service).forEach(l -> consumed.computeIfAbsent(service, s -> new LinkedHashSet<>()).addAll(l.topics()));
        }
        return consumed;
    }

    /**
     * Topics a service's code publishes: the topic constants it hands to {@code events.create(…)} (the
     * outbox) or {@code kafka.send(…)}, and the staff actions' topic where it records staff actions.
     */
    static Set<String> producedTopics(String service) {
        Map<String, String> constants = constants();
        Set<String> declared = declaredTopics().keySet();
        Set<String> produced = new TreeSet<>();
        Pattern call = Pattern.compile("\\.(?:create|send)\\(([^;]*)");
        Pattern constant = Pattern.compile("\\b([A-Z][A-Za-z]*\\.[A-Z][A-Z_]*)\\b");
        for (Path source : moduleSources(service)) {
            String text = Yamls.read(source);
            Matcher calls = call.matcher(text);
            while (calls.find()) {
                Matcher names = constant.matcher(calls.group(1));
                while (names.find()) {
                    String value = constants.get(names.group(1));
                    if (value != null && declared.contains(value)) {
                        produced.add(value);
                    }
                }
            }
            if (text.contains("StaffActions") && text.contains(".recorded(")) {
                produced.add(constants.get("StaffActions.TOPIC"));
            }
        }
        return produced;
    }

    /** Topics a service declares (its own declarations, and the access replica's): Spring's KafkaAdmin describes them at start-up. */
    static Set<String> declaredTopics(String service) {
        Map<String, String> constants = constants();
        Set<String> declared = new TreeSet<>();
        List<Path> sources = new ArrayList<>(moduleSources(service));
        if (!service.equals("gateway") && hasDossierAccessReplica(service)) {
            sources.addAll(moduleSources("support").stream().filter(f -> f.toString().contains("/access/")).toList());
        }
        sources.forEach(source -> declared.addAll(declarations(source, constants).keySet()));
        return declared;
    }

    /** The consumer groups a service uses: its listeners' and, where it reads topics, the dead-letter replay's. */
    static Set<String> consumerGroups(String service) {
        Set<String> groups = new TreeSet<>();
        String application = String.valueOf(at(applicationYaml(service), "spring", "application", "name"));
        Object configured = at(applicationYaml(service), "spring", "kafka", "consumer", "group-id");
        if (configured == null && importsSharedDefaults(service)) {
            configured = at(sharedDefaults(), "spring", "kafka", "consumer", "group-id");
        }
        String defaultGroup = String.valueOf(Objects.requireNonNullElse(configured, application)).replace("${spring.application.name}", application);
        for (Listener listener : listeners(service)) {
            groups.add(listener.group() == null ? defaultGroup : listener.group());
        }
        if (!groups.isEmpty()) {
            Matcher replay = Pattern.compile("GROUP_ID_CONFIG, application \\+ \"([^\"]+)\"")
                    .matcher(Yamls.read(ROOT.resolve("support/src/main/java/nl/notaris/portal/support/events/DeadLetters.java")));
            if (!replay.find()) {
                throw new IllegalStateException("DeadLetters' consumer group not found");
            }
            groups.add(application + replay.group(1));
        }
        return groups;
    }

    /**
     * The Kafka ACLs each service's code needs, by KafkaUser {@code kafka-<service>}: "topic NAME" /
     * "group NAME" → operations. Topics it publishes: Write, Describe. Topics it reads: Read, Describe,
     * and Write (a dead-letter replay puts parked records back on the topic); their {@code .dlt}: Write
     * (parking), Read (counting and replaying), Describe. Topics it only declares: Describe (KafkaAdmin
     * checks that they exist). Its consumer groups: Read.
     */
    static Map<String, Map<String, Set<String>>> kafkaAcls() {
        Map<String, Map<String, Set<String>>> acls = new TreeMap<>();
        Map<String, Set<String>> consumed = consumedTopics();
        for (String service : SERVICE_PORTS.keySet()) {
            Map<String, Set<String>> acl = new TreeMap<>();
            java.util.function.BiConsumer<String, List<String>> grant = (resource, operations) ->
                    acl.computeIfAbsent(resource, r -> new TreeSet<>()).addAll(operations);
            declaredTopics(service).forEach(t -> grant.accept("topic " + t, List.of("Describe")));
            producedTopics(service).forEach(t -> grant.accept("topic " + t, List.of("Write", "Describe")));
            for (String topic : consumed.getOrDefault(service, Set.of())) {
                grant.accept("topic " + topic, List.of("Read", "Write", "Describe"));
                grant.accept("topic " + topic + ".dlt", List.of("Read", "Write", "Describe"));
            }
            consumerGroups(service).forEach(g -> grant.accept("group " + g, List.of("Read")));
            if (!acl.isEmpty()) {
                acls.put("kafka-" + service, acl);
            }
        }
        return acls;
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
        return Stream.concat(SERVICE_PORTS.keySet().stream(), Stream.of("support")).flatMap(m -> moduleSources(m).stream()).toList();
    }

    private static List<Path> moduleSources(String module) {
        Path main = ROOT.resolve(module).resolve("src/main/java");
        if (!Files.isDirectory(main)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(main)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
