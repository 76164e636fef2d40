package nl.notaris.portal.deployment;

import static nl.notaris.portal.deployment.Yamls.at;
import static nl.notaris.portal.deployment.Yamls.list;
import static nl.notaris.portal.deployment.Yamls.map;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.notaris.portal.deployment.NetworkPolicies.Endpoint;

/**
 * What an operator relies on in a rendered overlay. Every check is a function from the rendered
 * documents to a list of problems, used on the real renders (no problems expected) and on
 * deliberately broken ones (the problem must be found).
 */
final class ManifestChecks {

    static final String PART_OF = "app.kubernetes.io/part-of";
    static final List<String> POD_LABELS = List.of("app.kubernetes.io/name", "app.kubernetes.io/instance",
            "app.kubernetes.io/component", PART_OF, "app.kubernetes.io/version");
    static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet");

    private ManifestChecks() {
    }

    // --- finding things -------------------------------------------------------------------------------

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    static Map<String, Object> find(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(at(d, "metadata", "name")))
                .findFirst().orElse(Map.of());
    }

    static String name(Map<String, Object> doc) {
        return String.valueOf(at(doc, "metadata", "name"));
    }

    static String id(Map<String, Object> doc) {
        return doc.get("kind") + " " + name(doc);
    }

    static List<Map<String, Object>> workloads(List<Map<String, Object>> docs) {
        return docs.stream().filter(d -> WORKLOADS.contains(d.get("kind"))).toList();
    }

    static List<Map<String, Object>> portalDeployments(List<Map<String, Object>> docs) {
        return ofKind(docs, "Deployment").stream().filter(d -> "notary-portal".equals(at(d, "metadata", "labels", PART_OF))).toList();
    }

    static Map<String, Object> podLabels(Map<String, Object> workload) {
        return map(at(workload, "spec", "template", "metadata", "labels"));
    }

    static Map<String, Object> container(Map<String, Object> workload) {
        return map(list(at(workload, "spec", "template", "spec", "containers")).stream().findFirst().orElse(null));
    }

    static Map<String, Object> env(Map<String, Object> container) {
        Map<String, Object> env = new LinkedHashMap<>();
        for (Object e : list(container.get("env"))) {
            env.put(String.valueOf(map(e).get("name")), map(e).containsKey("value") ? map(e).get("value") : map(e).get("valueFrom"));
        }
        return env;
    }

    static String namespace(List<Map<String, Object>> docs) {
        return docs.stream().map(d -> at(d, "metadata", "namespace")).filter(Objects::nonNull).map(String::valueOf)
                .findFirst().orElse("default");
    }

    static Map<String, Object> configData(List<Map<String, Object>> docs) {
        return map(find(docs, "ConfigMap", "portal-config").get("data"));
    }

    /** A container port by name or number, null when the container has none such. */
    static Integer containerPort(Map<String, Object> container, Object port) {
        for (Object p : list(container.get("ports"))) {
            Map<String, Object> cp = map(p);
            if (Objects.equals(cp.get("name"), port) || Objects.equals(cp.get("containerPort"), port)) {
                return ((Number) cp.get("containerPort")).intValue();
            }
        }
        return null;
    }

    // --- the checks -----------------------------------------------------------------------------------

    /** Workload selectors select their own template; PDB selectors select some pod (of the render or an operator's). */
    static List<String> selectorProblems(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> workload : workloads(docs)) {
            Map<String, Object> selector = map(at(workload, "spec", "selector"));
            if (selector.isEmpty() || !Selectors.matches(selector, podLabels(workload))) {
                problems.add(id(workload) + ": spec.selector " + selector + " does not select its pod template " + podLabels(workload));
            }
        }
        for (Map<String, Object> pdb : ofKind(docs, "PodDisruptionBudget")) {
            Map<String, Object> selector = map(at(pdb, "spec", "selector"));
            if (workloads(docs).stream().noneMatch(w -> Selectors.matches(selector, podLabels(w)))
                    && OperatorPods.pods(docs).stream().noneMatch(p -> Selectors.matches(selector, p.labels()))) {
                problems.add(id(pdb) + ": selector " + selector + " selects no pod");
            }
        }
        return problems;
    }

    /** Services select pods, their target ports exist there, and no Service exposes a management port. */
    static List<String> serviceProblems(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> service : ofKind(docs, "Service")) {
            Map<String, Object> selector = map(at(service, "spec", "selector"));
            List<Map<String, Object>> selected = workloads(docs).stream().filter(w -> Selectors.selects(selector, podLabels(w))).toList();
            if (selected.isEmpty()) {
                problems.add(id(service) + ": selector " + selector + " selects no pod");
                continue;
            }
            for (Object p : list(at(service, "spec", "ports"))) {
                Object target = map(p).getOrDefault("targetPort", map(p).get("port"));
                for (Map<String, Object> workload : selected) {
                    Integer port = containerPort(container(workload), target);
                    if (port == null) {
                        problems.add(id(service) + ": targetPort " + target + " is no port of " + id(workload));
                    } else if (port == ProjectFacts.MANAGEMENT_PORT || "management".equals(target)) {
                        problems.add(id(service) + ": exposes the management port " + target);
                    }
                }
            }
        }
        return problems;
    }

    /** Ingress backends are Services of the render (or of an operator) with that port; the portal's goes to the gateway. */
    static List<String> ingressProblems(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> ingress : ofKind(docs, "Ingress")) {
            for (Object rule : list(at(ingress, "spec", "rules"))) {
                for (Object path : list(at(rule, "http", "paths"))) {
                    Map<String, Object> backend = map(at(path, "backend", "service"));
                    String serviceName = String.valueOf(backend.get("name"));
                    Object port = map(backend.get("port")).containsKey("name") ? map(backend.get("port")).get("name")
                            : map(backend.get("port")).get("number");
                    if (name(ingress).equals("portal") && !"gateway".equals(serviceName)) {
                        problems.add(id(ingress) + ": path " + map(path).get("path") + " goes to " + serviceName + ", not the gateway");
                    }
                    Map<String, Object> service = find(docs, "Service", serviceName);
                    if (service.isEmpty()) {
                        if (OperatorPods.byService(docs, serviceName) == null) {
                            problems.add(id(ingress) + ": backend Service " + serviceName + " does not exist");
                        }
                        continue;
                    }
                    boolean portOk = list(at(service, "spec", "ports")).stream().map(Yamls::map)
                            .anyMatch(p -> Objects.equals(p.get("name"), port) || Objects.equals(p.get("port"), port));
                    if (!portOk) {
                        problems.add(id(ingress) + ": backend " + serviceName + " has no port " + port);
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Every portal pod: the ports Spring opens (SERVER_PORT, MANAGEMENT_SERVER_PORT) are the container's
     * declared ports `http` and `management`, and those are the service's ports.
     */
    static List<String> portProblems(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> deployment : portalDeployments(docs)) {
            String service = name(deployment);
            Map<String, Object> container = container(deployment);
            Map<String, Integer> expected = new LinkedHashMap<>();
            expected.put("http", ProjectFacts.SERVICE_PORTS.get(service));
            expected.put("management", ProjectFacts.MANAGEMENT_PORT);
            Map<String, String> variables = Map.of("http", "SERVER_PORT", "management", "MANAGEMENT_SERVER_PORT");
            for (var port : expected.entrySet()) {
                Integer declared = containerPort(container, port.getKey());
                Object variable = env(container).get(variables.get(port.getKey()));
                if (declared == null || !String.valueOf(declared).equals(String.valueOf(variable))) {
                    problems.add(service + ": " + variables.get(port.getKey()) + " " + variable + " is not its container port `"
                            + port.getKey() + "` (" + declared + ")");
                }
                if (declared != null && port.getValue() != null && !declared.equals(port.getValue())) {
                    problems.add(service + ": container port `" + port.getKey() + "` " + declared + ", the service's is " + port.getValue());
                }
            }
        }
        return problems;
    }

    /** Every portal pod: probes GET an actuator health group the service has, on the management port. */
    static List<String> probeProblems(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> deployment : portalDeployments(docs)) {
            String service = name(deployment);
            Map<String, Object> container = container(deployment);
            Set<String> groups = ProjectFacts.SERVICE_PORTS.containsKey(service) ? ProjectFacts.healthGroups(service) : Set.of();
            Map<String, String> expected = Map.of("startupProbe", "liveness", "livenessProbe", "liveness", "readinessProbe", "readiness");
            for (var probe : expected.entrySet()) {
                Map<String, Object> get = map(at(container, probe.getKey(), "httpGet"));
                String path = String.valueOf(get.get("path"));
                String group = path.startsWith("/actuator/health/") ? path.substring("/actuator/health/".length()) : null;
                if (get.isEmpty()) {
                    problems.add(service + ": no " + probe.getKey() + " with httpGet");
                    continue;
                }
                if (group == null || !groups.contains(group)) {
                    problems.add(service + ": " + probe.getKey() + " GETs " + path + ", not one of its health groups " + groups);
                } else if (!group.equals(probe.getValue())) {
                    problems.add(service + ": " + probe.getKey() + " should GET /actuator/health/" + probe.getValue() + ", not " + path);
                }
                Integer port = containerPort(container, get.get("port"));
                if (port == null || port != ProjectFacts.MANAGEMENT_PORT) {
                    problems.add(service + ": " + probe.getKey() + " is on port " + get.get("port") + ", not the management port");
                }
            }
        }
        return problems;
    }

    /** An image reference split as kustomize and the kubelet read it: name[:tag][@digest]. */
    record ImageRef(String name, String tag, String digest) {
        static ImageRef parse(String image) {
            String name = image;
            String digest = null;
            int at = name.indexOf('@');
            if (at >= 0) {
                digest = name.substring(at + 1);
                name = name.substring(0, at);
            }
            String tag = null;
            int colon = name.lastIndexOf(':');
            if (colon > name.lastIndexOf('/')) {
                tag = name.substring(colon + 1);
                name = name.substring(0, colon);
            }
            return new ImageRef(name, tag, digest);
        }

        /** A digest as a registry answers it: sha256 and 64 hex digits. */
        boolean pinnedByDigest() {
            return digest != null && digest.matches("sha256:[0-9a-f]{64}");
        }
    }

    /** Every image anywhere in the render, by the resource that names it (containers, and e.g. a Keycloak's spec.image). */
    static Map<String, List<String>> images(List<Map<String, Object>> docs) {
        Map<String, List<String>> images = new LinkedHashMap<>();
        for (Map<String, Object> doc : docs) {
            List<String> found = new ArrayList<>();
            collectImages(doc, found);
            if (!found.isEmpty()) {
                images.put(id(doc), found);
            }
        }
        return images;
    }

    private static void collectImages(Object node, List<String> found) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if ("image".equals(k) && v instanceof String image) {
                    found.add(image);
                } else {
                    collectImages(v, found);
                }
            });
        } else if (node instanceof List<?> l) {
            l.forEach(item -> collectImages(item, found));
        }
    }

    /** Every image anywhere is pinned: a tag that is not latest, or a digest. */
    static List<String> imageProblems(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        images(docs).forEach((id, images) -> images.forEach(image -> {
            ImageRef ref = ImageRef.parse(image);
            if (ref.digest() == null && (ref.tag() == null || ref.tag().equals("latest"))) {
                problems.add(id + ": image " + image + " is not pinned to a tag or digest");
            }
        }));
        return problems;
    }

    /**
     * Production: every image is pinned by its digest (sha256 and 64 hex digits), as k8s/release-images.sh writes it; a tag
     * alone may be moved to another image. {@link Preflight#UNRELEASED} marks an image not released from this checkout yet,
     * reported as such (k8s/preflight.sh refuses the apply on it).
     */
    static List<String> releaseProblems(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        images(docs).forEach((id, images) -> images.forEach(image -> {
            ImageRef ref = ImageRef.parse(image);
            if (Preflight.UNRELEASED.equals(ref.digest())) {
                problems.add(id + ": image " + image + " is not released yet (k8s/release-images.sh pushes it and writes its digest)");
            } else if (!ref.pinnedByDigest()) {
                problems.add(id + ": image " + image + " is not pinned by digest (@sha256: and 64 hex digits)");
            }
        }));
        return problems;
    }

    /** HPAs scale an existing Deployment that has no replicas of its own, with a scale-up stabilisation. */
    static List<String> autoscalerProblems(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> hpa : ofKind(docs, "HorizontalPodAutoscaler")) {
            Map<String, Object> ref = map(at(hpa, "spec", "scaleTargetRef"));
            Map<String, Object> target = find(docs, String.valueOf(ref.get("kind")), String.valueOf(ref.get("name")));
            if (target.isEmpty()) {
                problems.add(id(hpa) + ": scaleTargetRef " + ref.get("kind") + " " + ref.get("name") + " does not exist");
            } else if (map(target.get("spec")).containsKey("replicas")) {
                problems.add(id(target) + ": has spec.replicas next to " + id(hpa) + " (every apply would reset the autoscaler's count)");
            }
            Object window = at(hpa, "spec", "behavior", "scaleUp", "stabilizationWindowSeconds");
            if (!(window instanceof Number n) || n.intValue() < 120) {
                problems.add(id(hpa) + ": behavior.scaleUp.stabilizationWindowSeconds must be at least 120 (JVM warm-up), got " + window);
            }
            Object min = at(hpa, "spec", "minReplicas");
            Object max = at(hpa, "spec", "maxReplicas");
            if (min instanceof Number a && max instanceof Number b && a.intValue() > b.intValue()) {
                problems.add(id(hpa) + ": minReplicas " + min + " above maxReplicas " + max);
            }
        }
        return problems;
    }

    /**
     * Node drains can go on and nothing goes down with one: no PodDisruptionBudget asks for as many
     * available pods as its pods' minimum count (the HPA's minReplicas, the Deployment's replicas or
     * the operator's count), which would block every eviction. In production every HPA keeps at least 2
     * pods, and every portal Deployment and every operator-made pod that the operator leaves to us
     * (Strimzi makes its own) has a PodDisruptionBudget.
     */
    static List<String> disruptionProblems(List<Map<String, Object>> docs, boolean production) {
        List<String> problems = new ArrayList<>();
        List<OperatorPods.Pod> operatorPods = OperatorPods.pods(docs);
        for (Map<String, Object> pdb : ofKind(docs, "PodDisruptionBudget")) {
            Map<String, Object> selector = map(at(pdb, "spec", "selector"));
            List<Integer> counts = new ArrayList<>();
            workloads(docs).stream().filter(w -> Selectors.matches(selector, podLabels(w))).forEach(w -> counts.add(minimumPods(docs, w)));
            operatorPods.stream().filter(p -> p.replicas() > 0 && Selectors.matches(selector, p.labels())).forEach(p -> counts.add(p.replicas()));
            if (counts.isEmpty()) {
                continue;
            }
            int pods = counts.stream().mapToInt(Integer::intValue).sum();
            Object minAvailable = at(pdb, "spec", "minAvailable");
            Object maxUnavailable = at(pdb, "spec", "maxUnavailable");
            if (minAvailable != null && podCount(minAvailable, pods) >= pods) {
                problems.add(id(pdb) + ": minAvailable " + minAvailable + " with as few as " + pods + " pods blocks every node drain");
            }
            if (maxUnavailable != null && podCount(maxUnavailable, pods) < 1) {
                problems.add(id(pdb) + ": maxUnavailable " + maxUnavailable + " blocks every node drain");
            }
        }
        if (production) {
            for (Map<String, Object> hpa : ofKind(docs, "HorizontalPodAutoscaler")) {
                Object min = at(hpa, "spec", "minReplicas");
                if (!(min instanceof Number n) || n.intValue() < 2) {
                    problems.add(id(hpa) + ": minReplicas " + Objects.requireNonNullElse(min, 1)
                            + " in production; at least 2 keep the service up through a node drain or a crash");
                }
            }
            for (Map<String, Object> deployment : portalDeployments(docs)) {
                if (ofKind(docs, "PodDisruptionBudget").stream().noneMatch(b -> Selectors.matches(map(at(b, "spec", "selector")), podLabels(deployment)))) {
                    problems.add(name(deployment) + ": no PodDisruptionBudget");
                }
            }
            for (OperatorPods.Pod pod : operatorPods) {
                if (pod.needsDisruptionBudget() && ofKind(docs, "PodDisruptionBudget").stream()
                        .noneMatch(b -> Selectors.matches(map(at(b, "spec", "selector")), pod.labels()))) {
                    problems.add(pod.name() + ": no PodDisruptionBudget (a node drain could take several at once)");
                }
            }
        }
        return problems;
    }

    /** The fewest pods a workload runs: its HPA's minReplicas, else its replicas (default 1). */
    static int minimumPods(List<Map<String, Object>> docs, Map<String, Object> workload) {
        for (Map<String, Object> hpa : ofKind(docs, "HorizontalPodAutoscaler")) {
            if (name(workload).equals(at(hpa, "spec", "scaleTargetRef", "name")) && workload.get("kind").equals(at(hpa, "spec", "scaleTargetRef", "kind"))) {
                return at(hpa, "spec", "minReplicas") instanceof Number n ? n.intValue() : 1;
            }
        }
        return at(workload, "spec", "replicas") instanceof Number n ? n.intValue() : 1;
    }

    /** A PDB's count (an integer or a percentage of pods, rounded up as Kubernetes does). */
    private static int podCount(Object value, int pods) {
        String text = String.valueOf(value);
        return text.endsWith("%") ? (int) Math.ceil(pods * Integer.parseInt(text.substring(0, text.length() - 1)) / 100.0)
                : Integer.parseInt(text);
    }

    /**
     * A consumer service never runs more listener threads than a topic it reads has partitions:
     * maxReplicas x listener concurrency ≤ partitions. Partitions: the KafkaTopic of the render, else
     * what the services declare.
     */
    static List<String> partitionProblems(List<Map<String, Object>> docs, Map<String, Set<String>> consumed,
            Map<String, Integer> declared, Map<String, Integer> concurrency) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> partitions = new LinkedHashMap<>(declared);
        for (Map<String, Object> topic : ofKind(docs, "KafkaTopic")) {
            String topicName = String.valueOf(Objects.requireNonNullElse(at(topic, "spec", "topicName"), name(topic)));
            partitions.put(topicName, ((Number) at(topic, "spec", "partitions")).intValue());
        }
        for (var entry : consumed.entrySet()) {
            Map<String, Object> hpa = find(docs, "HorizontalPodAutoscaler", entry.getKey());
            Map<String, Object> deployment = find(docs, "Deployment", entry.getKey());
            int threads = concurrency.getOrDefault(entry.getKey(), 1);
            Object override = env(container(deployment)).get("SPRING_KAFKA_LISTENER_CONCURRENCY");
            if (override != null) {
                threads = Integer.parseInt(String.valueOf(override));
            }
            Object max = hpa.isEmpty() ? at(deployment, "spec", "replicas") : at(hpa, "spec", "maxReplicas");
            int replicas = max instanceof Number n ? n.intValue() : 1;
            for (String topic : entry.getValue()) {
                Integer count = partitions.get(topic);
                if (count == null) {
                    problems.add(entry.getKey() + ": reads " + topic + ", which nothing declares");
                } else if (replicas * threads > count) {
                    problems.add(entry.getKey() + ": up to " + replicas + " pods x " + threads + " listener threads = "
                            + replicas * threads + " consumers of " + topic + ", which has " + count + " partitions");
                }
            }
        }
        return problems;
    }

    /** Where Strimzi runs Kafka: every declared topic and its .dlt is a KafkaTopic, replicated 3 times, min ISR 2, no auto-creation. */
    static List<String> kafkaProblems(List<Map<String, Object>> docs, Map<String, Integer> declared) {
        List<String> problems = new ArrayList<>();
        Map<String, Object> kafka = ofKind(docs, "Kafka").stream().findFirst().orElse(null);
        if (kafka == null) {
            return problems;
        }
        Map<String, Object> config = map(at(kafka, "spec", "kafka", "config"));
        if (!Boolean.FALSE.equals(config.get("auto.create.topics.enable"))) {
            problems.add(id(kafka) + ": auto.create.topics.enable must be false (topics are declared as KafkaTopics)");
        }
        if (!"simple".equals(at(kafka, "spec", "kafka", "authorization", "type"))) {
            problems.add(id(kafka) + ": no spec.kafka.authorization of type simple (every user could read and write every topic)");
        }
        int brokers = ofKind(docs, "KafkaNodePool").stream().filter(p -> list(at(p, "spec", "roles")).contains("broker"))
                .mapToInt(p -> ((Number) at(p, "spec", "replicas")).intValue()).sum();
        if (brokers < 3) {
            problems.add(id(kafka) + ": " + brokers + " brokers; 3 are needed for replication 3 with min.insync.replicas 2");
        }
        for (var topic : declared.entrySet()) {
            Map<String, Object> resource = ofKind(docs, "KafkaTopic").stream()
                    .filter(t -> topic.getKey().equals(Objects.requireNonNullElse(at(t, "spec", "topicName"), name(t))))
                    .findFirst().orElse(null);
            if (resource == null) {
                problems.add("topic " + topic.getKey() + " has no KafkaTopic");
                continue;
            }
            Map<String, Object> spec = map(resource.get("spec"));
            if (!(spec.get("partitions") instanceof Number p) || p.intValue() < topic.getValue()) {
                problems.add("KafkaTopic " + topic.getKey() + ": partitions " + spec.get("partitions") + ", the services declare " + topic.getValue());
            }
            if (!Objects.equals(spec.get("replicas"), 3)) {
                problems.add("KafkaTopic " + topic.getKey() + ": replicas must be 3, got " + spec.get("replicas"));
            }
            if (!Objects.equals(at(spec, "config", "min.insync.replicas"), 2)) {
                problems.add("KafkaTopic " + topic.getKey() + ": min.insync.replicas must be 2, got " + at(spec, "config", "min.insync.replicas"));
            }
        }
        return problems;
    }

    /**
     * Where Strimzi runs Kafka: each service's KafkaUser grants exactly the ACLs its code needs
     * ({@link ProjectFacts#kafkaAcls()}: user → "topic name" / "group name" → operations), no more, no less.
     */
    static List<String> kafkaAclProblems(List<Map<String, Object>> docs, Map<String, Map<String, Set<String>>> expected) {
        List<String> problems = new ArrayList<>();
        if (ofKind(docs, "Kafka").isEmpty()) {
            return problems;
        }
        Set<String> users = new java.util.TreeSet<>(expected.keySet());
        ofKind(docs, "KafkaUser").forEach(u -> users.add(name(u)));
        for (String user : users) {
            Map<String, Object> resource = find(docs, "KafkaUser", user);
            Map<String, Set<String>> wanted = expected.getOrDefault(user, Map.of());
            if (resource.isEmpty()) {
                problems.add("KafkaUser " + user + " missing (its service uses Kafka)");
                continue;
            }
            if (!"simple".equals(at(resource, "spec", "authorization", "type"))) {
                problems.add("KafkaUser " + user + ": no spec.authorization of type simple");
            }
            Map<String, Set<String>> granted = new java.util.TreeMap<>();
            for (Object acl : list(at(resource, "spec", "authorization", "acls"))) {
                Map<String, Object> r = map(map(acl).get("resource"));
                String pattern = String.valueOf(Objects.requireNonNullElse(r.get("patternType"), "literal"));
                String key = r.get("type") + " " + r.get("name") + (pattern.equals("literal") ? "" : " (" + pattern + ")");
                list(map(acl).get("operations")).forEach(op -> granted.computeIfAbsent(key, k -> new java.util.TreeSet<>()).add(String.valueOf(op)));
            }
            Set<String> keys = new java.util.TreeSet<>(wanted.keySet());
            keys.addAll(granted.keySet());
            for (String key : keys) {
                Set<String> missing = new java.util.TreeSet<>(wanted.getOrDefault(key, Set.of()));
                missing.removeAll(granted.getOrDefault(key, Set.of()));
                Set<String> extra = new java.util.TreeSet<>(granted.getOrDefault(key, Set.of()));
                extra.removeAll(wanted.getOrDefault(key, Set.of()));
                if (!missing.isEmpty()) {
                    problems.add("KafkaUser " + user + ": " + key + " lacks " + missing + ", which the code needs");
                }
                if (!extra.isEmpty()) {
                    problems.add("KafkaUser " + user + ": " + key + " grants " + extra + ", which the code does not need");
                }
            }
        }
        return problems;
    }

    /**
     * Production: no Secret in the render (it would overwrite the real one), and no optional reference
     * to one. Every Secret a pod or operator reads, optionally or not, is made by an ExternalSecret or
     * an operator of the render (an optional reference with a typo would silently read nothing).
     * Elsewhere: Secrets only as marked local-development defaults.
     */
    static List<String> secretProblems(List<Map<String, Object>> docs, boolean production) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> secret : ofKind(docs, "Secret")) {
            if (production) {
                problems.add(id(secret) + ": a Secret in the production render (credentials come from External Secrets or the operators)");
            } else if (!"true".equals(at(secret, "metadata", "labels", "notary-portal/local-development-defaults"))) {
                problems.add(id(secret) + ": not marked notary-portal/local-development-defaults");
            }
        }
        Map<String, Set<String>> made = new LinkedHashMap<>();
        for (Map<String, Object> secret : ofKind(docs, "Secret")) {
            Set<String> keys = new LinkedHashSet<>(map(secret.get("stringData")).keySet());
            keys.addAll(map(secret.get("data")).keySet());
            made.put(name(secret), keys);
        }
        for (Map<String, Object> external : ofKind(docs, "ExternalSecret")) {
            String target = String.valueOf(Objects.requireNonNullElse(at(external, "spec", "target", "name"), name(external)));
            Set<String> keys = new LinkedHashSet<>();
            list(at(external, "spec", "data")).forEach(d -> keys.add(String.valueOf(map(d).get("secretKey"))));
            if (!list(at(external, "spec", "dataFrom")).isEmpty()) {
                keys.add("*");
            }
            made.put(target, keys);
        }
        for (Map<String, Object> user : ofKind(docs, "KafkaUser")) {
            made.put(name(user), Set.of("sasl.jaas.config", "password"));
        }
        for (Map<String, Object> mongo : ofKind(docs, "MongoDBCommunity")) {
            for (Object u : list(at(mongo, "spec", "users"))) {
                Object secretName = map(u).get("connectionStringSecretName");
                if (secretName != null) {
                    made.put(String.valueOf(secretName), Set.of("connectionString.standard", "connectionString.standardSrv", "username", "password"));
                }
            }
        }
        for (Map<String, Object> doc : docs) {
            collectSecretRefs(doc, id(doc), made, production, problems);
        }
        return problems;
    }

    private static void collectSecretRefs(Object node, String id, Map<String, Set<String>> made, boolean production,
            List<String> problems) {
        if (node instanceof Map<?, ?> m) {
            Map<String, Object> n = map(m);
            Map<String, Object> ref = map(n.containsKey("secretKeyRef") ? n.get("secretKeyRef")
                    : n.containsKey("passwordSecretRef") ? n.get("passwordSecretRef") : null);
            if (!ref.isEmpty()) {
                if (production && Boolean.TRUE.equals(ref.get("optional"))) {
                    problems.add(id + ": reads Secret " + ref.get("name") + " optionally (in production a pod must wait for"
                            + " its Secret instead of starting without it)");
                }
                Set<String> keys = made.get(String.valueOf(ref.get("name")));
                if (keys == null) {
                    problems.add(id + ": reads Secret " + ref.get("name") + ", which nothing in the render makes");
                } else if (ref.get("key") != null && !keys.contains("*") && !keys.contains(String.valueOf(ref.get("key")))) {
                    problems.add(id + ": reads key " + ref.get("key") + " of Secret " + ref.get("name") + ", which has " + keys);
                }
            }
            n.values().forEach(v -> collectSecretRefs(v, id, made, production, problems));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectSecretRefs(v, id, made, production, problems));
        }
    }

    /** Memory request = limit ≥ 1 GiB, a CPU request, no CPU limit below 1 core, heap at most 70 % of the memory. */
    static List<String> resourceProblems(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> deployment : portalDeployments(docs)) {
            Map<String, Object> container = container(deployment);
            Map<String, Object> requests = map(at(container, "resources", "requests"));
            Map<String, Object> limits = map(at(container, "resources", "limits"));
            String service = name(deployment);
            long request = bytes(requests.get("memory"));
            long limit = bytes(limits.get("memory"));
            if (request != limit) {
                problems.add(service + ": memory request " + requests.get("memory") + " differs from its limit " + limits.get("memory"));
            }
            if (limit < 1024L * 1024 * 1024) {
                problems.add(service + ": memory limit " + limits.get("memory") + " below 1Gi");
            }
            if (!requests.containsKey("cpu")) {
                problems.add(service + ": no CPU request");
            }
            if (limits.containsKey("cpu") && millicores(limits.get("cpu")) < 1000) {
                problems.add(service + ": CPU limit " + limits.get("cpu") + " throttles start-up and GC");
            }
            Matcher percentage = Pattern.compile("MaxRAMPercentage=(\\d+)").matcher(String.valueOf(env(container).get("JAVA_TOOL_OPTIONS")));
            if (!percentage.find() || Integer.parseInt(percentage.group(1)) > 70 || Integer.parseInt(percentage.group(1)) < 50) {
                problems.add(service + ": JAVA_TOOL_OPTIONS must set -XX:MaxRAMPercentage between 50 and 70 (room outside the heap)");
            }
        }
        return problems;
    }

    /** What carries uploads and downloads: a rollout lets their transfers finish (docs/operations.md, Rollouts). */
    static final Set<String> FILE_CARRIERS = Set.of("gateway", "document-service", "messaging-service");
    static final int FILE_ANSWER_SECONDS = 300;

    /**
     * The pod outlives its preStop pause plus Spring's shutdown phase, which for the file carriers is long enough
     * for a transfer in flight; spread over nodes and zones; labelled.
     */
    static List<String> podProblems(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> deployment : portalDeployments(docs)) {
            String service = name(deployment);
            Map<String, Object> podSpec = map(at(deployment, "spec", "template", "spec"));
            Map<String, Object> container = container(deployment);
            List<Object> command = list(at(container, "lifecycle", "preStop", "exec", "command"));
            int pause = command.size() == 2 && "sleep".equals(command.get(0)) ? Integer.parseInt(String.valueOf(command.get(1))) : -1;
            if (pause < 5) {
                problems.add(service + ": preStop must be [sleep, N] with N ≥ 5, got " + command);
            }
            Object phase = env(container).get("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE");
            int shutdown = phase == null ? 30 : Integer.parseInt(String.valueOf(phase).replace("s", ""));
            Object grace = podSpec.get("terminationGracePeriodSeconds");
            int graceSeconds = grace instanceof Number n ? n.intValue() : 30;
            if (FILE_CARRIERS.contains(service) && shutdown < FILE_ANSWER_SECONDS) {
                problems.add(service + ": shutdown phase " + shutdown + " s cuts files in flight at a rollout (at least "
                        + FILE_ANSWER_SECONDS + " s, the gateway's wait on its file routes)");
            }
            if (graceSeconds <= Math.max(pause, 0) + shutdown) {
                problems.add(service + ": terminationGracePeriodSeconds " + graceSeconds + " is not more than preStop " + pause
                        + " s + shutdown phase " + shutdown + " s");
            }
            for (String key : List.of("kubernetes.io/hostname", "topology.kubernetes.io/zone")) {
                boolean spread = list(podSpec.get("topologySpreadConstraints")).stream().map(Yamls::map)
                        .anyMatch(c -> key.equals(c.get("topologyKey")) && Selectors.matches(map(c.get("labelSelector")), podLabels(deployment)));
                if (!spread) {
                    problems.add(service + ": no topologySpreadConstraint over " + key + " selecting its pods");
                }
            }
            for (String label : POD_LABELS) {
                if (!podLabels(deployment).containsKey(label)) {
                    problems.add(service + ": pod label " + label + " missing");
                }
            }
        }
        return problems;
    }

    /** Production: the pods' version label is their image's tag (name:tag@digest). */
    static List<String> versionProblems(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> deployment : portalDeployments(docs)) {
            String tag = ImageRef.parse(String.valueOf(container(deployment).get("image"))).tag();
            Object version = podLabels(deployment).get("app.kubernetes.io/version");
            if (!tag.equals(String.valueOf(version))) {
                problems.add(name(deployment) + ": app.kubernetes.io/version " + version + " is not the image tag " + tag);
            }
        }
        return problems;
    }

    /** The label kube-prometheus-stack's Prometheus selects PodMonitors by (its value: the Helm release's name). */
    static final String MONITOR_SELECTOR_LABEL = "release";

    /**
     * A PodMonitor scrapes /actuator/prometheus on the management port of every portal pod, and the
     * metrics of every operator-made pod that has them on; none scrapes an operator's pod without
     * them. Every PodMonitor carries the label a kube-prometheus-stack Prometheus selects.
     */
    static List<String> monitoringProblems(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> monitors = ofKind(docs, "PodMonitor");
        for (Map<String, Object> monitor : monitors) {
            if (at(monitor, "metadata", "labels", MONITOR_SELECTOR_LABEL) == null) {
                problems.add(id(monitor) + ": no label " + MONITOR_SELECTOR_LABEL + " (kube-prometheus-stack's Prometheus would not select it)");
            }
        }
        for (OperatorPods.Pod pod : OperatorPods.pods(docs)) {
            List<Map<String, Object>> selecting = monitors.stream().filter(m -> Selectors.matches(map(at(m, "spec", "selector")), pod.labels())).toList();
            if (pod.metricsPath() == null && !selecting.isEmpty()) {
                problems.add(pod.name() + ": " + id(selecting.getFirst()) + " scrapes it, but its metrics are not enabled");
            } else if (pod.metricsPath() != null && selecting.stream().noneMatch(m -> list(at(m, "spec", "podMetricsEndpoints")).stream()
                    .map(Yamls::map).anyMatch(e -> "management".equals(e.get("port")) && pod.metricsPath().equals(e.get("path"))))) {
                problems.add(pod.name() + ": metrics are enabled, but no PodMonitor scrapes " + pod.metricsPath() + " on its management port");
            }
        }
        for (Map<String, Object> deployment : portalDeployments(docs)) {
            boolean scraped = monitors.stream().anyMatch(m -> Selectors.matches(map(at(m, "spec", "selector")), podLabels(deployment))
                    && list(at(m, "spec", "podMetricsEndpoints")).stream().map(Yamls::map)
                            .anyMatch(e -> "management".equals(e.get("port")) && "/actuator/prometheus".equals(e.get("path"))));
            if (!scraped) {
                problems.add(name(deployment) + ": no PodMonitor scrapes /actuator/prometheus on its management port");
            }
        }
        return problems;
    }

    /** A flow the architecture needs, and where it goes. */
    record Flow(String description, Endpoint from, Endpoint to, int port) {
    }

    /** Everything denied by default, and each needed flow allowed at both ends. */
    static List<String> networkPolicyProblems(List<Map<String, Object>> docs, List<Flow> flows) {
        List<String> problems = new ArrayList<>();
        boolean denyAll = ofKind(docs, "NetworkPolicy").stream().anyMatch(p -> map(at(p, "spec", "podSelector")).isEmpty()
                && list(at(p, "spec", "policyTypes")).containsAll(List.of("Ingress", "Egress"))
                && list(at(p, "spec", "ingress")).isEmpty() && list(at(p, "spec", "egress")).isEmpty());
        if (!denyAll) {
            problems.add("no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)");
        }
        String namespace = namespace(docs);
        List<Map<String, Object>> policies = withOperatorPolicies(docs);
        for (Flow flow : flows) {
            String denied = NetworkPolicies.denied(policies, namespace, flow.from(), flow.to(), flow.port());
            if (denied != null) {
                problems.add(flow.description() + ": " + denied);
            }
        }
        return problems;
    }

    /** The render's NetworkPolicies and those the operators make. */
    static List<Map<String, Object>> withOperatorPolicies(List<Map<String, Object>> docs) {
        List<Map<String, Object>> policies = new ArrayList<>(ofKind(docs, "NetworkPolicy"));
        policies.addAll(OperatorPods.networkPolicies(docs));
        return policies;
    }

    /**
     * No pod of another namespace reaches a port of the render's pods or the operators' pods, except
     * where a flow needs it (the ingress controller, Prometheus).
     */
    static List<String> isolationProblems(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        String ns = namespace(docs);
        Endpoint stranger = new Endpoint("elsewhere", Map.of("kubernetes.io/metadata.name", "elsewhere"), Map.of("app", "stranger"), Map.of());
        List<Map<String, Object>> policies = withOperatorPolicies(docs);
        Map<String, Endpoint> targets = new LinkedHashMap<>();
        workloads(docs).forEach(w -> targets.put(id(w), NetworkPolicies.podOf(w, ns)));
        OperatorPods.pods(docs).forEach(p -> targets.put(p.name(), Endpoint.pod(ns, p.labels(), p.ports())));
        targets.forEach((name, pod) -> pod.ports().forEach((portName, port) -> {
            if (NetworkPolicies.denied(policies, ns, stranger, pod, port) == null) {
                problems.add(name + ": a pod of any other namespace reaches its port " + portName + " (" + port + ")");
            }
        }));
        return problems;
    }

    /**
     * The flows the portal needs in a render: from the services' own settings (*_SERVICE_URL, access
     * replicas), the ConfigMap's addresses of Kafka, Keycloak and the mail server, and the MongoDB
     * connection strings.
     */
    static List<Flow> requiredFlows(List<Map<String, Object>> docs, String mongoHost) {
        List<Flow> flows = new ArrayList<>();
        String ns = namespace(docs);
        Map<String, Endpoint> pods = new LinkedHashMap<>();
        for (Map<String, Object> deployment : portalDeployments(docs)) {
            pods.put(name(deployment), NetworkPolicies.podOf(deployment, ns));
        }
        Endpoint ingressController = new Endpoint("ingress-nginx", Map.of("kubernetes.io/metadata.name", "ingress-nginx"),
                Map.of("app.kubernetes.io/name", "ingress-nginx"), Map.of());
        Endpoint prometheus = new Endpoint("monitoring", Map.of("kubernetes.io/metadata.name", "monitoring"),
                Map.of("app.kubernetes.io/name", "prometheus"), Map.of());
        Endpoint dns = new Endpoint("kube-system", Map.of("kubernetes.io/metadata.name", "kube-system"), Map.of("k8s-app", "kube-dns"), Map.of());
        Map<String, Object> config = configData(docs);
        Endpoint keycloak = backingPod(docs, ns, URI.create(String.valueOf(config.get("KEYCLOAK_URL"))).getHost());
        int keycloakPort = URI.create(String.valueOf(config.get("KEYCLOAK_URL"))).getPort();
        String[] kafka = String.valueOf(config.get("KAFKA_BOOTSTRAP_SERVERS")).split(":");
        Endpoint kafkaPod = backingPod(docs, ns, kafka[0]);
        Endpoint mongo = backingPod(docs, ns, mongoHost);
        Endpoint smtp = backingPod(docs, ns, String.valueOf(config.get("SMTP_HOST")));
        int smtpPort = Integer.parseInt(String.valueOf(config.get("SMTP_PORT")));

        pods.forEach((service, pod) -> {
            int port = ProjectFacts.SERVICE_PORTS.getOrDefault(service, 0);
            flows.add(new Flow("Prometheus scrapes " + service, prometheus, pod, ProjectFacts.MANAGEMENT_PORT));
            flows.add(new Flow(service + " resolves names", pod, dns, 53));
            flows.add(new Flow(service + " signs in at / reads keys of Keycloak", pod, keycloak, keycloakPort));
            flows.add(new Flow(service + " uses MongoDB", pod, mongo, 27017));
            if (service.equals("gateway")) {
                flows.add(new Flow("the ingress controller reaches the gateway", ingressController, pod, port));
                flows.add(new Flow("Keycloak's back-channel logout reaches the gateway", keycloak, pod, port));
            } else {
                flows.add(new Flow(service + " uses Kafka", pod, kafkaPod, Integer.parseInt(kafka[1])));
            }
            Set<String> called = service.equals("gateway") ? new LinkedHashSet<>(ProjectFacts.calledServices("gateway"))
                    : ProjectFacts.calledServices(service);
            for (String callee : called) {
                if (pods.containsKey(callee)) {
                    flows.add(new Flow(service + " calls " + callee, pod, pods.get(callee), ProjectFacts.SERVICE_PORTS.get(callee)));
                }
            }
            if (ProjectFacts.applicationYaml(service).containsKey("spring")
                    && Yamls.at(ProjectFacts.applicationYaml(service), "spring", "mail", "host") != null) {
                flows.add(new Flow(service + " sends e-mail", pod, smtp, smtpPort));
            }
        });
        flows.addAll(operatorFlows(docs, ns, ingressController, prometheus, dns));
        return flows;
    }

    /**
     * What the operators' pods need: each its own connections (peers, databases, the Kubernetes API,
     * DNS), the ingress controller to what an Ingress routes to, Prometheus to metrics that are on.
     */
    static List<Flow> operatorFlows(List<Map<String, Object>> docs, String ns, Endpoint ingressController, Endpoint prometheus, Endpoint dns) {
        List<Flow> flows = new ArrayList<>();
        List<OperatorPods.Pod> pods = OperatorPods.pods(docs);
        for (OperatorPods.Pod pod : pods) {
            Endpoint from = Endpoint.pod(ns, pod.labels(), pod.ports());
            flows.add(new Flow(pod.name() + " resolves names", from, dns, 53));
            for (OperatorPods.Need need : pod.needs()) {
                OperatorPods.Pod peer = OperatorPods.byName(pods, need.to());
                Endpoint to = need.to().equals(OperatorPods.API) ? Endpoint.external()
                        : peer != null ? Endpoint.pod(ns, peer.labels(), peer.ports()) : backingPod(docs, ns, need.to());
                flows.add(new Flow(pod.name() + " reaches " + need.what(), from, to, need.port()));
            }
            if (pod.metricsPath() != null) {
                flows.add(new Flow("Prometheus scrapes " + pod.name(), prometheus, from, pod.ports().get("management")));
            }
        }
        for (Map<String, Object> ingress : ofKind(docs, "Ingress")) {
            for (Object rule : list(at(ingress, "spec", "rules"))) {
                for (Object path : list(at(rule, "http", "paths"))) {
                    Map<String, Object> backend = map(at(path, "backend", "service"));
                    OperatorPods.Pod pod = OperatorPods.byService(docs, String.valueOf(backend.get("name")));
                    if (pod != null && at(backend, "port", "number") instanceof Number port) {
                        flows.add(new Flow("the ingress controller reaches " + pod.name(), ingressController,
                                Endpoint.pod(ns, pod.labels(), pod.ports()), port.intValue()));
                    }
                }
            }
        }
        return flows;
    }

    /**
     * Every ServiceAccount an operator's pods run as (and the operator leaves to us) is in the render,
     * bound by a RoleBinding to a Role that grants what the pods do with it.
     */
    static List<String> serviceAccountProblems(List<Map<String, Object>> docs) {
        List<String> problems = new ArrayList<>();
        for (OperatorPods.Pod pod : OperatorPods.pods(docs)) {
            if (pod.serviceAccount() == null) {
                continue;
            }
            if (find(docs, "ServiceAccount", pod.serviceAccount()).isEmpty()) {
                problems.add(pod.name() + ": ServiceAccount " + pod.serviceAccount() + " is not in the render (its pods cannot start)");
            }
            Map<String, Set<String>> granted = new LinkedHashMap<>();
            for (Map<String, Object> binding : ofKind(docs, "RoleBinding")) {
                boolean bound = list(binding.get("subjects")).stream().map(Yamls::map)
                        .anyMatch(x -> "ServiceAccount".equals(x.get("kind")) && pod.serviceAccount().equals(x.get("name")));
                Map<String, Object> role = find(docs, "Role", String.valueOf(at(binding, "roleRef", "name")));
                if (bound && "Role".equals(at(binding, "roleRef", "kind"))) {
                    for (Object rule : list(at(role, "rules"))) {
                        if (list(map(rule).get("apiGroups")).contains("")) {
                            for (Object resource : list(map(rule).get("resources"))) {
                                list(map(rule).get("verbs")).forEach(v -> granted.computeIfAbsent(String.valueOf(resource),
                                        r -> new java.util.TreeSet<>()).add(String.valueOf(v)));
                            }
                        }
                    }
                }
            }
            pod.permissions().forEach((resource, verbs) -> {
                Set<String> missing = new java.util.TreeSet<>(verbs);
                missing.removeAll(granted.getOrDefault(resource, Set.of()));
                if (!missing.isEmpty()) {
                    problems.add(pod.name() + ": no Role bound to ServiceAccount " + pod.serviceAccount() + " grants " + resource + " " + missing);
                }
            });
        }
        return problems;
    }

    /** The pod behind a host name: a Service of the render and the workload it selects, an operator's pods, or outside the cluster. */
    static Endpoint backingPod(List<Map<String, Object>> docs, String namespace, String host) {
        String serviceName = host.split("\\.")[0];
        Map<String, Object> service = find(docs, "Service", serviceName);
        if (!service.isEmpty()) {
            Map<String, Object> selector = map(at(service, "spec", "selector"));
            for (Map<String, Object> workload : workloads(docs)) {
                if (Selectors.selects(selector, podLabels(workload))) {
                    return NetworkPolicies.podOf(workload, namespace);
                }
            }
        }
        OperatorPods.Pod pod = OperatorPods.byService(docs, serviceName);
        if (pod != null) {
            return Endpoint.pod(namespace, pod.labels(), pod.ports());
        }
        return Endpoint.external();
    }

    // --- quantities -----------------------------------------------------------------------------------

    static long bytes(Object quantity) {
        if (quantity == null) {
            return -1;
        }
        Matcher m = Pattern.compile("(\\d+)(Ki|Mi|Gi|Ti|k|M|G|T)?").matcher(String.valueOf(quantity));
        if (!m.matches()) {
            return -1;
        }
        long value = Long.parseLong(m.group(1));
        return value * switch (m.group(2) == null ? "" : m.group(2)) {
            case "Ki" -> 1024L;
            case "Mi" -> 1024L * 1024;
            case "Gi" -> 1024L * 1024 * 1024;
            case "Ti" -> 1024L * 1024 * 1024 * 1024;
            case "k" -> 1000L;
            case "M" -> 1000L * 1000;
            case "G" -> 1000L * 1000 * 1000;
            case "T" -> 1000L * 1000 * 1000 * 1000;
            default -> 1L;
        };
    }

    static long millicores(Object quantity) {
        String q = String.valueOf(quantity);
        return q.endsWith("m") ? Long.parseLong(q.substring(0, q.length() - 1)) : (long) (Double.parseDouble(q) * 1000);
    }
}
