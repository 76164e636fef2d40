package nl.notaris.portal.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Preflight of the production overlay: asks the cluster (with {@code kubectl get}, read-only) whether everything
 * {@code k8s/overlays/production} needs is there before the first apply, checks that the overlay pins every image by
 * the digest {@code k8s/release-images.sh} wrote (not the {@link #UNRELEASED} placeholder), and says in plain words
 * what is missing.
 *
 * <pre>
 *   k8s/preflight.sh [--context NAME] [--overlay DIR]
 *   java deployment/src/main/java/nl/notaris/portal/deployment/Preflight.java [--context NAME] [--overlay DIR]   (the same)
 * </pre>
 *
 * Needs only a JDK (17 or newer) and kubectl. Exit status 0: everything is there; 1: something is missing; 2: the
 * cluster could not be asked. docs/operations.md ("First install") says how to install each prerequisite.
 *
 * <p>The expectations below are the manifests' ({@code PreflightTest} compares them with the production render and
 * fails when they differ): change them together with the manifests.
 */
public final class Preflight {

    // ---------------------------------------------------------------------------------------------
    // What the production overlay needs of a cluster
    // ---------------------------------------------------------------------------------------------

    static final String NAMESPACE = "notary-portal";
    static final String SECRET_STORE = "notary-portal";
    static final int MIN_KUBERNETES_MINOR = 30;
    static final String DOCS = "docs/operations.md, \"First install\"";
    /** The overlay whose images are checked (k8s/preflight.sh passes it as --overlay). */
    static final String OVERLAY = "k8s/overlays/production";
    /**
     * The digest the overlay carries for an image not released from this checkout yet (k8s/overlays/production,
     * kustomization.yaml and keycloak.yaml): not a digest at all, so no registry or kubelet takes it for one.
     */
    static final String UNRELEASED = "NOT-RELEASED";

    /**
     * An operator: the part of its image name that identifies its Deployments, the oldest version (image tag) the
     * manifests work with (null: any), the environment variable naming the namespaces it watches (null: it watches
     * every namespace), and whether it may run in {@link #NAMESPACE} (where everything is denied that no
     * NetworkPolicy allows: only the Keycloak operator's pods have a policy there that lets them reach the API).
     */
    record Operator(String name, String image, String minimumVersion, String watchEnv, boolean mayRunInNamespace) {
    }

    static final Operator STRIMZI = new Operator("Strimzi", "strimzi/operator", "0.49", "STRIMZI_NAMESPACE", false);
    static final Operator MONGODB = new Operator("the MongoDB operator", "mongodb/mongodb-kubernetes", null, "WATCH_NAMESPACE", false);
    static final Operator KEYCLOAK = new Operator("the Keycloak operator", "keycloak/keycloak-operator", "26.5", "QUARKUS_OPERATOR_SDK_NAMESPACES", true);
    static final Operator EXTERNAL_SECRETS = new Operator("External Secrets", "external-secrets/external-secrets", null, null, false);
    static final Operator PROMETHEUS = new Operator("the Prometheus operator", "prometheus-operator/prometheus-operator", null, null, false);
    static final List<Operator> OPERATORS = List.of(STRIMZI, MONGODB, KEYCLOAK, EXTERNAL_SECRETS, PROMETHEUS);

    /** A custom resource kind the manifests use (or, for ClusterSecretStore, rely on), and the operator that brings its CRD. */
    record Crd(String group, String version, String kind, String plural, Operator operator) {
        String name() {
            return plural + "." + group;
        }
    }

    static final List<Crd> CRDS = List.of(
            new Crd("kafka.strimzi.io", "v1", "Kafka", "kafkas", STRIMZI),
            new Crd("kafka.strimzi.io", "v1", "KafkaNodePool", "kafkanodepools", STRIMZI),
            new Crd("kafka.strimzi.io", "v1", "KafkaTopic", "kafkatopics", STRIMZI),
            new Crd("kafka.strimzi.io", "v1", "KafkaUser", "kafkausers", STRIMZI),
            new Crd("mongodbcommunity.mongodb.com", "v1", "MongoDBCommunity", "mongodbcommunity", MONGODB),
            new Crd("k8s.keycloak.org", "v2alpha1", "Keycloak", "keycloaks", KEYCLOAK),
            new Crd("k8s.keycloak.org", "v2alpha1", "KeycloakRealmImport", "keycloakrealmimports", KEYCLOAK),
            new Crd("external-secrets.io", "v1", "ExternalSecret", "externalsecrets", EXTERNAL_SECRETS),
            new Crd("external-secrets.io", "v1", "ClusterSecretStore", "clustersecretstores", EXTERNAL_SECRETS),
            new Crd("monitoring.coreos.com", "v1", "PodMonitor", "podmonitors", PROMETHEUS));

    /**
     * A Secret an ExternalSecret makes from the store: the store's key (path) and, per key of the Secret, the
     * store's property it comes from.
     */
    record StoreSecret(String secret, String storeKey, Map<String, String> properties, String readBy) {
    }

    static final List<StoreSecret> STORE_SECRETS = List.of(
            new StoreSecret("portal-secrets", "notary-portal/keycloak-clients", ordered(
                    "portal-gateway-client-secret", "portal-gateway",
                    "identity-service-client-secret", "identity-service",
                    "back-office-client-secret", "back-office"), "gateway, identity-service, the realm import"),
            new StoreSecret("mongodb-passwords", "notary-portal/mongodb-users", ordered(
                    "gateway", "gateway", "identity-service", "identity-service", "dossier-service", "dossier-service",
                    "messaging-service", "messaging-service", "document-service", "document-service",
                    "questionnaire-service", "questionnaire-service", "notification-service", "notification-service"),
                    "the MongoDB operator (the users' passwords)"),
            new StoreSecret("portal-smtp", "notary-portal/smtp", ordered("username", "username", "password", "password"),
                    "notification-service, the realm's SMTP settings"),
            new StoreSecret("keycloak-db", "notary-portal/keycloak-db", ordered("username", "username", "password", "password"),
                    "Keycloak (its PostgreSQL database)"),
            new StoreSecret("keycloak-sms", "notary-portal/sms-provider", ordered("access-key", "access-key"),
                    "Keycloak (the SMS provider)"));

    /** TLS Secret → the host name its certificate must cover (the Ingresses' spec.tls). */
    static final Map<String, String> TLS_SECRETS = ordered(
            "portal-tls", "portal.notaris.example",
            "login-tls", "login.notaris.example");

    /** Namespaces the NetworkPolicies name (kubernetes.io/metadata.name) → who must run there. */
    static final Map<String, String> PEER_NAMESPACES = ordered(
            "ingress-nginx", "the ingress controller",
            "monitoring", "Prometheus",
            "observability", "the OpenTelemetry collector",
            "kube-system", "the cluster DNS");

    static final String INGRESS_CLASS = "nginx";
    /** Storage classes the manifests name; none: Kafka's and MongoDB's volumes take the cluster's default class. */
    static final List<String> STORAGE_CLASSES = List.of();
    /** A certificate that expires sooner is reported (not counted as missing). */
    static final Duration CERTIFICATE_WARNING = Duration.ofDays(14);

    // ---------------------------------------------------------------------------------------------
    // Asking the cluster
    // ---------------------------------------------------------------------------------------------

    /** The kubectl calls, each recorded as {@code <file>.json} (or {@code <file>.error}) by the tests' fixtures. */
    enum Query {
        VERSION("version", "version", "-o", "json"),
        NAMESPACES("namespaces", "get", "namespaces", "-o", "json"),
        STORAGE_CLASSES("storageclasses", "get", "storageclasses", "-o", "json"),
        INGRESS_CLASSES("ingressclasses", "get", "ingressclasses", "-o", "json"),
        CRDS("crds", "get", "customresourcedefinitions", "-o", "json"),
        DEPLOYMENTS("deployments", "get", "deployments", "--all-namespaces", "-o", "json"),
        SECRET_STORES("clustersecretstores", "get", "clustersecretstores.external-secrets.io", "-o", "json"),
        EXTERNAL_SECRETS("externalsecrets", "get", "externalsecrets.external-secrets.io", "--namespace", NAMESPACE, "-o", "json"),
        SECRETS("secrets", "get", "secrets", "--namespace", NAMESPACE, "-o", "json");

        final String file;
        final List<String> args;

        Query(String file, String... args) {
            this.file = file;
            this.args = List.of(args);
        }
    }

    /** What kubectl answered: parsed JSON, or what it said on stderr when it failed. */
    record Answer(Object json, String error) {
        static Answer ok(Object json) {
            return new Answer(json, null);
        }

        static Answer failed(String error) {
            return new Answer(null, error.strip());
        }

        List<Object> items() {
            return list(at(json, "items"));
        }
    }

    interface Kubectl {
        Answer ask(Query query);
    }

    /** The real kubectl on PATH, with the given extra arguments (e.g. --context NAME). */
    static Kubectl kubectl(List<String> extraArgs) {
        return query -> {
            List<String> command = new ArrayList<>(List.of("kubectl"));
            command.addAll(extraArgs);
            command.addAll(query.args);
            try {
                Process process = new ProcessBuilder(command).start();
                CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
                String stdout = readAll(process.getInputStream());
                if (!process.waitFor(2, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    return Answer.failed("kubectl " + String.join(" ", query.args) + " did not answer within 2 minutes");
                }
                return process.exitValue() == 0 ? Answer.ok(Json.parse(stdout)) : Answer.failed(stderr.join());
            } catch (IllegalArgumentException e) {
                return Answer.failed(e.getMessage());
            } catch (IOException e) {
                return Answer.failed("could not run kubectl (" + e.getMessage() + "): install it and make sure it is on PATH");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Answer.failed("interrupted");
            }
        };
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The checks
    // ---------------------------------------------------------------------------------------------

    enum Status { OK, MISSING, NOTE }

    record Finding(Status status, String text) {
        @Override
        public String toString() {
            return switch (status) {
                case OK -> "  ok       ";
                case MISSING -> "  MISSING  ";
                case NOTE -> "  note     ";
            } + text;
        }
    }

    /** The cluster could not be asked at all (no context, unreachable, no access). */
    static final class Unreachable extends RuntimeException {
        Unreachable(String message) {
            super(message);
        }
    }

    /** Everything that was found and not found, in the order of the install steps. */
    static List<Finding> check(Kubectl kubectl, Path overlay, Instant now) {
        Answer version = kubectl.ask(Query.VERSION);
        if (version.error() != null || at(version.json(), "serverVersion") == null) {
            throw new Unreachable(version.error() == null ? "kubectl version shows no server" : firstLine(version.error()));
        }
        Map<Query, Answer> answers = new LinkedHashMap<>();
        for (Query query : Query.values()) {
            answers.put(query, query == Query.VERSION ? version : kubectl.ask(query));
        }
        List<Finding> findings = new ArrayList<>();
        checkKubernetes(answers.get(Query.VERSION), findings);
        checkNamespaces(answers.get(Query.NAMESPACES), findings);
        checkStorage(answers.get(Query.STORAGE_CLASSES), findings);
        checkIngressClass(answers.get(Query.INGRESS_CLASSES), findings);
        for (Operator operator : OPERATORS) {
            checkCrds(operator, answers.get(Query.CRDS), findings);
            checkOperator(operator, answers.get(Query.DEPLOYMENTS), findings);
        }
        checkSecretStore(answers.get(Query.SECRET_STORES), findings);
        for (StoreSecret secret : STORE_SECRETS) {
            checkStoreSecret(secret, answers.get(Query.SECRETS), answers.get(Query.EXTERNAL_SECRETS), findings);
        }
        TLS_SECRETS.forEach((secret, host) -> checkTls(secret, host, answers.get(Query.SECRETS), now, findings));
        checkImages(overlay, findings);
        return findings;
    }

    static void checkKubernetes(Answer version, List<Finding> findings) {
        String major = str(at(version.json(), "serverVersion", "major"));
        String minor = str(at(version.json(), "serverVersion", "minor")).replaceAll("\\D.*", "");
        String shown = major + "." + minor;
        if (major.equals("1") && !minor.isEmpty() && Integer.parseInt(minor) >= MIN_KUBERNETES_MINOR) {
            findings.add(ok("Kubernetes " + shown));
        } else {
            findings.add(missing("Kubernetes 1." + MIN_KUBERNETES_MINOR + " or newer: this cluster runs " + shown
                    + " (the manifests use matchLabelKeys in topology spread and unhealthyPodEvictionPolicy in PodDisruptionBudgets)"));
        }
    }

    static void checkNamespaces(Answer namespaces, List<Finding> findings) {
        if (failed(namespaces, "the namespaces", findings)) {
            return;
        }
        Map<String, Object> byName = byName(namespaces.items());
        Object own = byName.get(NAMESPACE);
        if (own == null) {
            findings.add(missing("namespace " + NAMESPACE + " does not exist: kubectl apply --server-side -f k8s/overlays/production/namespace.yaml (step 1)"));
        } else if (!"Active".equals(str(at(own, "status", "phase")))) {
            findings.add(missing("namespace " + NAMESPACE + " is " + str(at(own, "status", "phase")) + ", not Active"));
        } else {
            findings.add(ok("namespace " + NAMESPACE));
        }
        PEER_NAMESPACES.forEach((namespace, who) -> {
            if (byName.containsKey(namespace)) {
                findings.add(ok("namespace " + namespace + " (" + who + ")"));
            } else {
                findings.add(missing("namespace " + namespace + " does not exist: the NetworkPolicies expect " + who
                        + " there (docs/operations.md, \"Network policies\": install it there or change the policies)"));
            }
        });
    }

    static void checkStorage(Answer classes, List<Finding> findings) {
        if (failed(classes, "the storage classes", findings)) {
            return;
        }
        Map<String, Object> byName = byName(classes.items());
        for (String name : STORAGE_CLASSES) {
            findings.add(byName.containsKey(name) ? ok("StorageClass " + name)
                    : missing("StorageClass " + name + " does not exist (the manifests name it)"));
        }
        if (!STORAGE_CLASSES.isEmpty()) {
            return;
        }
        List<String> defaults = new ArrayList<>();
        byName.forEach((name, sc) -> {
            Map<String, Object> annotations = map(at(sc, "metadata", "annotations"));
            if ("true".equals(annotations.get("storageclass.kubernetes.io/is-default-class"))
                    || "true".equals(annotations.get("storageclass.beta.kubernetes.io/is-default-class"))) {
                defaults.add(name);
            }
        });
        if (defaults.isEmpty()) {
            findings.add(missing("a default StorageClass: Kafka's and MongoDB's volumes name no class, so they would stay Pending. "
                    + "Mark one as default (annotation storageclass.kubernetes.io/is-default-class: \"true\") or name a class in "
                    + "kafka.yaml and mongodb.yaml (step 1)"));
            return;
        }
        findings.add(ok("default StorageClass " + String.join(", ", defaults) + " (for Kafka's and MongoDB's volumes)"));
        if (defaults.size() > 1) {
            findings.add(note("there are " + defaults.size() + " default StorageClasses: Kubernetes takes the newest"));
        }
        Object binding = at(byName.get(defaults.get(0)), "volumeBindingMode");
        if (!"WaitForFirstConsumer".equals(binding)) {
            findings.add(note("StorageClass " + defaults.get(0) + " binds volumes " + (binding == null ? "Immediate" : binding)
                    + ": with several zones a volume may be made in a zone its pod's spread rules the pod out of; "
                    + "WaitForFirstConsumer avoids that"));
        }
    }

    static void checkIngressClass(Answer classes, List<Finding> findings) {
        if (failed(classes, "the ingress classes", findings)) {
            return;
        }
        findings.add(byName(classes.items()).containsKey(INGRESS_CLASS)
                ? ok("IngressClass " + INGRESS_CLASS)
                : missing("IngressClass " + INGRESS_CLASS + " does not exist: the Ingresses portal and login use it (install ingress-nginx, step 2)"));
    }

    static void checkCrds(Operator operator, Answer crds, List<Finding> findings) {
        if (failed(crds, "the CRDs", findings)) {
            return;
        }
        Map<String, Object> byName = byName(crds.items());
        for (Crd crd : CRDS) {
            if (crd.operator() != operator) {
                continue;
            }
            Object found = byName.get(crd.name());
            if (found == null) {
                findings.add(missing("CRD " + crd.name() + " (" + crd.kind() + ") is not installed: install " + operator.name()
                        + " with its CRDs (step 2)"));
                continue;
            }
            List<String> served = new ArrayList<>();
            for (Object version : list(at(found, "spec", "versions"))) {
                if (Boolean.TRUE.equals(at(version, "served"))) {
                    served.add(str(at(version, "name")));
                }
            }
            if (!served.contains(crd.version())) {
                findings.add(missing("CRD " + crd.name() + " does not serve " + crd.group() + "/" + crd.version() + " (it serves "
                        + (served.isEmpty() ? "no version" : String.join(", ", served)) + "): " + operator.name() + " is too old" + since(operator)));
            } else if (!conditionTrue(found, "Established")) {
                findings.add(missing("CRD " + crd.name() + " is not established yet"));
            } else {
                findings.add(ok("CRD " + crd.name() + " serves " + crd.group() + "/" + crd.version()));
            }
        }
    }

    private static String since(Operator operator) {
        return operator.minimumVersion() == null ? "" : " (" + operator.minimumVersion() + " or newer needed)";
    }

    static void checkOperator(Operator operator, Answer deployments, List<Finding> findings) {
        if (failed(deployments, "the Deployments", findings)) {
            return;
        }
        List<Object> found = new ArrayList<>();
        for (Object deployment : deployments.items()) {
            // Strimzi's entity operator (made for a Kafka cluster) runs the operator image too
            boolean madeForKafka = map(at(deployment, "metadata", "labels")).containsKey("strimzi.io/cluster");
            if (image(deployment, operator) != null && !madeForKafka) {
                found.add(deployment);
            }
        }
        if (found.isEmpty()) {
            findings.add(missing(capitalized(operator.name()) + " is not running: no Deployment runs an image of "
                    + operator.image() + " (install it, step 2)"));
            return;
        }
        for (Object deployment : found) {
            String namespace = str(at(deployment, "metadata", "namespace"));
            String where = "Deployment " + namespace + "/" + str(at(deployment, "metadata", "name"));
            String image = image(deployment, operator);
            long wanted = number(at(deployment, "spec", "replicas"), 1);
            long available = number(at(deployment, "status", "availableReplicas"), 0);
            List<String> problems = new ArrayList<>();
            if (wanted == 0 || available == 0) {
                problems.add(wanted == 0 ? "is scaled to 0" : "has no pod ready (" + available + " of " + wanted + " available)");
            }
            String version = image.contains(":") ? image.substring(image.lastIndexOf(':') + 1) : "";
            if (operator.minimumVersion() != null && !version.isEmpty() && olderThan(version, operator.minimumVersion())) {
                problems.add("runs " + version + ", older than " + operator.minimumVersion());
            }
            if (namespace.equals(NAMESPACE) && !operator.mayRunInNamespace()) {
                problems.add("runs in " + NAMESPACE + ", where its pods cannot reach the Kubernetes API (every flow there is denied "
                        + "unless a NetworkPolicy allows it): install it in its own namespace, watching " + NAMESPACE);
            }
            Set<String> watched = operator.watchEnv() == null ? Set.of("*") : watched(deployment, operator);
            if (!watched.contains("*") && !watched.contains(NAMESPACE)) {
                problems.add("watches only " + String.join(", ", watched) + ", not " + NAMESPACE + " (" + operator.watchEnv()
                        + "): it would ignore the portal's resources");
            }
            String text = capitalized(operator.name()) + " (" + where + ", " + image + ")";
            if (problems.isEmpty()) {
                findings.add(ok(text + (operator.watchEnv() == null ? "" : ", watching " + NAMESPACE)));
            } else {
                findings.add(missing(text + " " + String.join("; ", problems)));
            }
        }
    }

    /** The image of the Deployment's container that is the operator, or null. */
    private static String image(Object deployment, Operator operator) {
        for (Object container : list(at(deployment, "spec", "template", "spec", "containers"))) {
            String image = str(at(container, "image"));
            if (image.contains(operator.image())) {
                return image;
            }
        }
        return null;
    }

    /** The namespaces the operator of this Deployment watches, "*" for all. */
    static Set<String> watched(Object deployment, Operator operator) {
        String own = str(at(deployment, "metadata", "namespace"));
        // installed through OLM: the OperatorGroup's target namespaces ("" = all)
        Object olm = at(deployment, "spec", "template", "metadata", "annotations", "olm.targetNamespaces");
        if (olm != null && operator.watchEnv().startsWith("QUARKUS")) {
            return str(olm).isBlank() ? Set.of("*") : namespaces(str(olm), own);
        }
        for (Object container : list(at(deployment, "spec", "template", "spec", "containers"))) {
            if (!str(at(container, "image")).contains(operator.image())) {
                continue;
            }
            for (Object env : list(at(container, "env"))) {
                if (!operator.watchEnv().equals(at(env, "name"))) {
                    continue;
                }
                if (at(env, "value") != null) {
                    return namespaces(str(at(env, "value")), own);
                }
                if ("metadata.namespace".equals(at(env, "valueFrom", "fieldRef", "fieldPath"))) {
                    return Set.of(own);
                }
                return Set.of("(" + operator.watchEnv() + " set from elsewhere: could not tell)");
            }
        }
        return Set.of(own);
    }

    private static Set<String> namespaces(String value, String own) {
        Set<String> namespaces = new LinkedHashSet<>();
        for (String namespace : value.split(",")) {
            String trimmed = namespace.strip();
            switch (trimmed) {
                case "*", "JOSDK_ALL_NAMESPACES" -> namespaces.add("*");
                case "JOSDK_WATCH_CURRENT" -> namespaces.add(own);
                case "" -> { }
                default -> namespaces.add(trimmed);
            }
        }
        return namespaces.isEmpty() ? Set.of("*") : namespaces;
    }

    static void checkSecretStore(Answer stores, List<Finding> findings) {
        if (stores.error() != null) {
            findings.add(missing("ClusterSecretStore " + SECRET_STORE + ": could not be looked up (" + firstLine(stores.error())
                    + "); External Secrets' CRDs come first (step 2)"));
            return;
        }
        Object store = byName(stores.items()).get(SECRET_STORE);
        if (store == null) {
            findings.add(missing("ClusterSecretStore " + SECRET_STORE + " does not exist: make it for your secret store (step 4)"));
            return;
        }
        if (!conditionTrue(store, "Ready")) {
            findings.add(missing("ClusterSecretStore " + SECRET_STORE + " is not ready: " + conditionMessage(store, "Ready")));
            return;
        }
        List<String> refused = new ArrayList<>();
        for (Object condition : list(at(store, "spec", "conditions"))) {
            List<Object> names = list(at(condition, "namespaces"));
            if (!names.isEmpty() && !names.contains(NAMESPACE)) {
                refused.add("spec.conditions allows only the namespaces " + names);
            }
            Map<String, Object> labels = map(at(condition, "namespaceSelector", "matchLabels"));
            if (!labels.isEmpty() && !labels.equals(Map.of("kubernetes.io/metadata.name", NAMESPACE))) {
                refused.add("spec.conditions selects namespaces by " + labels + " (could not tell whether " + NAMESPACE + " matches)");
            }
        }
        findings.add(refused.isEmpty() ? ok("ClusterSecretStore " + SECRET_STORE + " is ready")
                : missing("ClusterSecretStore " + SECRET_STORE + " may not serve " + NAMESPACE + ": " + String.join("; ", refused)));
    }

    static void checkStoreSecret(StoreSecret expected, Answer secrets, Answer externalSecrets, List<Finding> findings) {
        if (failed(secrets, "the Secrets in " + NAMESPACE, findings)) {
            return;
        }
        String holds = expected.storeKey() + " with the properties " + String.join(", ", new LinkedHashSet<>(expected.properties().values()));
        Object secret = byName(secrets.items()).get(expected.secret());
        if (secret == null) {
            Object externalSecret = externalSecrets.error() == null ? byName(externalSecrets.items()).get(expected.secret()) : null;
            if (externalSecret == null) {
                findings.add(missing("Secret " + expected.secret() + " (for " + expected.readBy() + ") is not there: apply the "
                        + "ExternalSecrets (step 4), after putting " + holds + " in the store"));
            } else {
                findings.add(missing("Secret " + expected.secret() + " (for " + expected.readBy() + ") is not there: ExternalSecret "
                        + expected.secret() + " says: " + conditionMessage(externalSecret, "Ready") + ". The store must hold " + holds));
            }
            return;
        }
        Map<String, Object> data = map(at(secret, "data"));
        List<String> lacking = new ArrayList<>();
        expected.properties().forEach((key, property) -> {
            if (str(data.get(key)).isEmpty()) {
                lacking.add(key);
            }
        });
        if (lacking.isEmpty()) {
            findings.add(ok("Secret " + expected.secret() + " (from " + expected.storeKey() + ")"));
        } else {
            List<String> properties = lacking.stream().map(expected.properties()::get).toList();
            findings.add(missing("Secret " + expected.secret() + " has no (or an empty) " + String.join(", ", lacking)
                    + ": put the properties " + String.join(", ", properties) + " into " + expected.storeKey()
                    + " in the store (the ExternalSecret refreshes hourly; annotate it force-sync=<now> to refresh at once)"));
        }
    }

    static void checkTls(String name, String host, Answer secrets, Instant now, List<Finding> findings) {
        if (failed(secrets, "the Secrets in " + NAMESPACE, findings)) {
            return;
        }
        Object secret = byName(secrets.items()).get(name);
        if (secret == null) {
            findings.add(missing("TLS Secret " + name + " (for " + host + ") does not exist in " + NAMESPACE
                    + ": make it with cert-manager or kubectl create secret tls (step 5)"));
            return;
        }
        String certificate = str(at(secret, "data", "tls.crt"));
        if (!"kubernetes.io/tls".equals(at(secret, "type")) || certificate.isEmpty() || str(at(secret, "data", "tls.key")).isEmpty()) {
            findings.add(missing("TLS Secret " + name + " is not a TLS Secret with tls.crt and tls.key (type "
                    + str(at(secret, "type")) + ")"));
            return;
        }
        X509Certificate leaf;
        try {
            leaf = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(Base64.getDecoder().decode(certificate))).iterator().next();
        } catch (CertificateException | IllegalArgumentException | java.util.NoSuchElementException e) {
            findings.add(missing("TLS Secret " + name + ": tls.crt is not a PEM certificate"));
            return;
        }
        List<String> names = dnsNames(leaf);
        Instant notAfter = leaf.getNotAfter().toInstant();
        if (names.stream().noneMatch(n -> covers(n, host))) {
            findings.add(missing("TLS Secret " + name + ": its certificate is for " + names + ", not " + host));
        } else if (notAfter.isBefore(now)) {
            findings.add(missing("TLS Secret " + name + ": its certificate for " + host + " expired on " + notAfter));
        } else if (leaf.getNotBefore().toInstant().isAfter(now)) {
            findings.add(missing("TLS Secret " + name + ": its certificate for " + host + " is valid only from " + leaf.getNotBefore().toInstant()));
        } else {
            findings.add(ok("TLS Secret " + name + " for " + host + ", valid until " + notAfter));
            if (notAfter.isBefore(now.plus(CERTIFICATE_WARNING))) {
                findings.add(note("the certificate in " + name + " expires within " + CERTIFICATE_WARNING.toDays() + " days"));
            }
        }
    }

    private static List<String> dnsNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> alternative : alternatives) {
                    if (Integer.valueOf(2).equals(alternative.get(0))) {
                        names.add(String.valueOf(alternative.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // no names: reported as not covering the host
        }
        return names;
    }

    static boolean covers(String pattern, String host) {
        String p = pattern.toLowerCase(java.util.Locale.ROOT);
        String h = host.toLowerCase(java.util.Locale.ROOT);
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot).equals(p.substring(1));
        }
        return p.equals(h);
    }

    /** The overlay pins every image by a registry's digest (k8s/release-images.sh writes them): step 6. */
    static void checkImages(Path overlay, List<Finding> findings) {
        String shown = overlay.normalize().endsWith(OVERLAY) ? OVERLAY : overlay.toString();
        Map<String, String> images;
        try {
            images = overlayImages(overlay);
        } catch (IOException | UncheckedIOException e) {
            findings.add(missing("the images of " + shown + " could not be read: " + e.getMessage()));
            return;
        }
        if (images.isEmpty()) {
            findings.add(missing("no images: " + shown + "/kustomization.yaml has no images: entries"));
            return;
        }
        List<String> unreleased = new ArrayList<>();
        List<String> unpinned = new ArrayList<>();
        images.forEach((name, reference) -> {
            int at = reference.indexOf('@');
            String digest = at < 0 ? "" : reference.substring(at + 1);
            if (digest.equals(UNRELEASED)) {
                unreleased.add(name.substring(name.lastIndexOf('/') + 1));
            } else if (!digest.matches("sha256:[0-9a-f]{64}")) {
                unpinned.add(reference);
            }
        });
        if (!unreleased.isEmpty()) {
            findings.add(missing("images not released: " + String.join(", ", unreleased) + " carry the placeholder digest " + UNRELEASED
                    + " in " + shown + ": build and push them with k8s/release-images.sh <version>, which writes their digests (step 6)"));
        }
        if (!unpinned.isEmpty()) {
            findings.add(missing("images not pinned by digest in " + shown + ": " + String.join(", ", unpinned)
                    + " (a tag can be moved to another image): release them with k8s/release-images.sh <version> (step 6)"));
        }
        if (unreleased.isEmpty() && unpinned.isEmpty()) {
            List<String> tagged = new ArrayList<>();
            images.values().forEach(reference -> tagged.add(reference.substring(reference.lastIndexOf('/') + 1, reference.indexOf('@'))));
            findings.add(ok(images.size() + " images pinned by digest in " + shown + " (" + String.join(", ", tagged) + ")"));
        }
    }

    private static final Pattern IMAGE_LINE = Pattern.compile("^\\s*(?:-\\s+)?image:\\s*[\"']?([^\\s\"'#]+)");
    private static final Pattern KEY_VALUE = Pattern.compile("^([A-Za-z]+):\\s*[\"']?([^\\s\"'#]*)");

    /**
     * The images an overlay names, image name → reference (name:tag@digest) as the render will carry it: the {@code images:}
     * entries of its kustomization.yaml (name, newName, newTag, digest) and every {@code image:} of its own files (such
     * as a Keycloak's spec.image). Read as plain text, enough for these files; the build compares it with the render.
     */
    static Map<String, String> overlayImages(Path overlay) throws IOException {
        Map<String, String> images = new LinkedHashMap<>();
        Map<String, String> entry = null;
        boolean inImages = false;
        for (String line : Files.readAllLines(overlay.resolve("kustomization.yaml"), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            if (!line.startsWith(" ") && !line.startsWith("-")) {
                inImages = line.startsWith("images:");
                continue;
            }
            if (!inImages) {
                continue;
            }
            String item = line.strip();
            if (item.startsWith("- ")) {
                addImage(images, entry);
                entry = new LinkedHashMap<>();
                item = item.substring(2).strip();
            }
            Matcher keyValue = KEY_VALUE.matcher(item);
            if (entry != null && keyValue.find()) {
                entry.put(keyValue.group(1), keyValue.group(2));
            }
        }
        addImage(images, entry);
        try (var files = Files.list(overlay)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml") && !f.getFileName().toString().equals("kustomization.yaml"))
                    .sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    Matcher image = IMAGE_LINE.matcher(line);
                    if (image.find()) {
                        String reference = image.group(1);
                        images.put(imageName(reference), reference);
                    }
                }
            }
        }
        return images;
    }

    private static void addImage(Map<String, String> images, Map<String, String> entry) {
        if (entry == null || !entry.containsKey("name")) {
            return;
        }
        String name = entry.getOrDefault("newName", entry.get("name"));
        String tag = entry.get("newTag");
        String digest = entry.get("digest");
        images.put(name, name + (tag == null || tag.isEmpty() ? "" : ":" + tag) + (digest == null || digest.isEmpty() ? "" : "@" + digest));
    }

    /** An image reference without its tag and digest. */
    static String imageName(String reference) {
        String name = reference.contains("@") ? reference.substring(0, reference.indexOf('@')) : reference;
        int colon = name.lastIndexOf(':');
        return colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
    }

    // ---------------------------------------------------------------------------------------------
    // Running it
    // ---------------------------------------------------------------------------------------------

    /** Prints the findings and returns the exit status. */
    static int run(Kubectl kubectl, Path overlay, Instant now, PrintStream out) {
        out.println("Preflight of the notary portal's production overlay (namespace " + NAMESPACE + ")");
        List<Finding> findings;
        try {
            findings = check(kubectl, overlay, now);
        } catch (Unreachable e) {
            out.println("  cannot ask the cluster: " + e.getMessage());
            out.println("Check kubectl's context (kubectl config current-context) and your access, then run this again.");
            return 2;
        }
        findings.forEach(out::println);
        long missing = findings.stream().filter(f -> f.status() == Status.MISSING).count();
        long checked = findings.stream().filter(f -> f.status() != Status.NOTE).count();
        if (missing == 0) {
            out.println("Ready: all " + checked + " prerequisites are there. Next: kubectl apply --server-side -k k8s/overlays/production");
            return 0;
        }
        out.println(missing + " of " + checked + " prerequisites missing (MISSING above). How to install each: " + DOCS + ".");
        return 1;
    }

    public static void main(String[] args) {
        List<String> extra = new ArrayList<>();
        Path overlay = Path.of(OVERLAY);
        for (int i = 0; i < args.length; i++) {
            if ((args[i].equals("--context") || args[i].equals("--kubeconfig")) && i + 1 < args.length) {
                extra.add(args[i]);
                extra.add(args[++i]);
            } else if (args[i].equals("--overlay") && i + 1 < args.length) {
                overlay = Path.of(args[++i]);
            } else {
                System.err.println("usage: k8s/preflight.sh [--context NAME] [--kubeconfig FILE] [--overlay DIR]");
                System.exit(2);
            }
        }
        System.exit(run(kubectl(extra), overlay, Instant.now(), System.out));
    }

    // ---------------------------------------------------------------------------------------------
    // Small helpers
    // ---------------------------------------------------------------------------------------------

    private static Finding ok(String text) {
        return new Finding(Status.OK, text);
    }

    private static Finding missing(String text) {
        return new Finding(Status.MISSING, text);
    }

    private static Finding note(String text) {
        return new Finding(Status.NOTE, text);
    }

    /** Reports a query kubectl refused (e.g. no permission to list) as a missing check, and says so. */
    private static boolean failed(Answer answer, String what, List<Finding> findings) {
        if (answer.error() == null) {
            return false;
        }
        Finding finding = missing("could not list " + what + ": " + firstLine(answer.error()));
        if (!findings.contains(finding)) {
            findings.add(finding);
        }
        return true;
    }

    private static Map<String, Object> byName(List<Object> items) {
        Map<String, Object> byName = new LinkedHashMap<>();
        items.forEach(item -> byName.put(str(at(item, "metadata", "name")), item));
        return byName;
    }

    private static boolean conditionTrue(Object resource, String type) {
        return list(at(resource, "status", "conditions")).stream()
                .anyMatch(c -> type.equals(at(c, "type")) && "True".equals(at(c, "status")));
    }

    private static String conditionMessage(Object resource, String type) {
        for (Object condition : list(at(resource, "status", "conditions"))) {
            if (type.equals(at(condition, "type"))) {
                String reason = str(at(condition, "reason"));
                String message = str(at(condition, "message"));
                return (reason.isEmpty() ? "" : reason + ": ") + (message.isEmpty() ? "no message" : message);
            }
        }
        return "no " + type + " condition yet";
    }

    static boolean olderThan(String version, String minimum) {
        String[] have = version.replaceFirst("^v", "").split("[.-]");
        String[] need = minimum.split("\\.");
        for (int i = 0; i < need.length; i++) {
            if (i >= have.length || !have[i].matches("\\d+")) {
                return false; // not a version number (a digest, "latest"): cannot tell
            }
            int compare = Integer.compare(Integer.parseInt(have[i]), Integer.parseInt(need[i]));
            if (compare != 0) {
                return compare < 0;
            }
        }
        return false;
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("").strip();
    }

    private static long number(Object value, long otherwise) {
        return value instanceof Number n ? n.longValue() : otherwise;
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    static Object at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value instanceof List<?> l ? (List<Object>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    static String str(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    /** Just enough JSON for kubectl's output: objects (ordered maps), arrays, strings, numbers, true, false, null. */
    static final class Json {
        private final String text;
        private int pos;

        private Json(String text) {
            this.text = text;
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.skipSpace();
            if (json.pos != text.length()) {
                throw json.error("unexpected text after the value");
            }
            return value;
        }

        private Object value() {
            skipSpace();
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(pos);
            switch (c) {
                case '{': {
                    Map<String, Object> object = new LinkedHashMap<>();
                    pos++;
                    skipSpace();
                    if (peek() == '}') {
                        pos++;
                        return object;
                    }
                    while (true) {
                        skipSpace();
                        String key = string();
                        skipSpace();
                        expect(':');
                        object.put(key, value());
                        skipSpace();
                        if (peek() == ',') {
                            pos++;
                        } else {
                            expect('}');
                            return object;
                        }
                    }
                }
                case '[': {
                    List<Object> array = new ArrayList<>();
                    pos++;
                    skipSpace();
                    if (peek() == ']') {
                        pos++;
                        return array;
                    }
                    while (true) {
                        array.add(value());
                        skipSpace();
                        if (peek() == ',') {
                            pos++;
                        } else {
                            expect(']');
                            return array;
                        }
                    }
                }
                case '"':
                    return string();
                default:
                    if (text.startsWith("true", pos)) {
                        pos += 4;
                        return Boolean.TRUE;
                    }
                    if (text.startsWith("false", pos)) {
                        pos += 5;
                        return Boolean.FALSE;
                    }
                    if (text.startsWith("null", pos)) {
                        pos += 4;
                        return null;
                    }
                    return number();
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = text.charAt(pos++);
                switch (escaped) {
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> out.append(escaped);
                }
            }
        }

        private Number number() {
            int start = pos;
            while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String number = text.substring(start, pos);
            if (number.isEmpty()) {
                throw error("unexpected character '" + text.charAt(pos) + "'");
            }
            return number.matches("-?\\d+") ? (Number) Long.valueOf(number) : (Number) Double.valueOf(number);
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        private IllegalArgumentException error(String what) {
            return new IllegalArgumentException("kubectl's JSON at character " + pos + ": " + what);
        }
    }
}
