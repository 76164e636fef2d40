package nl.notaris.portal.deployment;

import static nl.notaris.portal.deployment.Yamls.at;
import static nl.notaris.portal.deployment.Yamls.list;
import static nl.notaris.portal.deployment.Yamls.map;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Decides, as a NetworkPolicy implementation would, whether a TCP connection is allowed: egress at the
 * caller and ingress at the callee, each allowed when no policy of that direction selects the pod, or
 * when a rule of one that does admits the peer and the port.
 */
final class NetworkPolicies {

    /**
     * One side of a connection. {@code namespace} null: outside the cluster (an IP address);
     * {@code podLabels} null: not a pod (an IP address). {@code ports}: the pod's named container ports.
     */
    record Endpoint(String namespace, Map<String, Object> namespaceLabels, Map<String, Object> podLabels,
            Map<String, Integer> ports) {

        static Endpoint pod(String namespace, Map<String, Object> labels, Map<String, Integer> ports) {
            return new Endpoint(namespace, Map.of("kubernetes.io/metadata.name", namespace), labels, ports);
        }

        static Endpoint external() {
            return new Endpoint(null, null, null, Map.of());
        }

        @Override
        public String toString() {
            return podLabels == null ? "an external address" : namespace + " pod " + podLabels;
        }
    }

    private NetworkPolicies() {
    }

    /** Null when allowed, otherwise why not. */
    static String denied(List<Map<String, Object>> docs, String policyNamespace, Endpoint from, Endpoint to, int port) {
        if (policyNamespace.equals(from.namespace()) && from.podLabels() != null
                && !allowed(docs, from, to, port, "Egress", "egress", "to")) {
            return "egress of " + from + " to " + to + " port " + port + " is not allowed";
        }
        if (policyNamespace.equals(to.namespace()) && to.podLabels() != null
                && !allowed(docs, to, from, port, "Ingress", "ingress", "from")) {
            return "ingress of " + to + " from " + from + " port " + port + " is not allowed";
        }
        return null;
    }

    private static boolean allowed(List<Map<String, Object>> docs, Endpoint subject, Endpoint peer, int port,
            String type, String rulesKey, String peersKey) {
        boolean selected = false;
        for (Map<String, Object> policy : docs) {
            if (!"NetworkPolicy".equals(policy.get("kind"))) {
                continue;
            }
            Map<String, Object> spec = map(policy.get("spec"));
            if (!Selectors.matches(map(spec.get("podSelector")), subject.podLabels()) || !policyTypes(spec).contains(type)) {
                continue;
            }
            selected = true;
            for (Object rule : list(spec.get(rulesKey))) {
                Map<String, Object> r = map(rule);
                boolean peerOk = !r.containsKey(peersKey) || list(r.get(peersKey)).isEmpty()
                        || list(r.get(peersKey)).stream().anyMatch(p -> peerMatches(map(p), subject, peer));
                Endpoint portOwner = type.equals("Egress") ? peer : subject;
                boolean portOk = !r.containsKey("ports") || list(r.get("ports")).stream().anyMatch(p -> portMatches(map(p), portOwner, port));
                if (peerOk && portOk) {
                    return true;
                }
            }
        }
        return !selected;
    }

    private static List<Object> policyTypes(Map<String, Object> spec) {
        if (spec.containsKey("policyTypes")) {
            return list(spec.get("policyTypes"));
        }
        return spec.containsKey("egress") ? List.of("Ingress", "Egress") : List.of("Ingress");
    }

    private static boolean peerMatches(Map<String, Object> peer, Endpoint subject, Endpoint other) {
        if (peer.containsKey("ipBlock")) {
            return other.podLabels() == null;
        }
        if (other.podLabels() == null) {
            return false;
        }
        if (peer.containsKey("namespaceSelector")) {
            if (!Selectors.matches(map(peer.get("namespaceSelector")), other.namespaceLabels())) {
                return false;
            }
        } else if (!Objects.equals(subject.namespace(), other.namespace())) {
            return false;
        }
        return !peer.containsKey("podSelector") || Selectors.matches(map(peer.get("podSelector")), other.podLabels());
    }

    private static boolean portMatches(Map<String, Object> rulePort, Endpoint owner, int port) {
        Object value = rulePort.get("port");
        if (value == null) {
            return true;
        }
        if (value instanceof Number n) {
            int end = rulePort.get("endPort") instanceof Number e ? e.intValue() : n.intValue();
            return port >= n.intValue() && port <= end;
        }
        return Objects.equals(owner.ports().get(String.valueOf(value)), port);
    }

    /** A pod that policies may select: its namespace, labels and named ports, from a rendered workload. */
    static Endpoint podOf(Map<String, Object> workload, String namespace) {
        Map<String, Object> template = map(at(workload, "spec", "template"));
        Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        for (Object container : list(at(template, "spec", "containers"))) {
            for (Object p : list(map(container).get("ports"))) {
                if (map(p).get("name") != null && map(p).get("containerPort") instanceof Number n) {
                    ports.put(String.valueOf(map(p).get("name")), n.intValue());
                }
            }
        }
        return Endpoint.pod(namespace, map(at(template, "metadata", "labels")), ports);
    }
}
