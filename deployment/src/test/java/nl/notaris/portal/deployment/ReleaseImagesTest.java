package nl.notaris.portal.deployment;

import static nl.notaris.portal.deployment.Yamls.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * k8s/release-images.sh, run on a copy of the repository's k8s/ with a stand-in docker (no Docker engine needed): it
 * builds each image from the one Dockerfile with the service's name and port, pushes it, pins the production overlay
 * to the digests the registry answers (which then passes the release check), and refuses a version that exists. And
 * every place that builds a service image passes the service's own port.
 */
class ReleaseImagesTest {

    static final Path ROOT = ProjectFacts.ROOT;

    @TempDir
    Path work;

    /** A docker that logs its calls and plays a registry: a pushed tag's digest is the SHA-256 of its name. */
    static final String FAKE_DOCKER = """
            #!/usr/bin/env bash
            echo "docker $*" >> "$DOCKER_LOG"
            key() { printf %s "$1" | tr '/:@' '___'; }
            case "$1 ${2:-}" in
              "build "*) exit 0 ;;
              "push "*) touch "$REGISTRY_DIR/$(key "$2")"; echo "$2: digest: sha256:... size: 1234" ;;
              "buildx imagetools")
                ref=$4
                [[ -e "$REGISTRY_DIR/$(key "$ref")" ]] || { echo "ERROR: $ref: not found" >&2; exit 1; }
                echo "\\"sha256:$(printf %s "$ref" | sha256sum | cut -d' ' -f1)\\"" ;;
              *) echo "unexpected: docker $*" >&2; exit 1 ;;
            esac
            """;

    record Result(int exit, String output, List<String> dockerCalls) {
    }

    /** A checkout with k8s/, docker/service.Dockerfile and the jars (empty files). */
    Path checkout() throws IOException {
        Path root = work.resolve("repo");
        copy(ROOT.resolve("k8s"), root.resolve("k8s"));
        Files.createDirectories(root.resolve("docker"));
        Files.copy(ROOT.resolve("docker/service.Dockerfile"), root.resolve("docker/service.Dockerfile"));
        for (String module : Stream.concat(ProjectFacts.SERVICE_PORTS.keySet().stream(), Stream.of("keycloak")).toList()) {
            Files.createDirectories(root.resolve(module).resolve("target"));
            Files.writeString(root.resolve(module).resolve("target").resolve(module + ".jar"), "");
        }
        Files.createDirectories(work.resolve("registry"));
        Path bin = Files.createDirectories(work.resolve("bin"));
        Files.writeString(bin.resolve("docker"), FAKE_DOCKER);
        Files.setPosixFilePermissions(bin.resolve("docker"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return root;
    }

    Result release(Path root, String version) throws Exception {
        Path log = work.resolve("docker.log");
        Files.deleteIfExists(log);
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("k8s/release-images.sh").toString(), version).redirectErrorStream(true);
        builder.environment().put("PATH", work.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().put("DOCKER_LOG", log.toString());
        builder.environment().put("REGISTRY_DIR", work.resolve("registry").toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output, Files.exists(log) ? Files.readAllLines(log) : List.of());
    }

    static String digest(String ref) throws Exception {
        return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(ref.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void buildsEachImageFromTheOneDockerfilePushesItAndPinsTheOverlayByDigest() throws Exception {
        Path root = checkout();
        Result result = release(root, "0.2.0");
        assertThat(result.exit()).as(result.output()).isZero();

        String registry = "registry.notaris.example/notary-portal/";
        List<String> builds = result.dockerCalls().stream().filter(c -> c.startsWith("docker build ")).toList();
        List<String> expected = new ArrayList<>();
        ProjectFacts.SERVICE_PORTS.forEach((service, port) -> expected.add("docker build --pull -f docker/service.Dockerfile --build-arg SERVICE="
                + service + " --build-arg PORT=" + port + " -t " + registry + service + ":0.2.0 " + service));
        expected.add("docker build --pull -t " + registry + "keycloak:0.2.0 keycloak");
        assertThat(builds).containsExactlyElementsOf(expected);
        assertThat(result.dockerCalls()).filteredOn(c -> c.startsWith("docker push ")).hasSize(8);

        List<Map<String, Object>> docs = Kustomize.build(root.resolve("k8s/overlays/production"));
        assertThat(ManifestChecks.releaseProblems(docs)).isEmpty();
        assertThat(ManifestChecks.versionProblems(docs)).isEmpty();
        assertThat(String.valueOf(ManifestChecks.container(ManifestChecks.find(docs, "Deployment", "gateway")).get("image")))
                .isEqualTo(registry + "gateway:0.2.0@" + digest(registry + "gateway:0.2.0"));
        assertThat(String.valueOf(at(ManifestChecks.find(docs, "Keycloak", "keycloak"), "spec", "image")))
                .isEqualTo(registry + "keycloak:0.2.0@" + digest(registry + "keycloak:0.2.0"));
        assertThat(ManifestChecks.podLabels(ManifestChecks.find(docs, "Deployment", "dossier-service"))).containsEntry("app.kubernetes.io/version", "0.2.0");
        // the preflight now finds every image pinned
        List<Preflight.Finding> findings = new ArrayList<>();
        Preflight.checkImages(root.resolve("k8s/overlays/production"), findings);
        assertThat(findings).singleElement().satisfies(f -> assertThat(f.status()).isEqualTo(Preflight.Status.OK));
        // nothing else changed: the same files, the same render apart from images and version labels
        List<Map<String, Object>> before = Kustomize.build(ROOT.resolve("k8s/overlays/production"));
        assertThat(KubernetesManifestsTest.differences(KubernetesManifestsTest.byId(before), KubernetesManifestsTest.byId(docs), ""))
                .allMatch(d -> d.contains("/image: ") || d.contains("app.kubernetes.io/version: "));

        // a version in the registry is never built or pushed again, and the files stay as they are
        String pinned = Files.readString(root.resolve("k8s/overlays/production/kustomization.yaml"));
        Result again = release(root, "0.2.0");
        assertThat(again.exit()).isNotZero();
        assertThat(again.output()).contains("registry.notaris.example/notary-portal/gateway:0.2.0 is in the registry already");
        assertThat(again.dockerCalls()).noneMatch(c -> c.startsWith("docker build ") || c.startsWith("docker push "));
        assertThat(Files.readString(root.resolve("k8s/overlays/production/kustomization.yaml"))).isEqualTo(pinned);
    }

    @Test
    void refusesAMissingJarOrVersionAndLeavesTheOverlayAsItWas() throws Exception {
        Path root = checkout();
        String before = Files.readString(root.resolve("k8s/overlays/production/kustomization.yaml"));
        Files.delete(root.resolve("document-service/target/document-service.jar"));
        Result missingJar = release(root, "0.2.0");
        assertThat(missingJar.exit()).isNotZero();
        assertThat(missingJar.output()).contains("document-service/target/document-service.jar is missing: run ./mvnw -DskipTests package first");
        Result noVersion = release(root, "latest");
        assertThat(noVersion.exit()).isNotZero();
        assertThat(noVersion.output()).contains("usage: k8s/release-images.sh <version>");
        assertThat(Files.readString(root.resolve("k8s/overlays/production/kustomization.yaml"))).isEqualTo(before);
        assertThat(missingJar.dockerCalls()).noneMatch(c -> c.startsWith("docker build ") || c.startsWith("docker push "));
    }

    /** Every service:port pair the script and the docs' build loops name, and compose's build args. */
    @Test
    void everyBuildOfAServiceImagePassesItsOwnPort() throws IOException {
        Pattern pair = Pattern.compile("\\b([a-z]+(?:-service)?):(\\d{4})\\b");
        for (Path file : List.of(ROOT.resolve("k8s/release-images.sh"), ROOT.resolve("docs/operations.md"))) {
            String text = Files.readString(file);
            Map<String, Integer> named = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                if (line.contains("gateway:8080") || line.contains("questionnaire-service:8085")) {
                    Matcher m = pair.matcher(line);
                    while (m.find()) {
                        if (ProjectFacts.SERVICE_PORTS.containsKey(m.group(1))) {
                            named.put(m.group(1), Integer.parseInt(m.group(2)));
                        }
                    }
                }
            }
            assertThat(named).as(file.toString()).isEqualTo(ProjectFacts.SERVICE_PORTS);
        }
        assertThat(Files.readString(ROOT.resolve("docs/operations.md"))).contains("--build-arg SERVICE=$s --build-arg PORT=${sp#*:}");
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
