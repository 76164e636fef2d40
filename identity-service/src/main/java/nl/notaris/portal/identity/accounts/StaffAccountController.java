package nl.notaris.portal.identity.accounts;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.notaris.portal.identity.keycloak.KeycloakAdminClient;
import nl.notaris.portal.support.web.InvalidRequestException;
import nl.notaris.portal.support.web.NotFoundException;

/** Staff (and services acting for staff) find accounts by e-mail address. */
@RestController
@RequestMapping("/api/staff/accounts")
@Tag(name = "Accounts (staff)")
class StaffAccountController {

    private final KeycloakAdminClient keycloak;

    StaffAccountController(KeycloakAdminClient keycloak) {
        this.keycloak = keycloak;
    }

    @GetMapping("/lookup")
    @Operation(summary = "Find an enabled portal account by its e-mail address")
    Account lookup(@RequestParam(required = false) String email) {
        if (email == null || email.isBlank() || !email.contains("@")) {
            throw new InvalidRequestException("email", "Give the account's e-mail address.");
        }
        return keycloak.findUsersByEmail(email.trim()).stream()
                .filter(user -> user.enabled() && email.trim().equalsIgnoreCase(user.email()))
                .findFirst()
                .map(Account::of)
                .orElseThrow(() -> new NotFoundException("No portal account has this e-mail address."));
    }
}
