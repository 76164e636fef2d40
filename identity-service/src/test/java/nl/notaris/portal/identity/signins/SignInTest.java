package nl.notaris.portal.identity.signins;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.notaris.portal.identity.keycloak.KeycloakAdminClient.SignInEvent;
import nl.notaris.portal.identity.signins.SignIn.Outcome;
import nl.notaris.portal.identity.signins.SignIn.Reason;

class SignInTest {

    private static final String FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private static final long TIME = Instant.parse("2026-12-05T14:02:11Z").toEpochMilli();

    private static SignInEvent failed(String error, String... details) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < details.length; i += 2) {
            map.put(details[i], details[i + 1]);
        }
        return new SignInEvent(TIME, "LOGIN_ERROR", "u-1", "203.0.113.57", error, map);
    }

    @Test
    void aSignInWithItsBrowserSystemAndNetwork() {
        SignIn signIn = SignIn.of(new SignInEvent(TIME, "LOGIN", "u-1", "203.0.113.57", null,
                Map.of("user_agent", FIREFOX, "auth_method", "openid-connect")));

        assertThat(signIn).isEqualTo(new SignIn(Instant.parse("2026-12-05T14:02:11Z"), Outcome.SUCCESS, null,
                "Firefox 133", "Windows 10/11", "203.0.113.0/24"));
    }

    @Test
    void aSignInStoredWithoutBrowserOrAddressSaysNothingOfThem() {
        SignIn signIn = SignIn.of(new SignInEvent(TIME, "LOGIN", "u-1", null, null, null));

        assertThat(signIn.browser()).isNull();
        assertThat(signIn.system()).isNull();
        assertThat(signIn.network()).isNull();
        assertThat(signIn.outcome()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void theReasonOfAFailedAttemptIsTheStepThatRefused() {
        assertThat(SignIn.of(failed("invalid_user_credentials", "credential_type", "password", "user_agent", FIREFOX)))
                .extracting(SignIn::outcome, SignIn::reason, SignIn::browser)
                .containsExactly(Outcome.FAILED, Reason.WRONG_PASSWORD, "Firefox 133");
        assertThat(SignIn.of(failed("invalid_user_credentials", "credential_type", "portal-sms")).reason())
                .isEqualTo(Reason.WRONG_CODE);
        assertThat(SignIn.of(failed("invalid_user_credentials", "credential_type", "portal-recovery-code")).reason())
                .isEqualTo(Reason.WRONG_CODE);
        assertThat(SignIn.of(failed("invalid_user_credentials", "credential_type", "otp")).reason())
                .isEqualTo(Reason.WRONG_CODE);
        // a refused passkey is not a wrong code
        assertThat(SignIn.of(failed("invalid_user_credentials", "credential_type", "webauthn")).reason())
                .isEqualTo(Reason.OTHER);
        // a temporarily locked account, an expired page
        assertThat(SignIn.of(failed("user_temporarily_disabled", "credential_type", "password")).reason())
                .isEqualTo(Reason.OTHER);
        assertThat(SignIn.of(failed("expired_code")).reason()).isEqualTo(Reason.OTHER);
        assertThat(SignIn.of(failed(null)).reason()).isEqualTo(Reason.OTHER);
    }

    @Test
    void eventsStoredByKeycloaksOwnFormsStillTellPasswordFromCode() {
        assertThat(SignIn.of(failed("invalid_user_credentials")).reason()).isEqualTo(Reason.WRONG_PASSWORD);
        assertThat(SignIn.of(failed("invalid_user_credentials", "selected_credential_id", "c-1")).reason())
                .isEqualTo(Reason.WRONG_CODE);
    }
}
