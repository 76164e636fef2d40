package nl.notaris.portal.questionnaire.definition;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.InvalidRequestException;
import nl.notaris.portal.support.web.NotFoundException;

/** The office's questionnaire definitions, versioned (STF-5). Needs the {@code staff} role. */
@RestController
@Tag(name = "Questionnaire definitions (staff)", description = "The office's questionnaires, each kept in every "
        + "version it had (STF-5).")
class StaffQuestionnaireController {

    private final Definitions definitions;

    StaffQuestionnaireController(Definitions definitions) {
        this.definitions = definitions;
    }

    @PostMapping("/api/staff/questionnaires")
    @Operation(summary = "Upload a questionnaire; a known key gets its next version",
            description = "Pages of questions (shortText, longText, number, amount, date, yesNo, choice, multiChoice, "
                    + "group), formats postcode/iban/bsn/email/phone, date ranges, showIf conditions. A wrong "
                    + "definition answers 400 naming the place, e.g. pages[1].questions[3].options. The format in full: "
                    + "scripts/questionnaires/aankoop-woning.json in the portal's repository. Questionnaires sent "
                    + "before keep their version.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(value = """
                            {"key": "testament", "title": "Testament", "intro": "Een paar vragen vooraf.",
                             "pages": [{"id": "gegevens", "title": "Uw gegevens", "questions": [
                               {"id": "naam", "type": "shortText", "label": "Naam", "required": true, "maxLength": 120},
                               {"id": "gehuwd", "type": "yesNo", "label": "Bent u gehuwd?", "required": true},
                               {"id": "huwelijksdatum", "type": "date", "label": "Datum huwelijk", "maxDate": "today",
                                "showIf": {"question": "gehuwd", "equals": true}}]}]}"""))))
    @ApiResponse(responseCode = "201", description = "Stored as the key's next version; Location names it.",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Another version of this key was stored at the same moment: try "
            + "again.")
    ResponseEntity<DefinitionView> publish(Caller caller, @RequestBody Definition definition) {
        if (definition == null) {
            throw new InvalidRequestException("key", "The questionnaire definition is required.");
        }
        StoredDefinition stored = definitions.publish(caller, definition);
        return ResponseEntity.created(URI.create("/api/staff/questionnaires/" + stored.key() + "/versions/"
                + stored.version())).body(DefinitionView.of(stored));
    }

    @GetMapping("/api/staff/questionnaires")
    @Operation(summary = "Every questionnaire in its newest version",
            description = "Key, newest version, title and when that version was stored; not paged (an office has a "
                    + "handful).")
    List<Summary> list() {
        return definitions.latestOfEach().stream()
                .map(d -> new Summary(d.key(), d.version(), d.definition().title(), d.createdAt())).toList();
    }

    @GetMapping("/api/staff/questionnaires/{key}")
    @Operation(summary = "The newest version of a questionnaire",
            description = "The definition as uploaded, with its version and when it was stored.")
    @ApiResponse(responseCode = "200", description = "The newest version.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No questionnaire with this key.")
    DefinitionView latest(@PathVariable String key) {
        return definitions.latest(key).map(DefinitionView::of)
                .orElseThrow(() -> new NotFoundException("Questionnaire " + key + " was not found."));
    }

    @GetMapping("/api/staff/questionnaires/{key}/versions/{version}")
    @Operation(summary = "One version of a questionnaire, as assignments of that version show it",
            description = "version: 1 for the first upload of a key, counting up.")
    @ApiResponse(responseCode = "200", description = "That version.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such questionnaire or version.")
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
