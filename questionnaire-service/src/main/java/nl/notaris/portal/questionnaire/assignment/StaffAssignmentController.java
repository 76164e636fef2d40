package nl.notaris.portal.questionnaire.assignment;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.notaris.portal.questionnaire.assignment.AssignmentViews.CompletedAnswers;
import nl.notaris.portal.questionnaire.assignment.AssignmentViews.Recipient;
import nl.notaris.portal.questionnaire.assignment.AssignmentViews.StaffAssignment;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.ConflictException;
import nl.notaris.portal.support.web.InvalidRequestException;

/** The office sends questionnaires to a dossier's parties and reads the answers (STF-5). Needs the {@code staff} role. */
@RestController
@Tag(name = "Questionnaires sent (staff)")
class StaffAssignmentController {

    private final AssignmentService assignments;

    StaffAssignmentController(AssignmentService assignments) {
        this.assignments = assignments;
    }

    @PostMapping("/api/staff/dossiers/{dossierId}/questionnaires")
    @Operation(summary = "Send a questionnaire to a party of the dossier (recipient by e-mail, optional due date)",
            description = "The newest version unless `version` is given; the assignment keeps that version. "
                    + "The recipient gets the 'questionnaire waiting' e-mail.")
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
    @Operation(summary = "The questionnaires sent for a dossier, newest first, with their state")
    List<StaffAssignment> list(Caller caller, @PathVariable String dossierId) {
        return assignments.ofDossier(caller, dossierId).stream().map(this::view).toList();
    }

    @GetMapping("/api/staff/assignments/{assignmentId}")
    @Operation(summary = "One questionnaire sent: state, recipient, pages saved, the PDF once completed")
    StaffAssignment get(Caller caller, @PathVariable String assignmentId) {
        return view(assignments.forStaff(caller, assignmentId));
    }

    @GetMapping("/api/staff/assignments/{assignmentId}/answers")
    @Operation(summary = "The answers of a completed questionnaire as JSON, per page and question id (409 while open)")
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
