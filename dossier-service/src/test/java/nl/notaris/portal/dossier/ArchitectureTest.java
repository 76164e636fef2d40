package nl.notaris.portal.dossier;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.importer.ClassFileImporter;

import nl.notaris.portal.testsupport.ServiceArchitecture;

class ArchitectureTest {

    @Test
    void followsTheServiceStructure() {
        ServiceArchitecture.verify("nl.notaris.portal.dossier");
    }

    @Test
    void theRuleCatchesAControllerThatReturnsAStoredDocument() {
        var classes = new ClassFileImporter().importClasses(LeakyController.class, Stored.class);
        assertThatThrownBy(() -> ServiceArchitecture.controllersAnswerWithRecords().check(classes))
                .isInstanceOf(AssertionError.class).hasMessageContaining("LeakyController.get()")
                .hasMessageContaining("LeakyController.wrapped()").hasMessageContaining("LeakyController.listed()");
    }

    @Test
    void theRuleCatchesACycleBetweenFeaturePackages() {
        var classes = new ClassFileImporter().importPackages("nl.notaris.portal.testcycle");
        assertThatThrownBy(() -> ServiceArchitecture.noCyclesBetweenFeatures("nl.notaris.portal.testcycle").check(classes))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle detected");
    }

    @Document("stored")
    static class Stored {
    }

    @RestController
    static class LeakyController {
        public Stored get() {
            return new Stored();
        }

        public ResponseEntity<Stored> wrapped() {
            return ResponseEntity.ok(new Stored());
        }

        public List<Stored> listed() {
            return List.of();
        }
    }
}
