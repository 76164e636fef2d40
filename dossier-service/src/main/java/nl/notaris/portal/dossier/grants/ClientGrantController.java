package nl.notaris.portal.dossier.grants;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.notaris.portal.support.access.AccessGrant;
import nl.notaris.portal.support.security.Caller;

/**
 * "Toegang voor anderen" (ADV-1): a client gives an adviser access to one dossier for a while, sees
 * every grant it gave, shortens and revokes them. Only a client who may grant for the dossier
 * ({@code Dossier#mayGrant}) reaches a dossier's grants; for anyone else, advisers among them, they are
 * a 404 like a dossier that does not exist.
 */
@RestController
class ClientGrantController {

    private final GrantService grants;

    ClientGrantController(GrantService grants) {
        this.grants = grants;
    }

    @GetMapping("/api/dossiers/{id}/grants")
    List<GrantView> list(Caller caller, @PathVariable String id) {
        return grants.grantsOf(caller, id);
    }

    /**
     * 201 with the grant, usable at once. {@code until} (the last day) defaults to 30 days from today; 403
     * when the office does not allow sharing the dossier; 409 for a party's address or one that has a
     * grant that lasts already.
     */
    @PostMapping("/api/dossiers/{id}/grants")
    ResponseEntity<GrantView> grant(Caller caller, @AuthenticationPrincipal Jwt token, @PathVariable String id,
            @Valid @RequestBody GrantRequest request) {
        GrantView grant = grants.grant(caller, id, new GrantService.NewGrant(request.email(), request.name(),
                AccessGrant.Scope.valueOf(request.scope()), request.until()), languageOf(token));
        return ResponseEntity.created(URI.create("/api/dossiers/" + id + "/grants/" + grant.id())).body(grant);
    }

    /** Shortens the grant: a last day from today up to its current one. */
    @PatchMapping("/api/dossiers/{id}/grants/{grantId}")
    GrantView shorten(Caller caller, @PathVariable String id, @PathVariable String grantId,
            @Valid @RequestBody Shortening request) {
        return grants.shorten(caller, id, grantId, request.until());
    }

    /** Revokes the grant at once; again for a revoked one changes nothing. */
    @DeleteMapping("/api/dossiers/{id}/grants/{grantId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Caller caller, @PathVariable String id, @PathVariable String grantId) {
        grants.revoke(caller, id, grantId);
    }

    /** Every grant on every dossier the caller may grant for, newest first. */
    @GetMapping("/api/grants")
    List<GrantView> all(Caller caller) {
        return grants.allOf(caller);
    }

    /** The client's language, which a new adviser account's invitation is written in: nl unless the token says en. */
    private static String languageOf(Jwt token) {
        return token != null && "en".equalsIgnoreCase(token.getClaimAsString("locale")) ? "en" : "nl";
    }

    /** identity-service's rule for an invitee's address. */
    static final String INVITEE_EMAIL = "(?=[^@]{1,64}@)[A-Za-z0-9_+-]+(?:\\.[A-Za-z0-9_+-]+)*"
            + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    /** identity-service's (and Keycloak's) rule for a person's name. */
    static final String PERSON_NAME = "[^<>&\"$%!#?§;*~/\\\\|^=\\[\\]{}()\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}\\p{Zl}\\p{Zp}]*";

    /**
     * The address and name follow identity-service's rules for an invitee (an account may be invited for
     * them), so that a refusal there names no field this request was not told about.
     */
    record GrantRequest(@NotBlank(message = "is required") @Size(max = 255)
            @Pattern(regexp = INVITEE_EMAIL, message = "must be an e-mail address such as name@example.com, with "
                    + "only the letters a-z, digits and . _ + - before the @") String email,
            @NotBlank(message = "is required") @Size(max = 200)
            @Pattern(regexp = PERSON_NAME, message = "may not contain control characters or any of "
                    + "< > & \" $ % ! # ? § ; * ~ / \\ | ^ = [ ] { } ( )") String name,
            @NotNull(message = "is required: READ or READ_DELIVER")
            @Pattern(regexp = "READ|READ_DELIVER", message = "must be READ or READ_DELIVER") String scope,
            LocalDate until) {
    }

    record Shortening(@NotNull(message = "is required") LocalDate until) {
    }
}
