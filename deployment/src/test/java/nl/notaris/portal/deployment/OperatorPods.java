package nl.notaris.portal.deployment;

import static nl.notaris.portal.deployment.Yamls.at;
import static nl.notaris.portal.deployment.Yamls.list;
import static nl.notaris.portal.deployment.Yamls.map;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The pods the operators make from the custom resources of a render, labelled as the operators label
 * them. They are not in the render, so the checks model them: Strimzi's brokers and entity operator,
 * the MongoDB operator's replica set members (mongod and its agent), the Keycloak operator's server
 * pods and its realm-import Job, and the Keycloak operator itself where it runs namespace-scoped beside
 * them. Also the NetworkPolicy the Keycloak operator makes from {@code spec.networkPolicy}.
 */
final class OperatorPods {

    /** Where a pod connects: another pod of this model (by name), {@link #API}, or a host name (a Service or outside). */
    record Need(String what, String to, int port) {
    }

    /**
     * One kind of pod. {@code replicas}: how many the operator keeps (0 for a Job's or one we do not
     * run); {@code services}: the Services the operator makes for them; {@code serviceAccount} and
     * {@code permissions} (resource → verbs): what the pods need in the namespace, null when the
     * operator brings it; {@code metricsPath}: scraped on port {@code management} when metrics are on.
     */
    record Pod(String name, Map<String, Object> labels, Map<String, Integer> ports, int replicas, List<String> services,
            List<Need> needs, String serviceAccount, Map<String, Set<String>> permissions, boolean needsDisruptionBudget,
            String metricsPath) {
    }

    static final String API = "the Kubernetes API";
    static final int API_PORT = 443;

    /** MongoDB operator (mongodb/mongodb-kubernetes): the database pods' account and what its agent does with it. */
    static final String MONGODB_SERVICE_ACCOUNT = "mongodb-kubernetes-appdb";
    static final Map<String, Set<String>> MONGODB_PERMISSIONS = Map.of("secrets", Set.of("get"), "pods", Set.of("get", "patch", "delete"));

    private OperatorPods() {
    }

    static List<Pod> pods(List<Map<String, Object>> docs) {
        List<Pod> pods = new ArrayList<>();
        for (Map<String, Object> kafka : ManifestChecks.ofKind(docs, "Kafka")) {
            pods.addAll(kafka(docs, kafka));
        }
        for (Map<String, Object> mongo : ManifestChecks.ofKind(docs, "MongoDBCommunity")) {
            String name = ManifestChecks.name(mongo);
            Object account = at(mongo, "spec", "statefulSet", "spec", "template", "spec", "serviceAccountName");
            pods.add(new Pod("MongoDB " + name + " members", Map.of("app", name + "-svc"), Map.of("mongodb", 27017),
                    ((Number) at(mongo, "spec", "members")).intValue(), List.of(name + "-svc"),
                    List.of(new Need("the other members", "MongoDB " + name + " members", 27017),
                            new Need(API + " (the agent's readiness probe)", API, API_PORT)),
                    account == null ? MONGODB_SERVICE_ACCOUNT : String.valueOf(account), MONGODB_PERMISSIONS, true, null));
        }
        for (Map<String, Object> keycloak : ManifestChecks.ofKind(docs, "Keycloak")) {
            pods.addAll(keycloak(docs, keycloak));
        }
        if (!ManifestChecks.ofKind(docs, "Keycloak").isEmpty()) {
            // installed namespace-scoped in this namespace (docs/operations.md), labelled as its kubernetes.yml does
            pods.add(new Pod("the Keycloak operator", Map.of("app.kubernetes.io/name", "keycloak-operator"), Map.of(), 0,
                    List.of(), List.of(new Need(API, API, API_PORT)), null, null, false, null));
        }
        return pods;
    }

    /** The pods an operator's Service selects, null when no operator makes that Service. */
    static Pod byService(List<Map<String, Object>> docs, String service) {
        return pods(docs).stream().filter(p -> p.services().contains(service)).findFirst().orElse(null);
    }

    static Pod byName(List<Pod> pods, String name) {
        return pods.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }

    private static List<Pod> kafka(List<Map<String, Object>> docs, Map<String, Object> kafka) {
        String cluster = ManifestChecks.name(kafka);
        List<Pod> pods = new ArrayList<>();
        List<String> brokers = new ArrayList<>();
        for (Map<String, Object> pool : ManifestChecks.ofKind(docs, "KafkaNodePool")) {
            if (!cluster.equals(at(pool, "metadata", "labels", "strimzi.io/cluster"))) {
                continue;
            }
            String name = "Kafka " + cluster + " nodes (pool " + ManifestChecks.name(pool) + ")";
            List<Object> roles = list(at(pool, "spec", "roles"));
            Map<String, Object> labels = new LinkedHashMap<>(Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka",
                    "strimzi.io/name", cluster + "-kafka", "strimzi.io/pool-name", ManifestChecks.name(pool)));
            roles.forEach(role -> labels.put("strimzi.io/" + role + "-role", "true"));
            List<Need> needs = new ArrayList<>(List.of(new Need("the controllers", name, 9090), new Need("the other brokers", name, 9091)));
            if (at(kafka, "spec", "kafka", "rack") != null) {
                needs.add(new Need(API + " (its node's zone)", API, API_PORT));
            }
            Map<String, Integer> ports = new LinkedHashMap<>(Map.of("tcp-ctrlplane", 9090, "tcp-replication", 9091));
            for (Object listener : list(at(kafka, "spec", "kafka", "listeners"))) {
                // Strimzi's container port names (plain and tls keep their old ones)
                String listenerName = String.valueOf(map(listener).get("name"));
                ports.put(switch (listenerName) {
                    case "plain" -> "tcp-clients";
                    case "tls" -> "tcp-clientstls";
                    default -> "tcp-" + listenerName;
                }, ((Number) map(listener).get("port")).intValue());
            }
            pods.add(new Pod(name, labels, ports, ((Number) at(pool, "spec", "replicas")).intValue(),
                    roles.contains("broker") ? List.of(cluster + "-kafka-bootstrap") : List.of(), needs, null, null, false, null));
            brokers.add(name);
        }
        if (at(kafka, "spec", "entityOperator") != null) {
            List<Need> needs = new ArrayList<>(List.of(new Need(API + " (topics, users)", API, API_PORT)));
            brokers.forEach(b -> needs.add(new Need("the brokers", b, 9091)));
            pods.add(new Pod("Strimzi entity operator of " + cluster, Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka",
                    "strimzi.io/name", cluster + "-entity-operator"), Map.of(), 1, List.of(), needs, null, null, false, null));
        }
        return pods;
    }

    private static List<Pod> keycloak(List<Map<String, Object>> docs, Map<String, Object> keycloak) {
        String name = ManifestChecks.name(keycloak);
        Map<String, Object> spec = map(keycloak.get("spec"));
        Map<String, Object> labels = serverLabels(name);
        Need database = new Need("its database", String.valueOf(at(spec, "db", "host")),
                at(spec, "db", "port") instanceof Number n ? n.intValue() : 5432);
        String server = "Keycloak " + name;
        List<Need> needs = new ArrayList<>(List.of(database, new Need("its peers (JGroups)", server, 7800),
                new Need("its peers (JGroups failure detection)", server, 57800)));
        for (Object option : list(spec.get("additionalOptions"))) {
            Object value = map(option).get("value");
            if (value instanceof String url && url.matches("https?://.*")) {
                URI uri = URI.create(url);
                needs.add(new Need(map(option).get("name") + " " + url, uri.getHost(),
                        uri.getPort() > 0 ? uri.getPort() : url.startsWith("https") ? 443 : 80));
            }
        }
        List<Pod> pods = new ArrayList<>();
        for (Map<String, Object> realmImport : ManifestChecks.ofKind(docs, "KeycloakRealmImport")) {
            if (!name.equals(at(realmImport, "spec", "keycloakCRName"))) {
                continue;
            }
            Map<String, Object> smtp = map(at(realmImport, "spec", "realm", "smtpServer"));
            if (smtp.get("host") != null) {
                needs.add(new Need("the realm's mail server", String.valueOf(smtp.get("host")), Integer.parseInt(String.valueOf(smtp.get("port")))));
            }
            Map<String, Object> jobLabels = new LinkedHashMap<>(labels);
            // the operator relabels the server's pod template so that the Job is no Keycloak server
            jobLabels.put("app", "keycloak-realm-import");
            pods.add(new Pod("the realm import " + ManifestChecks.name(realmImport), jobLabels, Map.of(), 0, List.of(),
                    List.of(database), null, null, false, null));
        }
        int httpPort = at(spec, "http", "httpPort") instanceof Number n ? n.intValue() : 8080;
        int managementPort = at(spec, "httpManagement", "port") instanceof Number n ? n.intValue() : 9000;
        pods.addFirst(new Pod(server, labels, Map.of("http", httpPort, "management", managementPort),
                ((Number) Objects.requireNonNullElse(spec.get("instances"), 1)).intValue(), List.of(name + "-service"), needs,
                null, null, true, "true".equals(option(keycloak, "metrics-enabled")) ? "/metrics" : null));
        return pods;
    }

    static Map<String, Object> serverLabels(String keycloak) {
        return Map.of("app", "keycloak", "app.kubernetes.io/managed-by", "keycloak-operator",
                "app.kubernetes.io/instance", keycloak, "app.kubernetes.io/component", "server");
    }

    static String option(Map<String, Object> keycloak, String name) {
        return list(at(keycloak, "spec", "additionalOptions")).stream().map(Yamls::map).filter(o -> name.equals(o.get("name")))
                .map(o -> String.valueOf(o.get("value"))).findFirst().orElse(null);
    }

    /**
     * The NetworkPolicy the Keycloak operator (26.x) keeps for each Keycloak unless
     * {@code spec.networkPolicy.enabled} is false: ingress to the HTTP port from {@code http}, to the
     * management port (health is always on) from {@code management} (no rules: from everywhere), and
     * JGroups from the other server pods.
     */
    static List<Map<String, Object>> networkPolicies(List<Map<String, Object>> docs) {
        List<Map<String, Object>> policies = new ArrayList<>();
        for (Map<String, Object> keycloak : ManifestChecks.ofKind(docs, "Keycloak")) {
            Map<String, Object> settings = map(at(keycloak, "spec", "networkPolicy"));
            if (Boolean.FALSE.equals(settings.get("enabled"))) {
                continue;
            }
            String name = ManifestChecks.name(keycloak);
            Pod server = byName(pods(docs), "Keycloak " + name);
            List<Object> ingress = new ArrayList<>();
            ingress.add(rule(server.ports().get("http"), settings.get("http")));
            ingress.add(rule(server.ports().get("management"), settings.get("management")));
            ingress.add(Map.of("ports", List.of(Map.of("port", 7800), Map.of("port", 57800)),
                    "from", List.of(Map.of("podSelector", Map.of("matchLabels", server.labels())))));
            policies.add(Map.of("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy",
                    "metadata", Map.of("name", name + "-network-policy"),
                    "spec", Map.of("podSelector", Map.of("matchLabels", server.labels()), "policyTypes", List.of("Ingress"),
                            "ingress", ingress)));
        }
        return policies;
    }

    private static Map<String, Object> rule(int port, Object from) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("ports", List.of(Map.of("port", port)));
        if (!list(from).isEmpty()) {
            rule.put("from", from);
        }
        return rule;
    }
}
