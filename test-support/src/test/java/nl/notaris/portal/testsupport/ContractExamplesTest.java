package nl.notaris.portal.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every event type in {@code contracts/events} has at least one valid example that its schema
 * accepts and at least one invalid example that its schema rejects, so the check is known to bite.
 */
class ContractExamplesTest {

    @Test
    void thereAreContracts() {
        assertThat(EventContracts.types()).contains("portal.dossier.created", "portal.dossier.changed",
                "portal.document.published");
    }

    @TestFactory
    Stream<DynamicTest> everyTypeHasValidAndInvalidExamples() {
        return EventContracts.types().stream().flatMap(type -> {
            List<Path> valid = EventContracts.exampleFiles(type, "valid");
            List<Path> invalid = EventContracts.exampleFiles(type, "invalid");
            return Stream.concat(
                    Stream.of(DynamicTest.dynamicTest(type + " has valid and invalid examples", () -> {
                        assertThat(valid).as("valid examples of " + type).isNotEmpty();
                        assertThat(invalid).as("invalid examples of " + type).isNotEmpty();
                    })),
                    Stream.concat(
                            valid.stream().map(file -> DynamicTest.dynamicTest(type + " accepts " + file.getFileName(),
                                    () -> assertThat(EventContracts.violations(read(file))).isEmpty())),
                            invalid.stream().map(file -> DynamicTest.dynamicTest(type + " rejects " + file.getFileName(),
                                    () -> assertThat(EventContracts.violations(read(file))).isNotEmpty()))));
        });
    }

    /** The AsyncAPI document lists every event type, so it describes what is on the wire. */
    @Test
    void theAsyncApiDocumentRefersToEverySchema() throws IOException {
        String asyncApi = Files.readString(EventContracts.contractsFolder().resolve("asyncapi.yaml"));
        assertThat(EventContracts.types()).allSatisfy(type -> assertThat(asyncApi)
                .contains("$ref: './events/" + type + ".schema.json'").contains("name: " + type));
    }

    @Test
    void anAdaptedExampleThatBreaksItsContractIsRefused() {
        ContractExample example = EventContracts.example("portal.dossier.changed").with("data.status", "SLEEPING");
        assertThatThrownBy(example::json).hasMessageContaining("breaks its contract");
    }

    @Test
    void examplesGetAFreshIdEachTime() {
        assertThat(EventContracts.example("portal.dossier.created").id())
                .isNotEqualTo(EventContracts.example("portal.dossier.created").id());
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
