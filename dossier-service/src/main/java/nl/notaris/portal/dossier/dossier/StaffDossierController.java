package nl.notaris.portal.dossier.dossier;

import java.net.URI;
import java.util.EnumSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.notaris.portal.dossier.parties.AccountEmail;
import nl.notaris.portal.dossier.progress.StepRequest;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.EnumParameter;
import nl.notaris.portal.support.web.PageQuery;
import nl.notaris.portal.support.web.PageResponse;

/** The office's back-office tools maintain dossiers here (STF-2). Needs the {@code staff} role. */
@RestController
@RequestMapping("/api/staff/dossiers")
@Tag(name = "Dossiers (staff)", description = "Dossiers with their number, description, status, parties and "
        + "progress steps (STF-2).")
class StaffDossierController {

    private final DossierService service;
    private final DossierSearch search;

    StaffDossierController(DossierService service, DossierSearch search) {
        this.service = service;
        this.search = search;
    }

    @PostMapping
    @Operation(summary = "Create a dossier",
            description = "number: unique, at most 50 characters; description at most 500. status: IN_PROGRESS "
                    + "(default), ON_HOLD, COMPLETED or CANCELLED. Parties are portal accounts given by e-mail "
                    + "address (at most 50); an address without an account is a 400 naming parties: invite the "
                    + "client first (POST /api/staff/accounts). The parties see the dossier at once.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(value = """
                            {"number": "2026-0100", "description": "Levering woning Dorpsstraat 12",
                             "status": "IN_PROGRESS", "parties": ["anna@example.com"]}"""))))
    @ApiResponse(responseCode = "201", description = "Created; Location names the dossier.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "A dossier with this number exists already.")
    ResponseEntity<DossierView.Staff> create(Caller caller, @Valid @RequestBody CreateDossier request) {
        Dossier dossier = service.create(caller, request.number(), request.description(), request.status(), request.parties());
        return ResponseEntity.created(URI.create("/api/staff/dossiers/" + dossier.getId()))
                .body(DossierView.Staff.of(dossier));
    }

    /**
     * The office's "Dossiers" list. Without a status filter it holds every dossier; unknown status or
     * sort values are a 400 problem naming the parameter and the values it accepts.
     */
    @GetMapping
    @Operation(summary = "List and find dossiers",
            description = "query: case-insensitive literal part of the number, the description, or a party's name or "
                    + "e-mail address. status: repeatable or comma-separated (IN_PROGRESS, ON_HOLD, COMPLETED, "
                    + "CANCELLED); none = all. sort: lastActivity (default, most recent change first) or number "
                    + "(highest first). page, size: as every list.")
    PageResponse<DossierView.Staff> find(@RequestParam(required = false) String query,
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String sort, PageQuery page) {
        Set<DossierStatus> statuses = EnumParameter.parseAll(DossierStatus.class, "status", status,
                EnumSet.noneOf(DossierStatus.class));
        DossierSearch.StaffOrder order = DossierSearch.StaffOrder.parse(sort);
        return PageResponse.of(search.forStaff(query, statuses, order, page.toPageRequest()), DossierView.Staff::of);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A dossier with its parties and progress steps",
            description = "As the office sees it: every party with name and e-mail address, the steps in order with "
                    + "their done dates, and when the dossier last changed.")
    @ApiResponse(responseCode = "200", description = "The dossier.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No dossier with this id.")
    DossierView.Staff get(@PathVariable String id) {
        return DossierView.Staff.of(service.get(id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change the description and/or the status",
            description = "A field left out stays as it is. status: IN_PROGRESS, ON_HOLD, COMPLETED or CANCELLED. "
                    + "The clients see the change at once.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(value = """
                            {"description": "Levering woning Dorpsstraat 12, Utrecht", "status": "COMPLETED"}"""))))
    @ApiResponse(responseCode = "200", description = "The dossier as it is now.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No dossier with this id.")
    @ApiResponse(responseCode = "409", description = "Someone else changed the dossier at the same moment: reload and "
            + "try again.")
    DossierView.Staff update(Caller caller, @PathVariable String id, @Valid @RequestBody UpdateDossier request) {
        return DossierView.Staff.of(service.update(caller, id, request.description(), request.status()));
    }

    @PutMapping("/{id}/parties")
    @Operation(summary = "Replace the parties",
            description = "The complete new list of parties by e-mail address (at most 50; an empty list leaves none). "
                    + "A party left out loses access at once; an address without a portal account is a 400 naming "
                    + "parties.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(value = """
                            {"parties": ["anna@example.com", "jansen.bv@example.com"]}"""))))
    @ApiResponse(responseCode = "200", description = "The dossier as it is now.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No dossier with this id.")
    @ApiResponse(responseCode = "409", description = "Someone else changed the dossier at the same moment: reload and "
            + "try again.")
    DossierView.Staff replaceParties(Caller caller, @PathVariable String id,
            @Valid @RequestBody ReplaceParties request) {
        return DossierView.Staff.of(service.replaceParties(caller, id, request.parties()));
    }

    @PutMapping("/{id}/progress")
    @Operation(summary = "Replace the ordered list of progress steps",
            description = "The complete list in order (at most 100 steps; title at most 200 characters). id: the id "
                    + "of a step of the dossier, sent back as it came (left out: a new step, or the step of that "
                    + "title). done: whether the step is done; a step that becomes done gets the time of this "
                    + "change, one that was done already keeps its time. explanation (at most 500 characters) and "
                    + "plannedDate are shown to the clients with the step. request: what the client must do for it, "
                    + "{kind: DOCUMENT, name (at most 100 characters), dueDate?} — fulfilled by a client's message "
                    + "with attachments that names the step as requestId — or {kind: QUESTIONNAIRE, assignmentId, "
                    + "dueDate?}, fulfilled when that questionnaire is completed. A request that asks the same as "
                    + "before keeps its fulfilment. The clients see the steps and how many are done; open requests "
                    + "appear on their Home under 'Wat wij van u nodig hebben'.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(value = """
                            {"steps": [{"title": "Koopovereenkomst ontvangen", "done": true},
                                       {"title": "Identificatie", "done": false,
                                        "explanation": "Wij moeten uw identiteit vaststellen voor de akte.",
                                        "request": {"kind": "DOCUMENT", "name": "Kopie paspoort",
                                                    "dueDate": "2026-12-15"}},
                                       {"title": "Hypotheekakte opgesteld", "done": false,
                                        "explanation": "De bank stuurt de hypotheekakte naar ons; daarna plannen we de afspraak.",
                                        "plannedDate": "2026-12-20"},
                                       {"title": "Levering bij de notaris", "done": false}]}"""))))
    @ApiResponse(responseCode = "200", description = "The dossier as it is now.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No dossier with this id.")
    @ApiResponse(responseCode = "409", description = "Someone else changed the dossier at the same moment: reload and "
            + "try again.")
    DossierView.Staff replaceProgress(Caller caller, @PathVariable String id,
            @Valid @RequestBody ReplaceProgress request) {
        return DossierView.Staff.of(service.replaceProgress(caller, id,
                request.steps().stream().map(Step::toInput).toList()));
    }

    record CreateDossier(@NotBlank(message = "is required") @Size(max = 50) String number,
            @NotBlank(message = "is required") @Size(max = 500) String description,
            String status,
            @Size(max = 50) List<@NotNull(message = "must be an e-mail address") @AccountEmail String> parties) {
    }

    record UpdateDossier(@Size(min = 1, max = 500) String description, String status) {
    }

    record ReplaceParties(@NotNull(message = "is required") @Size(max = 50)
            List<@NotNull(message = "must be an e-mail address") @AccountEmail String> parties) {
    }

    record ReplaceProgress(@NotNull(message = "is required") @Size(max = 100)
            List<@NotNull(message = "must be a step, not null") @Valid Step> steps) {
    }

    record Step(@Pattern(regexp = "s-[0-9a-f]{8}", message = "must be the id of a step of this dossier") String id,
            @NotBlank(message = "is required") @Size(max = 200) String title, Boolean done,
            @Size(max = 500) String explanation, LocalDate plannedDate, @Valid Request request) {

        Dossier.StepInput toInput() {
            return new Dossier.StepInput(id, title, Boolean.TRUE.equals(done), explanation, plannedDate,
                    request == null ? null : request.toStepRequest());
        }
    }

    record Request(@NotNull(message = "is required: DOCUMENT or QUESTIONNAIRE") StepRequest.RequestKind kind,
            @Size(max = 100) String name,
            @Pattern(regexp = "[0-9a-f]{24}", message = "must be a questionnaire assignment id") String assignmentId,
            LocalDate dueDate) {

        @AssertTrue(message = "a DOCUMENT request needs a name (e.g. 'Kopie paspoort'), a QUESTIONNAIRE request an "
                + "assignmentId, and not both")
        boolean isComplete() {
            return kind == null || (kind == StepRequest.RequestKind.DOCUMENT
                    ? name != null && !name.isBlank() && assignmentId == null
                    : assignmentId != null && name == null);
        }

        StepRequest toStepRequest() {
            return kind == StepRequest.RequestKind.DOCUMENT ? StepRequest.document(name.trim(), dueDate)
                    : StepRequest.questionnaire(assignmentId, dueDate);
        }
    }
}
