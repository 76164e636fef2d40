package nl.notaris.portal.identity.signins;

import java.time.Instant;
import java.util.Set;

import nl.notaris.portal.identity.keycloak.KeycloakAdminClient.SignInEvent;

/**
 * One sign-in or failed attempt as "Recente aanmeldingen" shows it: when, whether it worked and why not, the browser
 * and system in words, and the network (never the full address). Null where Keycloak's event does not tell.
 */
record SignIn(Instant at, Outcome outcome, Reason reason, String browser, String system, String network) {

    enum Outcome { SUCCESS, FAILED }

    enum Reason { WRONG_PASSWORD, WRONG_CODE, OTHER }

    static final String LOGIN = "LOGIN";
    /** Keycloak's error of a password or code that was not right. */
    static final String INVALID_CREDENTIALS = "invalid_user_credentials";
    /** The second steps of the realm's sign-in that ask for a code (app, SMS, recovery code). */
    static final Set<String> CODES = Set.of("otp", "portal-sms", "portal-recovery-code");

    static SignIn of(SignInEvent event) {
        UserAgents.Described described = UserAgents.describe(event.detail("user_agent"));
        boolean success = LOGIN.equals(event.type());
        return new SignIn(event.at(), success ? Outcome.SUCCESS : Outcome.FAILED, success ? null : reason(event),
                described.browser(), described.system(), Networks.of(event.ipAddress()));
    }

    /**
     * Which step refused: the password form and the code steps name their credential; Keycloak's OTP form names the
     * app it checked; an event stored before the portal's steps named theirs came from the password form. A passkey
     * that was refused, a locked account and anything else are OTHER.
     */
    private static Reason reason(SignInEvent event) {
        if (!INVALID_CREDENTIALS.equals(event.error())) {
            return Reason.OTHER;
        }
        String credential = event.detail("credential_type");
        if (credential == null) {
            return event.detail("selected_credential_id") != null ? Reason.WRONG_CODE : Reason.WRONG_PASSWORD;
        }
        if ("password".equals(credential)) {
            return Reason.WRONG_PASSWORD;
        }
        return CODES.contains(credential) ? Reason.WRONG_CODE : Reason.OTHER;
    }
}
