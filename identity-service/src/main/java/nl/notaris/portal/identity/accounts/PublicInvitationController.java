package nl.notaris.portal.identity.accounts;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The page behind e-mail #1's link (ONB-2), for people who are not signed in yet. Whatever address is
 * typed, the answer is the same: nobody learns from it which addresses have accounts. Only the link's
 * own state (still valid, expired or used) is told, so the page can offer a new link (ONB-7).
 */
@RestController
@RequestMapping("/api/public/invitations/{token}")
class PublicInvitationController {

    private final InvitationLinks links;

    PublicInvitationController(InvitationLinks links) {
        this.links = links;
    }

    @GetMapping
    InvitationStatus status(@PathVariable String token) {
        return new InvitationStatus(links.status(token));
    }

    /** When the address is the invited one, the set-password e-mail (#2) is on its way; the answer does not say. */
    @PostMapping("/confirm")
    ResponseEntity<InvitationStatus> confirm(@PathVariable String token, @Valid @RequestBody TypedAddress request) {
        return ResponseEntity.accepted().body(new InvitationStatus(links.confirm(token, request.email())));
    }

    /** For an expired or used link: a new invitation when the address is the invited one; the answer does not say. */
    @PostMapping("/renew")
    ResponseEntity<Void> renew(@PathVariable String token, @Valid @RequestBody TypedAddress request) {
        links.renew(token, request.email());
        return ResponseEntity.accepted().build();
    }

    record TypedAddress(@NotBlank(message = "is required") @Size(max = 255) String email) {
    }

    record InvitationStatus(Invitation.Status status) {
    }
}
