package nl.notaris.portal.identity.accounts;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import nl.notaris.portal.identity.accounts.AdviserAccounts.AdviserAccount;
import nl.notaris.portal.identity.accounts.AdviserAccounts.NewAdviser;
import nl.notaris.portal.identity.accounts.Constraints.FullName;
import nl.notaris.portal.identity.accounts.Constraints.InviteeEmail;
import nl.notaris.portal.identity.accounts.Constraints.LanguageTag;
import nl.notaris.portal.identity.accounts.Constraints.OneLine;
import nl.notaris.portal.support.security.Caller;

/**
 * For dossier-service, called with the token of a client who grants an adviser access to a dossier
 * (ADV-1): the adviser's account, invited when the address has none yet (201), or the existing account of
 * any type as it is (200). Only a client's call; staff, and advisers (who cannot grant), are refused. Not
 * routed by the gateway.
 */
@RestController
class InternalAdviserController {

    private final AdviserAccounts advisers;

    InternalAdviserController(AdviserAccounts advisers) {
        this.advisers = advisers;
    }

    @PostMapping("/internal/advisers")
    ResponseEntity<AdviserAccount> invite(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody AdviserRequest request) {
        Caller caller = Caller.from(jwt);
        if (!caller.hasRole("client") || caller.isStaff()
                || AccountType.ADVISER.name().equals(jwt.getClaimAsString("account_type"))) {
            throw new AccessDeniedException("Only a client lets an adviser into a dossier.");
        }
        AdviserAccount adviser = advisers.inviteAdviser(new NewAdviser(request.email(), request.name(),
                request.language() == null ? "nl" : request.language(), request.invitedByName(),
                request.dossierNumber()));
        return ResponseEntity.status(adviser.created() ? HttpStatus.CREATED : HttpStatus.OK).body(adviser);
    }

    /** language: the adviser's e-mails' and portal's language until the adviser chooses (nl, en; default nl). */
    record AdviserRequest(@InviteeEmail String email, @FullName String name, @LanguageTag String language,
            @OneLine String invitedByName, @OneLine String dossierNumber) {
    }
}
