package nl.notaris.portal.questionnaire.definition;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.InvalidRequestException;
import nl.notaris.portal.support.web.NotFoundException;

/** The office's questionnaire definitions, versioned (STF-5). Needs the {@code staff} role. */
@RestController
@Tag(name = "Questionnaire definitions (staff)")
class StaffQuestionnaireController {

    private final Definitions definitions;

    StaffQuestionnaireController(Definitions definitions) {
        this.definitions = definitions;
    }

    @PostMapping("/api/staff/questionnaires")
    @Operation(summary = "Upload a questionnaire; a known key gets its next version",
            description = "Pages of questions (shortText, longText, number, amount, date, yesNo, choice, multiChoice, "
                    + "group), formats postcode/iban/bsn/email/phone, date ranges, showIf conditions. A wrong "
                    + "definition answers 400 naming the place, e.g. pages[1].questions[3].options.")
    ResponseEntity<DefinitionView> publish(Caller caller, @RequestBody Definition definition) {
        if (definition == null) {
            throw new InvalidRequestException("key", "The questionnaire definition is required.");
        }
        StoredDefinition stored = definitions.publish(caller, definition);
        return ResponseEntity.created(URI.create("/api/staff/questionnaires/" + stored.key() + "/versions/"
                + stored.version())).body(DefinitionView.of(stored));
    }

    @GetMapping("/api/staff/questionnaires")
    @Operation(summary = "Every questionnaire in its newest version")
    List<Summary> list() {
        return definitions.latestOfEach().stream()
                .map(d -> new Summary(d.key(), d.version(), d.definition().title(), d.createdAt())).toList();
    }

    @GetMapping("/api/staff/questionnaires/{key}")
    @Operation(summary = "The newest version of a questionnaire")
    DefinitionView latest(@PathVariable String key) {
        return definitions.latest(key).map(DefinitionView::of)
                .orElseThrow(() -> new NotFoundException("Questionnaire " + key + " was not found."));
    }

    @GetMapping("/api/staff/questionnaires/{key}/versions/{version}")
    @Operation(summary = "One version of a questionnaire, as assignments of that version show it")
    DefinitionView version(@PathVariable String key, @PathVariable int version) {
        return DefinitionView.of(definitions.version(key, version));
    }

    record Summary(String key, int version, String title, Instant createdAt) {
    }

    record DefinitionView(String key, int version, Instant createdAt, Definition definition) {

        static DefinitionView of(StoredDefinition stored) {
            return new DefinitionView(stored.key(), stored.version(), stored.createdAt(), stored.definition());
        }
    }
}
