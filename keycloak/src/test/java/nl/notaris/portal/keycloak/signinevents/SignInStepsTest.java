package nl.notaris.portal.keycloak.signinevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import nl.notaris.portal.keycloak.twofactor.authenticator.PortalRecoveryCodeAuthenticatorFactory;
import nl.notaris.portal.keycloak.twofactor.authenticator.PortalSmsCodeAuthenticatorFactory;

/**
 * Every step that can end a sign-in puts the browser on the event of its own request before Keycloak's code checks
 * what was typed (and records {@code LOGIN_ERROR} or {@code LOGIN}); the required action does so on the event
 * Keycloak records as {@code LOGIN} after all steps and actions.
 */
class SignInStepsTest {

    private static final String SAFARI_ON_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

    @Test
    void thePasswordFormNamesTheBrowserAndThePasswordBeforeKeycloakChecksIt() {
        FakeSignIn signIn = new FakeSignIn().userAgent(FakeSignIn.FIREFOX_ON_WINDOWS)
                .posted("username", "anna@example.com").posted("password", "wrong").posted("cancel", "on");

        assertThatThrownBy(() -> new PortalUsernamePasswordForm().action(signIn.flowContext()))
                .isInstanceOf(FakeSignIn.KeycloakTookOver.class);

        assertThat(signIn.keycloaksFirstCall).isEqualTo("cancelLogin");
        assertThat(signIn.detailsWhenKeycloakTookOver).containsEntry("user_agent", FakeSignIn.FIREFOX_ON_WINDOWS)
                .containsEntry("credential_type", "password");
    }

    @Test
    void aPasskeyPostedOnThePasswordPageIsNotAPassword() {
        FakeSignIn signIn = new FakeSignIn().userAgent(FakeSignIn.FIREFOX_ON_WINDOWS).posted("cancel", "on");

        assertThatThrownBy(() -> new PortalUsernamePasswordForm().action(signIn.flowContext()))
                .isInstanceOf(FakeSignIn.KeycloakTookOver.class);

        assertThat(signIn.detailsWhenKeycloakTookOver).containsEntry("user_agent", FakeSignIn.FIREFOX_ON_WINDOWS)
                .doesNotContainKey("credential_type");
    }

    @Test
    void theAuthenticatorAppStepNamesTheBrowserAndTheCodeBeforeKeycloakChecksIt() {
        FakeSignIn signIn = new FakeSignIn().userAgent(SAFARI_ON_IPHONE).posted("otp", "123456")
                .posted("selectedCredentialId", "cred-1");

        assertThatThrownBy(() -> new PortalOtpFormFactory().create(null).action(signIn.flowContext()))
                .isInstanceOf(FakeSignIn.KeycloakTookOver.class);

        assertThat(signIn.detailsWhenKeycloakTookOver).containsEntry("user_agent", SAFARI_ON_IPHONE)
                .containsEntry("credential_type", "otp");
    }

    @Test
    void theSmsAndRecoveryCodeStepsNameTheBrowserBeforeTheyCheckTheCode() {
        FakeSignIn sms = new FakeSignIn().userAgent(SAFARI_ON_IPHONE).posted("code", "123456");
        assertThatThrownBy(() -> new PortalSmsCodeAuthenticatorFactory().create(null).action(sms.flowContext()))
                .isInstanceOf(FakeSignIn.KeycloakTookOver.class);
        assertThat(sms.detailsWhenKeycloakTookOver).containsEntry("user_agent", SAFARI_ON_IPHONE);

        FakeSignIn recovery = new FakeSignIn().userAgent(SAFARI_ON_IPHONE).posted("recoveryCode", "HERS-TELC-DE26-SANN");
        assertThatThrownBy(() -> new PortalRecoveryCodeAuthenticatorFactory().create(null).action(recovery.flowContext()))
                .isInstanceOf(FakeSignIn.KeycloakTookOver.class);
        assertThat(recovery.keycloaksFirstCall).isEqualTo("getUser");
        assertThat(recovery.detailsWhenKeycloakTookOver).containsEntry("user_agent", SAFARI_ON_IPHONE);
    }

    @Test
    void theRequiredActionNamesTheBrowserOnTheLoginEventAndIsNeverNeeded() {
        FakeSignIn signIn = new FakeSignIn().userAgent(FakeSignIn.FIREFOX_ON_WINDOWS);
        SignInBrowserAction action = new SignInBrowserAction();

        action.evaluateTriggers(signIn.requiredActionContext());

        assertThat(signIn.details()).containsEntry("user_agent", FakeSignIn.FIREFOX_ON_WINDOWS);
        assertThat(signIn.succeeded).isFalse();

        // asked of a user by an administrator anyway: passes at once, without a page
        action.requiredActionChallenge(signIn.requiredActionContext());
        assertThat(signIn.succeeded).isTrue();
    }
}
