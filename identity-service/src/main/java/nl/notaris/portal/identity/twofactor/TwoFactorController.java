package nl.notaris.portal.identity.twofactor;

import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClientException;

import nl.notaris.portal.identity.keycloak.KeycloakAdminClient;
import nl.notaris.portal.identity.keycloak.KeycloakAdminClient.Credential;
import nl.notaris.portal.phonenumbers.PhoneNumbers;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.ServiceUnavailableException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Which second factors the signed-in account has ("Mijn gegevens" → "2-staps verificatie", ME-2), as
 * Keycloak knows them. Setting them up and switching them off happens on Keycloak's own pages; this
 * service never sees a code.
 */
@RestController
class TwoFactorController {

    static final String SMS = "portal-sms";
    static final String RECOVERY_CODE = "portal-recovery-code";
    static final String AUTHENTICATOR_APP = "otp";
    static final String PASSKEY = "webauthn";

    private static final Logger log = LoggerFactory.getLogger(TwoFactorController.class);

    private final KeycloakAdminClient keycloak;
    private final JsonMapper json;

    TwoFactorController(KeycloakAdminClient keycloak, JsonMapper json) {
        this.keycloak = keycloak;
        this.json = json;
    }

    @GetMapping("/api/me/two-factor")
    TwoFactorStatus status(Caller caller) {
        List<Credential> credentials;
        try {
            credentials = keycloak.credentials(caller.accountId());
        } catch (RestClientException e) {
            log.warn("Keycloak did not list an account's credentials: {}", e.getClass().getSimpleName());
            throw new ServiceUnavailableException("Your two-step verification settings cannot be shown just now. Please try again.");
        }
        Sms sms = credentials.stream().filter(c -> SMS.equals(c.type())).findFirst()
                .map(c -> new Sms(PhoneNumbers.masked(phoneNumberOf(c)), created(c))).orElse(null);
        return new TwoFactorStatus(sms, factors(credentials, AUTHENTICATOR_APP), factors(credentials, PASSKEY),
                credentials.stream().anyMatch(c -> RECOVERY_CODE.equals(c.type())));
    }

    private String phoneNumberOf(Credential credential) {
        try {
            return json.readTree(credential.credentialData()).path("phoneNumber").asString("");
        } catch (RuntimeException e) {
            return "";
        }
    }

    private static List<Factor> factors(List<Credential> credentials, String type) {
        return credentials.stream().filter(c -> type.equals(c.type()))
                .map(c -> new Factor(c.id(), c.userLabel(), created(c))).toList();
    }

    private static Instant created(Credential credential) {
        return credential.createdDate() == null ? null : Instant.ofEpochMilli(credential.createdDate());
    }

    /**
     * {@code sms} is null when SMS verification is off; the number is shown masked. A factor's id is
     * what the web app names when it asks Keycloak to remove it.
     */
    record TwoFactorStatus(Sms sms, List<Factor> authenticatorApps, List<Factor> passkeys, boolean recoveryCode) {
    }

    record Sms(String phoneNumber, Instant since) {
    }

    record Factor(String id, String label, Instant since) {
    }
}
