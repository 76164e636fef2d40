package nl.notaris.portal.keycloak.signinevents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignInEventDetailsTest {

    @Test
    void theBrowsersUserAgentIsStoredAsItCame() {
        FakeSignIn signIn = new FakeSignIn().userAgent(FakeSignIn.FIREFOX_ON_WINDOWS);

        SignInEventDetails.addUserAgent(signIn.event, signIn.request());

        assertThat(signIn.details()).containsEntry("user_agent", FakeSignIn.FIREFOX_ON_WINDOWS);
    }

    @Test
    void noHeaderNoRequestOrNoEventAddNothingAndFailNothing() {
        FakeSignIn signIn = new FakeSignIn();
        SignInEventDetails.addUserAgent(signIn.event, signIn.request());
        SignInEventDetails.addUserAgent(signIn.event, null);
        SignInEventDetails.addUserAgent(null, signIn.request());
        SignInEventDetails.addUserAgent(signIn.event, FakeSignIn.proxy(org.keycloak.http.HttpRequest.class, (name, args) -> {
            throw new IllegalStateException("no request here");
        }));

        assertThat(signIn.details()).doesNotContainKey("user_agent");
    }

    @Test
    void controlCharactersGoAndALongHeaderIsCutTo300Characters() {
        assertThat(SignInEventDetails.userAgent("  Firefox\r\n/133\u0000 ")).isEqualTo("Firefox  /133");
        assertThat(SignInEventDetails.userAgent(" \t ")).isNull();
        assertThat(SignInEventDetails.userAgent(null)).isNull();
        assertThat(SignInEventDetails.userAgent("x".repeat(5000))).hasSize(300);
        // never half of a character outside the BMP
        String emoji = "x".repeat(299) + "\uD83D\uDE00" + "y";
        assertThat(SignInEventDetails.userAgent(emoji)).isEqualTo("x".repeat(299));
    }

    @Test
    void theCredentialTypeSaysWhichStepFailed() {
        FakeSignIn signIn = new FakeSignIn();

        SignInEventDetails.addCredentialType(signIn.event, "password");

        assertThat(signIn.details()).containsEntry("credential_type", "password");
    }
}
