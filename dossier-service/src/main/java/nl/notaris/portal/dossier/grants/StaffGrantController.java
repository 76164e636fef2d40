package nl.notaris.portal.dossier.grants;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import nl.notaris.portal.support.security.Caller;

/** The office's view of who has access to a dossier besides its parties (ADV-1): grants, revoking, the policy. */
@RestController
@RequestMapping("/api/staff/dossiers")
@Tag(name = "Dossiers (staff)")
class StaffGrantController {

    private final GrantService grants;

    StaffGrantController(GrantService grants) {
        this.grants = grants;
    }

    @GetMapping("/{id}/grants")
    @Operation(summary = "Who has access to a dossier besides its parties",
            description = "The grants the dossier's clients gave advisers (a mortgage adviser, an accountant), "
                    + "newest first, revoked and expired ones too: e-mail address and name, scope (READ: documents "
                    + "and progress; READ_DELIVER: also messages with attachments to the office), until (the last "
                    + "day; access ends at expiresAt, the start of the next day in the Netherlands), who gave it "
                    + "and when, when it was last used, and state ACTIVE, EXPIRED or REVOKED.")
    @ApiResponse(responseCode = "200", description = "The grants, newest first.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No dossier with this id.")
    List<GrantView> list(@PathVariable String id) {
        return grants.grantsForOffice(id);
    }

    @DeleteMapping("/{id}/grants/{grantId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke a grant",
            description = "The adviser loses access at once: their next call on the dossier is refused, in every "
                    + "service. The client sees the grant as revoked, the activity trail records it with the staff "
                    + "member's name. Revoking a grant that is revoked already changes nothing (204 again).")
    @ApiResponse(responseCode = "204", description = "Revoked.")
    @ApiResponse(responseCode = "404", description = "No dossier with this id, or no such grant on it.")
    @ApiResponse(responseCode = "409", description = "Someone else changed the dossier at the same moment: try again.")
    void revoke(Caller caller, @PathVariable String id, @PathVariable String grantId) {
        grants.revokeByOffice(caller, id, grantId);
    }

    @PutMapping("/{id}/grant-policy")
    @Operation(summary = "Allow or forbid the clients to share the dossier",
            description = "grantsAllowed false: the dossier's clients can no longer give others access (a new "
                    + "grant is a 403 for them); grants given before stay until they end or the office revokes "
                    + "them one by one. true (the default) allows it again.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(value = """
                            {"grantsAllowed": false}"""))))
    @ApiResponse(responseCode = "200", description = "The policy as it is now.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No dossier with this id.")
    GrantPolicy policy(@PathVariable String id, @Valid @RequestBody GrantPolicy request) {
        return new GrantPolicy(grants.allowGrants(id, request.grantsAllowed()));
    }

    record GrantPolicy(@NotNull(message = "is required: true or false") Boolean grantsAllowed) {
    }
}
