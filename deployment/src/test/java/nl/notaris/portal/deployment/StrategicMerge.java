package nl.notaris.portal.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Strategic merge patches as kustomize applies them to the built-in kinds: maps merge, null removes a
 * key, lists of containers, env, volumes, volume mounts and ports merge by their key (new items first, as
 * kustomize puts them), other lists are replaced.
 */
final class StrategicMerge {

    private StrategicMerge() {
    }

    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> target, Map<String, Object> patch) {
        for (var entry : patch.entrySet()) {
            String key = entry.getKey();
            Object value = entry.getValue();
            Object current = target.get(key);
            if (key.startsWith("$")) {
                continue;
            }
            if (value == null) {
                target.remove(key);
            } else if (value instanceof Map<?, ?> m && current instanceof Map<?, ?> c) {
                merge((Map<String, Object>) c, (Map<String, Object>) m);
            } else if (value instanceof List<?> l && current instanceof List<?> c && mergeKey(key, l) != null) {
                target.put(key, mergeList((List<Object>) c, (List<Object>) l, mergeKey(key, l)));
            } else {
                target.put(key, Yamls.deepCopy(value));
            }
        }
    }

    static String mergeKey(String field, List<?> items) {
        return switch (field) {
            case "containers", "initContainers", "env", "volumes", "imagePullSecrets" -> "name";
            case "volumeMounts" -> "mountPath";
            case "ports" -> items.stream().allMatch(i -> Yamls.map(i).containsKey("containerPort")) ? "containerPort" : "port";
            default -> null;
        };
    }

    private static List<Object> mergeList(List<Object> current, List<Object> patch, String key) {
        List<Object> result = new ArrayList<>(current);
        List<Object> added = new ArrayList<>();
        for (Object item : patch) {
            Map<String, Object> patchItem = Yamls.map(item);
            Map<String, Object> existing = result.stream().map(Yamls::map)
                    .filter(i -> Objects.equals(i.get(key), patchItem.get(key))).findFirst().orElse(null);
            if ("delete".equals(patchItem.get("$patch"))) {
                result.remove(existing);
            } else if (existing != null) {
                merge(existing, patchItem);
            } else {
                added.add(Yamls.deepCopy(patchItem));
            }
        }
        // as kustomize (kyaml) does: items new to the list come before the existing ones
        added.addAll(result);
        return added;
    }
}
