package nl.notaris.portal.deployment;

import static nl.notaris.portal.deployment.Yamls.list;
import static nl.notaris.portal.deployment.Yamls.map;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small kustomize: exactly the features k8s/ uses, in kustomize's order (resources and generators,
 * then patches, namespace, labels, images). Anything else in a kustomization.yaml fails loudly, so a
 * new feature is added here (and compared with {@code kubectl kustomize} by the test) instead of being
 * silently ignored. CI machines need no kubectl for it.
 * <p>
 * Supported: {@code resources} (files and folders), {@code namespace}, {@code labels} (pairs,
 * includeTemplates), {@code images} (newName, newTag, digest; tag and digest together as kustomize v5 does), {@code configMapGenerator} (files,
 * options.disableNameSuffixHash, options.labels) and {@code patches} (strategic merge or JSON 6902, from
 * a file or inline, with a target of kind, name, labelSelector; a file may hold several strategic merge
 * patches).
 */
final class Kustomize {

    private static final Set<String> SUPPORTED_KEYS = Set.of("apiVersion", "kind", "resources", "namespace", "labels",
            "images", "configMapGenerator", "patches");

    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "ClusterSecretStore", "PersistentVolume", "StorageClass", "PriorityClass",
            "IngressClass", "ClusterIssuer");

    /** Kinds whose pod template kustomize labels with includeTemplates, and where the template lies. */
    private static final Map<String, List<String>> TEMPLATES = Map.of(
            "Deployment", List.of("spec", "template"),
            "StatefulSet", List.of("spec", "template"),
            "DaemonSet", List.of("spec", "template"),
            "ReplicaSet", List.of("spec", "template"),
            "Job", List.of("spec", "template"),
            "CronJob", List.of("spec", "jobTemplate", "spec", "template"));

    private Kustomize() {
    }

    static List<Map<String, Object>> build(Path directory) {
        Path file = directory.resolve("kustomization.yaml");
        Map<String, Object> kustomization = Yamls.parse(Yamls.read(file));
        for (String key : kustomization.keySet()) {
            if (!SUPPORTED_KEYS.contains(key)) {
                throw new UnsupportedOperationException(file + ": `" + key + "` is not supported by the test's renderer");
            }
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object entry : list(kustomization.get("resources"))) {
            Path path = directory.resolve(String.valueOf(entry)).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(build(path));
            } else {
                resources.addAll(Yamls.parseAll(Yamls.read(path)));
            }
        }
        for (Object generator : list(kustomization.get("configMapGenerator"))) {
            resources.add(configMap(directory, map(generator)));
        }
        for (Object patch : list(kustomization.get("patches"))) {
            applyPatch(directory, map(patch), resources);
        }
        Object namespace = kustomization.get("namespace");
        if (namespace != null) {
            for (Map<String, Object> resource : resources) {
                if (!CLUSTER_SCOPED.contains(String.valueOf(resource.get("kind")))) {
                    metadata(resource).put("namespace", namespace);
                }
            }
        }
        for (Object entry : list(kustomization.get("labels"))) {
            applyLabels(file, map(entry), resources);
        }
        for (Object image : list(kustomization.get("images"))) {
            for (Map<String, Object> resource : resources) {
                setImages(resource, map(image));
            }
        }
        return resources;
    }

    // --- generators ---------------------------------------------------------------------------------

    private static Map<String, Object> configMap(Path directory, Map<String, Object> generator) {
        Map<String, Object> options = map(generator.get("options"));
        if (!Boolean.TRUE.equals(options.get("disableNameSuffixHash"))) {
            throw new UnsupportedOperationException(directory + ": configMapGenerator needs options.disableNameSuffixHash: true here");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (Object file : list(generator.get("files"))) {
            Path path = directory.resolve(String.valueOf(file));
            data.put(path.getFileName().toString(), Yamls.read(path));
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", generator.get("name"));
        if (!map(options.get("labels")).isEmpty()) {
            metadata.put("labels", new LinkedHashMap<>(map(options.get("labels"))));
        }
        Map<String, Object> configMap = new LinkedHashMap<>();
        configMap.put("apiVersion", "v1");
        configMap.put("kind", "ConfigMap");
        configMap.put("metadata", metadata);
        configMap.put("data", data);
        return configMap;
    }

    // --- patches ------------------------------------------------------------------------------------

    private static void applyPatch(Path directory, Map<String, Object> entry, List<Map<String, Object>> resources) {
        String text = entry.containsKey("path") ? Yamls.read(directory.resolve(String.valueOf(entry.get("path"))))
                : String.valueOf(entry.get("patch"));
        List<Object> documents = new ArrayList<>();
        Yamls.yaml().loadAll(text).forEach(d -> {
            if (d != null) {
                documents.add(d);
            }
        });
        if (documents.size() > 1) {
            // several strategic merge patches in one file, each for the resource it names
            for (Object document : documents) {
                Map<String, Object> single = new LinkedHashMap<>(entry);
                single.remove("path");
                single.put("patch", Yamls.yaml().dump(document));
                applyPatch(directory, single, resources);
            }
            return;
        }
        Object patch = documents.isEmpty() ? null : documents.getFirst();
        Map<String, Object> target = map(entry.get("target"));
        if (patch instanceof List<?> operations) {
            if (target.isEmpty()) {
                throw new IllegalArgumentException(directory + ": a JSON 6902 patch needs a target");
            }
            int applied = 0;
            for (Map<String, Object> resource : resources) {
                if (matches(resource, target)) {
                    for (Object operation : operations) {
                        JsonPatch.apply(resource, map(operation));
                    }
                    applied++;
                }
            }
            expectApplied(directory, entry, applied);
            return;
        }
        Map<String, Object> smp = map(patch);
        if (target.isEmpty()) {
            target = Map.of("kind", smp.get("kind"), "name", metadata(smp).get("name"));
        }
        int applied = 0;
        for (var iterator = resources.listIterator(); iterator.hasNext();) {
            Map<String, Object> resource = iterator.next();
            if (matches(resource, target)) {
                if ("delete".equals(smp.get("$patch"))) {
                    iterator.remove();
                } else {
                    Map<String, Object> body = Yamls.deepCopy(smp);
                    metadata(body).remove("name");
                    StrategicMerge.merge(resource, body);
                }
                applied++;
            }
        }
        expectApplied(directory, entry, applied);
    }

    private static void expectApplied(Path directory, Map<String, Object> entry, int applied) {
        if (applied == 0) {
            throw new IllegalArgumentException(directory + ": patch " + entry + " matches no resource");
        }
    }

    static boolean matches(Map<String, Object> resource, Map<String, Object> target) {
        Map<String, Object> metadata = metadata(resource);
        if (target.containsKey("kind") && !Objects.equals(target.get("kind"), resource.get("kind"))) {
            return false;
        }
        if (target.containsKey("name")
                && !Pattern.matches(String.valueOf(target.get("name")), String.valueOf(metadata.get("name")))) {
            return false;
        }
        if (target.containsKey("labelSelector")) {
            Map<String, Object> labels = map(metadata.get("labels"));
            for (String requirement : String.valueOf(target.get("labelSelector")).split(",")) {
                String[] pair = requirement.trim().split("=", 2);
                if (pair.length != 2 || !pair[1].equals(labels.get(pair[0]))) {
                    return false;
                }
            }
        }
        return true;
    }

    // --- transformers -------------------------------------------------------------------------------

    private static void applyLabels(Path file, Map<String, Object> entry, List<Map<String, Object>> resources) {
        if (Boolean.TRUE.equals(entry.get("includeSelectors")) || entry.containsKey("fields")) {
            throw new UnsupportedOperationException(file + ": labels with includeSelectors or fields are not supported");
        }
        Map<String, Object> pairs = map(entry.get("pairs"));
        boolean templates = Boolean.TRUE.equals(entry.get("includeTemplates"));
        for (Map<String, Object> resource : resources) {
            labels(metadata(resource)).putAll(pairs);
            List<String> templatePath = TEMPLATES.get(String.valueOf(resource.get("kind")));
            if (templates && templatePath != null) {
                Map<String, Object> template = resource;
                for (String step : templatePath) {
                    template = child(template, step);
                }
                labels(child(template, "metadata")).putAll(pairs);
                if ("StatefulSet".equals(resource.get("kind"))) {
                    for (Object claim : list(Yamls.at(resource, "spec", "volumeClaimTemplates"))) {
                        labels(child(map(claim), "metadata")).putAll(pairs);
                    }
                }
            }
        }
    }

    private static void setImages(Object node, Map<String, Object> image) {
        if (node instanceof Map<?, ?> m) {
            for (var entry : map(m).entrySet()) {
                if (List.of("containers", "initContainers").contains(entry.getKey())) {
                    for (Object container : list(entry.getValue())) {
                        Map<String, Object> c = map(container);
                        if (c.get("image") instanceof String current) {
                            c.put("image", rewriteImage(current, image));
                        }
                    }
                } else {
                    setImages(entry.getValue(), image);
                }
            }
        } else if (node instanceof List<?> l) {
            l.forEach(item -> setImages(item, image));
        }
    }

    static String rewriteImage(String current, Map<String, Object> image) {
        String name = current;
        String tag = null;
        String digest = null;
        int at = name.indexOf('@');
        if (at >= 0) {
            digest = name.substring(at + 1);
            name = name.substring(0, at);
        }
        int colon = name.lastIndexOf(':');
        if (colon > name.lastIndexOf('/')) {
            tag = name.substring(colon + 1);
            name = name.substring(0, colon);
        }
        if (!name.equals(image.get("name"))) {
            return current;
        }
        if (image.get("newName") != null) name = String.valueOf(image.get("newName"));
        // as kustomize v5: newTag or digest alone replaces both tag and digest; both together give name:tag@digest
        Object newTag = image.get("newTag");
        Object newDigest = image.get("digest");
        if (newTag != null || newDigest != null) {
            tag = newTag == null ? null : String.valueOf(newTag);
            digest = newDigest == null ? null : String.valueOf(newDigest);
        }
        return name + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
    }

    // --- helpers ------------------------------------------------------------------------------------

    static Map<String, Object> metadata(Map<String, Object> resource) {
        return child(resource, "metadata");
    }

    private static Map<String, Object> labels(Map<String, Object> metadata) {
        return child(metadata, "labels");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (!(value instanceof Map<?, ?>)) {
            value = new LinkedHashMap<String, Object>();
            parent.put(key, value);
        }
        return (Map<String, Object>) value;
    }
}
