package nl.notaris.portal.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** RFC 6902 add, replace and remove on parsed YAML, as kustomize applies them (a missing path fails). */
final class JsonPatch {

    private JsonPatch() {
    }

    @SuppressWarnings("unchecked")
    static void apply(Map<String, Object> document, Map<String, Object> operation) {
        String op = String.valueOf(operation.get("op"));
        List<String> path = pointer(String.valueOf(operation.get("path")));
        Object parent = document;
        for (String step : path.subList(0, path.size() - 1)) {
            parent = step(parent, step, operation);
        }
        String last = path.getLast();
        Object value = Yamls.deepCopy(operation.get("value"));
        if (parent instanceof Map<?, ?> m) {
            Map<String, Object> map = (Map<String, Object>) m;
            switch (op) {
                case "add" -> map.put(last, value);
                case "replace", "remove" -> {
                    if (!map.containsKey(last)) {
                        throw new IllegalArgumentException(op + ": no " + operation.get("path"));
                    }
                    if (op.equals("replace")) map.put(last, value); else map.remove(last);
                }
                default -> throw new UnsupportedOperationException("JSON patch op " + op);
            }
        } else if (parent instanceof List<?> l) {
            List<Object> list = (List<Object>) l;
            int index = last.equals("-") ? list.size() : Integer.parseInt(last);
            switch (op) {
                case "add" -> list.add(index, value);
                case "replace" -> list.set(index, value);
                case "remove" -> list.remove(index);
                default -> throw new UnsupportedOperationException("JSON patch op " + op);
            }
        } else {
            throw new IllegalArgumentException(op + ": no " + operation.get("path"));
        }
    }

    private static Object step(Object node, String step, Map<String, Object> operation) {
        Object next = node instanceof Map<?, ?> m ? m.get(step)
                : node instanceof List<?> l && step.matches("\\d+") && Integer.parseInt(step) < l.size() ? l.get(Integer.parseInt(step))
                : null;
        if (next == null) {
            throw new IllegalArgumentException(operation.get("op") + ": no " + operation.get("path"));
        }
        return next;
    }

    private static List<String> pointer(String path) {
        List<String> steps = new ArrayList<>();
        for (String step : path.substring(1).split("/", -1)) {
            steps.add(step.replace("~1", "/").replace("~0", "~"));
        }
        return steps;
    }
}
