package nl.notaris.portal.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The event contracts of the repository's {@code contracts/}: a JSON Schema per event type in
 * {@code events/} and, per type, example events in {@code examples/<type>/} ({@code valid*.json}
 * that must pass, {@code invalid*.json} that must fail). Producers check what they emit with
 * {@link #violations}; consumers are fed the examples through {@link #example}.
 */
public final class EventContracts {

    static final ObjectMapper JSON = new ObjectMapper();

    private EventContracts() {
    }

    /** Returns the validation errors of the event (empty when it is valid). */
    public static Set<String> violations(String eventJson) {
        try {
            return violations(JSON.readTree(eventJson));
        } catch (IOException e) {
            return Set.of("not JSON: " + e.getMessage());
        }
    }

    static Set<String> violations(JsonNode event) {
        String type = event.path("type").asText();
        Path schemaFile = contractsFolder().resolve("events").resolve(type + ".schema.json");
        if (!Files.exists(schemaFile)) {
            return Set.of("no contract for event type '" + type + "' in " + schemaFile);
        }
        var config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        try (InputStream in = Files.newInputStream(schemaFile)) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
            return schema.validate(event).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event types that have a schema. */
    public static List<String> types() {
        try (Stream<Path> files = Files.list(contractsFolder().resolve("events"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".schema.json"))
                    .map(n -> n.substring(0, n.length() - ".schema.json".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The example files of a type whose names start with {@code prefix} ("valid" or "invalid"). */
    public static List<Path> exampleFiles(String type, String prefix) {
        Path folder = contractsFolder().resolve("examples").resolve(type);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix + ".")
                    || f.getFileName().toString().startsWith(prefix + "-")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first valid example of a type ({@code valid.json}), with a fresh event id. */
    public static ContractExample example(String type) {
        return example(type, "valid");
    }

    /** A named valid example of a type ({@code <name>.json}), with a fresh event id. */
    public static ContractExample example(String type, String name) {
        Path file = contractsFolder().resolve("examples").resolve(type).resolve(name + ".json");
        try {
            return new ContractExample(JSON.readTree(file.toFile())).withNewId();
        } catch (IOException e) {
            throw new UncheckedIOException("No example " + file, e);
        }
    }

    static Path contractsFolder() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("contracts").resolve("events"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("contracts/ folder not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("contracts");
    }
}
