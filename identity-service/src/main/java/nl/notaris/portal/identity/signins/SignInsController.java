package nl.notaris.portal.identity.signins;

import java.util.Comparator;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClientException;

import nl.notaris.portal.identity.keycloak.KeycloakAdminClient;
import nl.notaris.portal.identity.keycloak.KeycloakAdminClient.SignInEvent;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.ServiceUnavailableException;

/**
 * "Recente aanmeldingen" (TRL-1): the signed-in account's own last sign-ins and failed attempts, from the events
 * Keycloak stores (90 days), read with this service's account (view-events). Every account sees its own only,
 * staff included; nothing of them is logged.
 */
@RestController
class SignInsController {

    static final int MAX = 20;

    private static final Logger log = LoggerFactory.getLogger(SignInsController.class);

    private final KeycloakAdminClient keycloak;

    SignInsController(KeycloakAdminClient keycloak) {
        this.keycloak = keycloak;
    }

    @GetMapping("/api/me/sign-ins")
    SignIns signIns(Caller caller) {
        List<SignInEvent> events;
        try {
            events = keycloak.signInEvents(caller.accountId(), MAX);
        } catch (RestClientException e) {
            log.warn("Keycloak did not list an account's sign-ins: {}", e.getClass().getSimpleName());
            throw new ServiceUnavailableException("Your recent sign-ins cannot be shown just now. Please try again.");
        }
        return new SignIns(events.stream()
                // the caller's own, whatever Keycloak answers
                .filter(event -> caller.accountId().equals(event.userId()))
                .sorted(Comparator.comparingLong(SignInEvent::time).reversed())
                .limit(MAX)
                .map(SignIn::of)
                .toList());
    }

    /** Newest first, at most {@value #MAX}. */
    record SignIns(List<SignIn> items) {
    }
}
