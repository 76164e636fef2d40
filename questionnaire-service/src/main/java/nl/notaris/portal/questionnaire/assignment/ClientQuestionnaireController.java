package nl.notaris.portal.questionnaire.assignment;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.notaris.portal.questionnaire.assignment.AssignmentViews.ActionItem;
import nl.notaris.portal.questionnaire.assignment.AssignmentViews.ActionList;
import nl.notaris.portal.questionnaire.assignment.AssignmentViews.ActionsSummary;
import nl.notaris.portal.questionnaire.assignment.AssignmentViews.ClientAssignment;
import nl.notaris.portal.questionnaire.definition.Definition;
import nl.notaris.portal.support.access.DossierAccess;
import nl.notaris.portal.support.access.DossierAccessReplica;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.InvalidRequestException;

/** The client's questionnaires: "Acties", filling in page by page, completing (ACT-1..5, HOME-3). */
@RestController
@Tag(name = "Questionnaires (client)")
class ClientQuestionnaireController {

    private final AssignmentService assignments;
    private final DossierAccessReplica access;

    ClientQuestionnaireController(AssignmentService assignments, DossierAccessReplica access) {
        this.assignments = assignments;
        this.access = access;
    }

    @GetMapping("/api/actions")
    @Operation(summary = "The caller's open questionnaires, soonest due first")
    ActionList actions(Caller caller) {
        return new ActionList(assignments.open(caller).stream()
                .map(a -> new ActionItem(a.getId(), a.getTitle(), a.getDossierId(), number(a), a.getDueDate(),
                        a.getAssignedAt(), a.getCurrentPageId()))
                .toList());
    }

    @GetMapping("/api/actions/summary")
    @Operation(summary = "How many questionnaires the caller still has to fill in (Home's Acties tile)")
    ActionsSummary summary(Caller caller) {
        return new ActionsSummary(assignments.open(caller).size());
    }

    @GetMapping("/api/questionnaires/assignments/{assignmentId}")
    @Operation(summary = "One questionnaire of the caller with its pages, saved answers and per-page JSON Schemas")
    ClientAssignment get(Caller caller, @PathVariable String assignmentId) {
        return view(assignments.mine(caller, assignmentId));
    }

    @PutMapping("/api/questionnaires/assignments/{assignmentId}/pages/{pageId}")
    @Operation(summary = "Save one page (\"Volgende\"): 400 with errors[] {field, code, format?, limit?} per refused answer")
    ClientAssignment savePage(Caller caller, @PathVariable String assignmentId, @PathVariable String pageId,
            @RequestBody PageAnswers body) {
        if (body == null || body.answers() == null) {
            throw new InvalidRequestException("answers", "answers (the page's answers by question id) is required.");
        }
        return view(assignments.savePage(caller, assignmentId, pageId, body.answers()));
    }

    @PostMapping("/api/questionnaires/assignments/{assignmentId}/complete")
    @Operation(summary = "Complete the questionnaire: every page is checked again, the PDF is filed under \"Door mij aangeleverd\"",
            description = "Completing a completed questionnaire answers it unchanged; 400 with errors[] {page, field, code} when a page is incomplete.")
    ClientAssignment complete(Caller caller, @PathVariable String assignmentId) {
        return view(assignments.complete(caller, assignmentId));
    }

    private ClientAssignment view(Assignment a) {
        Definition definition = assignments.definitionOf(a).definition();
        return new ClientAssignment(a.getId(), a.getTitle(), definition.intro(), a.getDossierId(), number(a),
                a.getDueDate(), a.getStatus(), a.getCurrentPageId(), a.getCompletedAt(), a.getPdfDocumentId(),
                definition.pages(), a.getAnswers(), assignments.checkOf(a).schemas(a.getAnswers()));
    }

    private String number(Assignment a) {
        return access.find(a.getDossierId()).map(DossierAccess::number).orElse(null);
    }

    record PageAnswers(Map<String, Object> answers) {
    }
}
