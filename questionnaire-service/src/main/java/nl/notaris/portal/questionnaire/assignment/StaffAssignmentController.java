package nl.notaris.portal.questionnaire.assignment;

import java.net.URI;
import java.time.LocalDate;
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
import nl.notaris.portal.questionnaire.assignment.AssignmentViews.CompletedAnswers;
import nl.notaris.portal.questionnaire.assignment.AssignmentViews.Recipient;
import nl.notaris.portal.questionnaire.assignment.AssignmentViews.StaffAssignment;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.ConflictException;
import nl.notaris.portal.support.web.InvalidRequestException;

/** The office sends questionnaires to a dossier's parties and reads the answers (STF-5). Needs the {@code staff} role. */
@RestController
@Tag(name = "Questionnaires sent (staff)", description = "Questionnaires sent to a dossier's parties, their "
        + "state and the completed answers (STF-5).")
class StaffAssignmentController {

    private final AssignmentService assignments;

    StaffAssignmentController(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @PostMapping("/api/staff/dossiers/{dossierId}/questionnaires")
    @Operation(summary = "Send a questionnaire to a party of the dossier (recipient by e-mail, optional due date)",
            description = "The newest version unless `version` is given; the assignment keeps that version. "
                    + "The recipient gets the 'questionnaire waiting' e-mail. questionnaire: the key; recipient: the "
                    + "e-mail address of a party of the dossier (else 400 naming recipient); dueDate: optional, "
                    + "today or later.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(value = """
                            {"questionnaire": "aankoop-woning", "recipient": "anna@example.com",
                             "dueDate": "2026-12-31"}"""))))
    @ApiResponse(responseCode = "201", description = "Sent; Location names the assignment.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No dossier with this id.")
    ResponseEntity<StaffAssignment> send(Caller caller, @PathVariable String dossierId, @RequestBody SendQuestionnaire body) {
        if (body == null) {
            throw new InvalidRequestException("questionnaire", "questionnaire and recipient are required.");
        }
        Assignment assignment = assignments.send(caller, dossierId, body.questionnaire(), body.version(),
                body.recipient(), body.dueDate());
        return ResponseEntity.created(URI.create("/api/staff/assignments/" + assignment.getId()))
                .body(view(assignment));
    }

    @GetMapping("/api/staff/dossiers/{dossierId}/questionnaires")
    @Operation(summary = "The questionnaires sent for a dossier, newest first, with their state",
            description = "Per assignment: questionnaire and version, recipient, status, due date, pages saved of "
                    + "the total, and once completed when and the PDF of the answers (a document of the dossier).")
    @ApiResponse(responseCode = "200", description = "The assignments.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No dossier with this id.")
    List<StaffAssignment> list(Caller caller, @PathVariable String dossierId) {
        return assignments.ofDossier(caller, dossierId).stream().map(this::view).toList();
    }

    @GetMapping("/api/staff/assignments/{assignmentId}")
    @Operation(summary = "One questionnaire sent: state, recipient, pages saved, the PDF once completed",
            description = "pdfDocumentId: the dossier document with the answers (GET /api/staff/documents/{id}/content), "
                    + "once completed.")
    @ApiResponse(responseCode = "200", description = "The assignment.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No questionnaire sent with this id.")
    StaffAssignment get(Caller caller, @PathVariable String assignmentId) {
        return view(assignments.forStaff(caller, assignmentId));
    }

    @GetMapping("/api/staff/assignments/{assignmentId}/answers")
    @Operation(summary = "The answers of a completed questionnaire as JSON, per page and question id (409 while open)",
            description = "answers: per page id an object of question id → answer (text, number, date as yyyy-MM-dd, "
                    + "true/false, a choice's value or a list of them, a group's list of objects).")
    @ApiResponse(responseCode = "200", description = "The answers.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No questionnaire sent with this id.")
    @ApiResponse(responseCode = "409", description = "The client has not completed this questionnaire yet.")
    CompletedAnswers answers(Caller caller, @PathVariable String assignmentId) {
        Assignment a = assignments.forStaff(caller, assignmentId);
        if (a.isOpen()) {
            throw new ConflictException("The client has not completed this questionnaire yet.");
        }
        return new CompletedAnswers(a.getId(), a.getQuestionnaireKey(), a.getVersion(), a.getCompletedAt(),
                a.getAnswers());
    }

    private StaffAssignment view(Assignment a) {
        int pages = assignments.definitionOf(a).definition().pages().size();
        return new StaffAssignment(a.getId(), a.getDossierId(), a.getQuestionnaireKey(), a.getVersion(), a.getTitle(),
                new Recipient(a.getAccountId(), a.getRecipientEmail()), a.getStatus(), a.getDueDate(),
                a.getAssignedAt(), a.getAnswers().size(), pages, a.getCompletedAt(), a.getPdfDocumentId());
    }

    record SendQuestionnaire(String questionnaire, Integer version, String recipient, LocalDate dueDate) {
    }
}
