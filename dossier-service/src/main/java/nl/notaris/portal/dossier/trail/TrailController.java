package nl.notaris.portal.dossier.trail;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.notaris.portal.dossier.dossier.DossierService;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.PageQuery;
import nl.notaris.portal.support.web.PageResponse;

/** "Activiteit": who did what in a dossier and when (TRL-1), for its clients and for the office. */
@RestController
@Tag(name = "Dossiers (staff)")
class TrailController {

    private final Trail trail;
    private final DossierService dossiers;

    TrailController(Trail trail, DossierService dossiers) {
        this.trail = trail;
        this.dossiers = dossiers;
    }

    @GetMapping("/api/dossiers/{id}/activity")
    PageResponse<Entry> forClient(Caller caller, @PathVariable String id, PageQuery page) {
        dossiers.getFor(caller, id);
        return PageResponse.of(trail.page(id, page.toPageRequest()), Entry::of);
    }

    @GetMapping("/api/staff/dossiers/{id}/activity")
    @Operation(summary = "A dossier's activity trail",
            description = "Who did what in the dossier and when, newest first, as its clients see it under "
                    + "'Activiteit': documents published (by whom at the office), opened (by which client account) "
                    + "or delivered, messages sent and read, questionnaires sent and completed, requests "
                    + "fulfilled, parties, status and progress changed. Names only, never texts or titles. The "
                    + "record is append-only; each entry carries the hash of the one before it.")
    @ApiResponse(responseCode = "200", description = "A page of the trail, newest first.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No dossier with this id.")
    PageResponse<Entry> forStaff(Caller caller, @PathVariable String id, PageQuery page) {
        dossiers.get(id);
        return PageResponse.of(trail.page(id, page.toPageRequest()), Entry::of);
    }

    /** A record as the trail shows it: who (side and name) did what (kind) to which object, and when. */
    record Entry(String id, long seq, Instant at, String kind, Actor actor, String objectId,
            @JsonInclude(Include.NON_NULL) String status, @JsonInclude(Include.NON_NULL) List<String> partiesAdded,
            @JsonInclude(Include.NON_NULL) List<String> partiesRemoved, @JsonInclude(Include.NON_NULL) String name) {

        static Entry of(TrailEntry entry) {
            return new Entry(entry.id(), entry.seq(), entry.at(), entry.kind().name(),
                    new Actor(entry.side().name(), entry.actorName()), entry.objectId(), entry.status(),
                    entry.partiesAdded(), entry.partiesRemoved(), entry.name());
        }
    }

    record Actor(String side, String name) {
    }
}
