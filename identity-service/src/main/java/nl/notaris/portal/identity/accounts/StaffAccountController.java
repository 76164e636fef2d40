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

    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]{1,190}");

    private final KeycloakAdminClient keycloak;

    StaffAccountController(KeycloakAdminClient keycloak) {
        this.keycloak = keycloak;
    }

    @GetMapping("/lookup")
    @Operation(summary = "Find an enabled portal account by its verified e-mail address")
    Account lookup(@RequestParam(required = false) String email) {
        if (email == null || !EMAIL.matcher(email.trim()).matches()) {
            throw new InvalidRequestException("email", "Give the account's e-mail address.");
        }
        // only an address the office set or the owner proved: nobody can claim an address by typing it in
        return keycloak.findUsersByEmail(email.trim()).stream()
                .filter(user -> user.enabled() && user.emailVerified() && email.trim().equalsIgnoreCase(user.email()))
                .findFirst()
                .map(Account::of)
                .orElseThrow(() -> new NotFoundException("No portal account has this e-mail address."));
    }
}
