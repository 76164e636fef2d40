package nl.notaris.portal.deployment;

import static nl.notaris.portal.deployment.Yamls.list;
import static nl.notaris.portal.deployment.Yamls.map;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Validates rendered manifests as the API server would with strict field validation
 * ({@code kubectl apply --validate=strict}): the API version must still be served, every field must
 * exist in the kind's schema, and values must have the schema's types.
 * <ul>
 * <li>Kubernetes kinds and the Prometheus operator's: the fabric8 kubernetes-model classes (generated
 * from the Kubernetes OpenAPI), Strimzi's: the Strimzi {@code api} classes. A field the class does
 * not know ends in its {@code additionalProperties}, which this check reports.</li>
 * <li>Keycloak operator, MongoDB Community operator and External Secrets CRs: the structural schemas in
 * {@code src/test/resources/crd-schemas/} (see the header of each for its source and version).</li>
 * </ul>
 */
final class KubernetesSchemas {

    /** apiVersion/kind → class, for every kind this repository may use. */
    static final Map<String, Class<?>> MODEL_CLASSES = new LinkedHashMap<>();
    /** apiVersion/kind → schema file under crd-schemas/. */
    static final Map<String, String> CRD_SCHEMAS = new LinkedHashMap<>();
    /** API versions Kubernetes (or an operator) no longer serves, with what replaced them. */
    static final Map<String, String> REMOVED = new LinkedHashMap<>();

    static {
        model("v1", "Namespace", io.fabric8.kubernetes.api.model.Namespace.class);
        model("v1", "ConfigMap", io.fabric8.kubernetes.api.model.ConfigMap.class);
        model("v1", "Secret", io.fabric8.kubernetes.api.model.Secret.class);
        model("v1", "Service", io.fabric8.kubernetes.api.model.Service.class);
        model("v1", "ServiceAccount", io.fabric8.kubernetes.api.model.ServiceAccount.class);
        model("v1", "PersistentVolumeClaim", io.fabric8.kubernetes.api.model.PersistentVolumeClaim.class);
        model("rbac.authorization.k8s.io/v1", "Role", io.fabric8.kubernetes.api.model.rbac.Role.class);
        model("rbac.authorization.k8s.io/v1", "RoleBinding", io.fabric8.kubernetes.api.model.rbac.RoleBinding.class);
        model("apps/v1", "Deployment", io.fabric8.kubernetes.api.model.apps.Deployment.class);
        model("apps/v1", "StatefulSet", io.fabric8.kubernetes.api.model.apps.StatefulSet.class);
        model("apps/v1", "DaemonSet", io.fabric8.kubernetes.api.model.apps.DaemonSet.class);
        model("batch/v1", "Job", io.fabric8.kubernetes.api.model.batch.v1.Job.class);
        model("batch/v1", "CronJob", io.fabric8.kubernetes.api.model.batch.v1.CronJob.class);
        model("autoscaling/v2", "HorizontalPodAutoscaler", io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class);
        model("policy/v1", "PodDisruptionBudget", io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class);
        model("networking.k8s.io/v1", "Ingress", io.fabric8.kubernetes.api.model.networking.v1.Ingress.class);
        model("networking.k8s.io/v1", "NetworkPolicy", io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class);
        model("monitoring.coreos.com/v1", "PodMonitor", io.fabric8.openshift.api.model.monitoring.v1.PodMonitor.class);
        model("monitoring.coreos.com/v1", "ServiceMonitor", io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor.class);
        // Strimzi 0.49: the same classes serve v1 and the deprecated v1beta2
        model("kafka.strimzi.io/v1", "Kafka", io.strimzi.api.kafka.model.kafka.Kafka.class);
        model("kafka.strimzi.io/v1", "KafkaNodePool", io.strimzi.api.kafka.model.nodepool.KafkaNodePool.class);
        model("kafka.strimzi.io/v1", "KafkaTopic", io.strimzi.api.kafka.model.topic.KafkaTopic.class);
        model("kafka.strimzi.io/v1", "KafkaUser", io.strimzi.api.kafka.model.user.KafkaUser.class);
        CRD_SCHEMAS.put("k8s.keycloak.org/v2alpha1/Keycloak", "keycloak-v2alpha1.yaml");
        CRD_SCHEMAS.put("k8s.keycloak.org/v2alpha1/KeycloakRealmImport", "keycloakrealmimport-v2alpha1.yaml");
        CRD_SCHEMAS.put("mongodbcommunity.mongodb.com/v1/MongoDBCommunity", "mongodbcommunity-v1.yaml");
        CRD_SCHEMAS.put("external-secrets.io/v1/ExternalSecret", "externalsecret-v1.yaml");

        REMOVED.put("policy/v1beta1", "removed in Kubernetes 1.25 (PodDisruptionBudget: policy/v1)");
        REMOVED.put("autoscaling/v2beta1", "removed in Kubernetes 1.25 (autoscaling/v2)");
        REMOVED.put("autoscaling/v2beta2", "removed in Kubernetes 1.26 (autoscaling/v2)");
        REMOVED.put("batch/v1beta1", "removed in Kubernetes 1.25 (CronJob: batch/v1)");
        REMOVED.put("networking.k8s.io/v1beta1", "removed in Kubernetes 1.22 (Ingress: networking.k8s.io/v1)");
        REMOVED.put("extensions/v1beta1", "removed in Kubernetes 1.16/1.22 (apps/v1, networking.k8s.io/v1)");
        REMOVED.put("apps/v1beta1", "removed in Kubernetes 1.16 (apps/v1)");
        REMOVED.put("apps/v1beta2", "removed in Kubernetes 1.16 (apps/v1)");
        REMOVED.put("kafka.strimzi.io/v1beta2", "deprecated by Strimzi 0.49 and removed in Strimzi 1.0 (kafka.strimzi.io/v1)");
        REMOVED.put("kafka.strimzi.io/v1beta1", "removed by Strimzi 0.22 (kafka.strimzi.io/v1)");
        REMOVED.put("external-secrets.io/v1beta1", "deprecated by External Secrets 0.17 and no longer served (external-secrets.io/v1)");
    }

    private static void model(String apiVersion, String kind, Class<?> type) {
        MODEL_CLASSES.put(apiVersion + "/" + kind, type);
    }

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    static final Path SCHEMA_DIR = Path.of("src/test/resources/crd-schemas");

    private KubernetesSchemas() {
    }

    /** Problems of one rendered document, each naming the resource and the field. */
    static List<String> validate(Map<String, Object> document) {
        String apiVersion = String.valueOf(document.get("apiVersion"));
        String kind = String.valueOf(document.get("kind"));
        String id = kind + " " + Yamls.at(document, "metadata", "name");
        if (REMOVED.containsKey(apiVersion)) {
            return List.of(id + ": apiVersion " + apiVersion + " is " + REMOVED.get(apiVersion));
        }
        String key = apiVersion + "/" + kind;
        List<String> problems = new ArrayList<>();
        if (MODEL_CLASSES.containsKey(key)) {
            problems.addAll(validateWithModel(document, MODEL_CLASSES.get(key), id));
        } else if (CRD_SCHEMAS.containsKey(key)) {
            Map<String, Object> schema = Yamls.parse(Yamls.read(SCHEMA_DIR.resolve(CRD_SCHEMAS.get(key))));
            problems.addAll(validateWithModel(map(document.get("metadata")), io.fabric8.kubernetes.api.model.ObjectMeta.class, id + " metadata"));
            Map<String, Object> rest = new LinkedHashMap<>(document);
            rest.remove("metadata");
            validateSchema(rest, schema, id, problems);
        } else {
            problems.add(id + ": unknown apiVersion/kind " + key + " (not served by Kubernetes or the operators this repository uses)");
        }
        return problems;
    }

    static List<String> validateWithModel(Object document, Class<?> type, String id) {
        Object model;
        try {
            model = MAPPER.convertValue(document, type);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            return List.of(id + ": does not fit " + type.getSimpleName() + ": " + message);
        }
        List<String> problems = new ArrayList<>();
        unknownFields(model, id, problems, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
        return problems;
    }

    /** Walks the model: every non-empty additionalProperties map holds fields the schema does not have. */
    private static void unknownFields(Object node, String path, List<String> problems, Set<Object> seen) {
        if (node == null || node instanceof String || node instanceof Number || node instanceof Boolean
                || node instanceof Enum<?> || !seen.add(node)) {
            return;
        }
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> unknownFields(v, path + "." + k, problems, seen));
            return;
        }
        if (node instanceof Collection<?> c) {
            int i = 0;
            for (Object item : c) {
                unknownFields(item, path + "[" + i++ + "]", problems, seen);
            }
            return;
        }
        String pkg = node.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi")) {
            return;
        }
        try {
            Method getter = node.getClass().getMethod("getAdditionalProperties");
            Object extra = getter.invoke(node);
            if (extra instanceof Map<?, ?> m && !m.isEmpty()) {
                problems.add(path + ": unknown field(s) " + m.keySet());
            }
        } catch (NoSuchMethodException e) {
            // a type without additional properties
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        for (Class<?> type = node.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || field.getName().equals("additionalProperties")) {
                    continue;
                }
                try {
                    field.setAccessible(true);
                    unknownFields(field.get(node), path + "." + field.getName(), problems, seen);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // not reachable: skip
                }
            }
        }
    }

    /**
     * A structural schema (the subset of OpenAPI v3 that CRDs use): type, properties, required, enum,
     * items, additionalProperties, x-kubernetes-int-or-string, x-kubernetes-preserve-unknown-fields,
     * and x-fabric8-type (a Kubernetes type embedded in a CR, checked with its fabric8 class).
     */
    static void validateSchema(Object value, Map<String, Object> schema, String path, List<String> problems) {
        if (value == null) {
            return;
        }
        if (schema.containsKey("x-fabric8-type")) {
            try {
                problems.addAll(validateWithModel(value, Class.forName(String.valueOf(schema.get("x-fabric8-type"))), path));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        if (Boolean.TRUE.equals(schema.get("x-kubernetes-int-or-string"))) {
            if (!(value instanceof Integer || value instanceof Long || value instanceof String)) {
                problems.add(path + ": must be an integer or a string, got " + value);
            }
            return;
        }
        if (schema.containsKey("enum") && !list(schema.get("enum")).contains(value)) {
            problems.add(path + ": " + value + " is not one of " + schema.get("enum"));
        }
        String type = String.valueOf(schema.get("type"));
        switch (type) {
            case "object" -> {
                if (!(value instanceof Map<?, ?> object)) {
                    problems.add(path + ": must be an object, got " + value);
                    return;
                }
                Map<String, Object> properties = map(schema.get("properties"));
                for (Object required : list(schema.get("required"))) {
                    if (!object.containsKey(required)) {
                        problems.add(path + ": required field " + required + " missing");
                    }
                }
                boolean preserve = Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"));
                for (var entry : map(object).entrySet()) {
                    String child = path + "." + entry.getKey();
                    if (properties.containsKey(entry.getKey())) {
                        validateSchema(entry.getValue(), map(properties.get(entry.getKey())), child, problems);
                    } else if (schema.get("additionalProperties") instanceof Map<?, ?> additional) {
                        validateSchema(entry.getValue(), map(additional), child, problems);
                    } else if (!preserve) {
                        problems.add(path + ": unknown field " + entry.getKey());
                    }
                }
            }
            case "array" -> {
                if (!(value instanceof List<?> items)) {
                    problems.add(path + ": must be an array, got " + value);
                    return;
                }
                for (int i = 0; i < items.size(); i++) {
                    validateSchema(items.get(i), map(schema.get("items")), path + "[" + i + "]", problems);
                }
            }
            case "string" -> {
                if (!(value instanceof String)) problems.add(path + ": must be a string, got " + value);
            }
            case "integer" -> {
                if (!(value instanceof Integer || value instanceof Long)) problems.add(path + ": must be an integer, got " + value);
            }
            case "number" -> {
                if (!(value instanceof Number)) problems.add(path + ": must be a number, got " + value);
            }
            case "boolean" -> {
                if (!(value instanceof Boolean)) problems.add(path + ": must be a boolean, got " + value);
            }
            default -> {
                if (!Boolean.TRUE.equals(schema.get("x-kubernetes-preserve-unknown-fields"))) {
                    throw new IllegalStateException("schema without type at " + path);
                }
            }
        }
    }

    static boolean schemaFileExists(String name) {
        return Files.isRegularFile(SCHEMA_DIR.resolve(name));
    }
}
