package nl.notaris.portal.identity.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long the links of the invitation (e-mail #1: 7 days) and of setting a password (e-mail #2:
 * 1 hour) stay valid, how often an invitation link may be tried, and the portal's public address.
 */
@ConfigurationProperties("portal.accounts")
public record OnboardingSettings(Duration invitationValidFor, Duration passwordLinkValidFor, Integer maxAttempts,
        String portalUrl) {

    public OnboardingSettings {
        invitationValidFor = invitationValidFor == null ? Duration.ofDays(7) : invitationValidFor;
        passwordLinkValidFor = passwordLinkValidFor == null ? Duration.ofHours(1) : passwordLinkValidFor;
        maxAttempts = maxAttempts == null ? 10 : maxAttempts;
        portalUrl = portalUrl == null ? "http://localhost:8080" : portalUrl.replaceAll("/+$", "");
    }

    /** Where the browser goes once the password is set: the gateway's sign-in, which Keycloak's session completes at once. */
    String signInUrl() {
        return portalUrl + "/oauth2/authorization/keycloak";
    }
}
