package nl.notaris.portal.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Checks that an emitted event matches its JSON Schema in the repository's {@code contracts/events}. */
public final class EventContracts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventContracts() {
    }

    /** Returns the validation errors of the event (empty when it is valid). */
    public static Set<String> violations(String eventJson) {
        try {
            JsonNode event = JSON.readTree(eventJson);
            String type = event.path("type").asText();
            Path schemaFile = contractsFolder().resolve("events").resolve(type + ".schema.json");
            if (!Files.exists(schemaFile)) {
                return Set.of("no contract for event type '" + type + "' in " + schemaFile);
            }
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(Files.newInputStream(schemaFile));
            return schema.validate(event).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path contractsFolder() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("contracts"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("contracts/ folder not found above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve("contracts");
    }
}
