package nl.notaris.portal.deployment;

import static nl.notaris.portal.deployment.Yamls.list;
import static nl.notaris.portal.deployment.Yamls.map;

import java.util.Map;
import java.util.Objects;

/** Kubernetes label selectors (matchLabels and matchExpressions) on a set of labels. */
final class Selectors {

    private Selectors() {
    }

    /** An empty selector selects everything; a missing label set (not a pod) matches nothing. */
    static boolean matches(Map<String, Object> selector, Map<String, Object> labels) {
        if (labels == null) {
            return false;
        }
        for (var entry : map(selector.get("matchLabels")).entrySet()) {
            if (!Objects.equals(String.valueOf(entry.getValue()), labels.get(entry.getKey()) == null ? null
                    : String.valueOf(labels.get(entry.getKey())))) {
                return false;
            }
        }
        for (Object expression : list(selector.get("matchExpressions"))) {
            Map<String, Object> e = map(expression);
            Object value = labels.get(String.valueOf(e.get("key")));
            boolean in = value != null && list(e.get("values")).contains(String.valueOf(value));
            boolean ok = switch (String.valueOf(e.get("operator"))) {
                case "In" -> in;
                case "NotIn" -> !in;
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A Service's plain selector map. */
    static boolean selects(Map<String, Object> serviceSelector, Map<String, Object> labels) {
        return !serviceSelector.isEmpty() && matches(Map.of("matchLabels", serviceSelector), labels);
    }
}
