package nl.notaris.portal.dossier.work;

import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.IdsParameter;
import nl.notaris.portal.support.web.PageQuery;
import nl.notaris.portal.support.web.PageResponse;

/** The office's "Werkvoorraad" (OFF-1): what waits for the office, shared by every handler. Needs the {@code staff} role. */
@RestController
@RequestMapping("/api/staff/work")
@Tag(name = "Werkvoorraad (staff)", description = "What waits for the office, shared by every handler: clients' "
        + "messages and deliveries, questionnaires completed or overdue, invitations not accepted.")
class StaffWorkController {

    private final WorkQueue queue;

    StaffWorkController(WorkQueue queue) {
        this.queue = queue;
    }

    @GetMapping
    @Operation(summary = "The open items, newest first",
            description = "kind: MESSAGE, DELIVERY, QUESTIONNAIRE_COMPLETED, QUESTIONNAIRE_OVERDUE or INVITATION_PENDING. "
                    + "dossierId and dossierNumber are null for an invitation; dossierNumber and accountName are null "
                    + "when not known; dueDate is set for QUESTIONNAIRE_OVERDUE only. page, size: as every list.")
    PageResponse<WorkItemView> open(PageQuery page) {
        return PageResponse.of(queue.open(page.toPageRequest()), WorkItemView::of);
    }

    @GetMapping("/counts")
    @Operation(summary = "Per dossier: the clients' open messages and what they delivered (documents, questionnaires)",
            description = "dossierId: repeatable, 1 to 100 (a page of the dossier list). Dossiers without open items "
                    + "are left out.")
    List<WorkQueue.DossierWork> counts(@RequestParam(name = "dossierId", required = false) List<String> dossierIds) {
        return queue.openPerDossier(IdsParameter.distinct(dossierIds, "dossierId"));
    }

    @PutMapping("/{id}/handled")
    @Operation(summary = "Mark an item handled, for every handler",
            description = "204; an item handled already stays as it was (also 204); an unknown id is 404. No body.")
    @ApiResponse(responseCode = "204", description = "Handled.")
    @ApiResponse(responseCode = "404", description = "No work item with this id.")
    ResponseEntity<Void> handled(Caller caller, @PathVariable String id) {
        queue.markHandled(id, caller);
        return ResponseEntity.noContent().build();
    }

    /** An open item as the Werkvoorraad shows it. */
    record WorkItemView(String id, WorkKind kind, String dossierId, String dossierNumber, String accountId,
            String accountName, String subjectId, Instant occurredAt, String dueDate) {

        static WorkItemView of(WorkItem item) {
            return new WorkItemView(item.id(), item.kind(), item.dossierId(), item.dossierNumber(), item.accountId(),
                    item.accountName(), item.subjectId(), item.occurredAt(), item.dueDate());
        }
    }
}
