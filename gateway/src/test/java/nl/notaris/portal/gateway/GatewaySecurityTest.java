package nl.notaris.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.MeterRegistry;

/** The gateway's own rules, without the services behind it. */
@SpringBootTest(
        properties = "DOSSIER_SERVICE_URL=http://localhost:1")
@AutoConfigureWebTestClient
class GatewaySecurityTest {

    @Autowired
    WebTestClient web;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void sessions(DynamicPropertyRegistry registry) {
        TestMongo.register(registry);
    }

    @Test
    void healthIsPublicAndTheApiNeedsASignIn() {
        web.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        web.get().uri("/api/me").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/dossiers").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void signInStartsAtKeycloakWithPkce() {
        web.get().uri("/oauth2/authorization/keycloak").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value("Location", location -> org.assertj.core.api.Assertions.assertThat(location)
                        .startsWith("http://localhost:8180/realms/notary-portal/protocol/openid-connect/auth")
                        .contains("client_id=portal-gateway").contains("code_challenge_method=S256"));
    }

    /** "Mijn gegevens" starts Keycloak's two-step verification pages through the gateway's sign-in. */
    @Test
    void aKnownAccountActionIsPassedToKeycloakAndAnUnknownOneIsNot() {
        web.get().uri("/oauth2/authorization/keycloak?kc_action=portal-sms-setup&return=/mijn-gegevens").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value("Location", location -> org.assertj.core.api.Assertions.assertThat(location)
                        .contains("kc_action=portal-sms-setup").contains("code_challenge_method=S256"));
        web.get().uri("/oauth2/authorization/keycloak?kc_action=delete_credential:0b7a3c1e-9d2f-4e5a-8b6c-1d2e3f4a5b6c")
                .exchange().expectStatus().is3xxRedirection()
                .expectHeader().value("Location", location -> org.assertj.core.api.Assertions.assertThat(location)
                        .contains("kc_action=delete_credential"));
        web.get().uri("/oauth2/authorization/keycloak?kc_action=UPDATE_PASSWORD&return=/mijn-gegevens?onderdeel=wachtwoord")
                .exchange().expectStatus().is3xxRedirection()
                .expectHeader().value("Location", location -> org.assertj.core.api.Assertions.assertThat(location)
                        .contains("kc_action=UPDATE_PASSWORD"));
        web.get().uri("/oauth2/authorization/keycloak?kc_action=UPDATE_EMAIL").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value("Location", location -> org.assertj.core.api.Assertions.assertThat(location)
                        .doesNotContain("kc_action"));
    }

    @Test
    void theWebAppAnswersItsOwnDeepLinks() {
        web.get().uri("/dossiers/abc").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(body -> org.assertj.core.api.Assertions.assertThat(body).contains("<div id=\"root\">"));
        web.get().uri("/").exchange().expectStatus().isOk();
    }

    @Test
    void aBrowserCallThatChangesStateNeedsTheCsrfToken() {
        web.mutateWith(mockOidcLogin()).post().uri("/api/staff/dossiers").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isForbidden();
        // with the token the call passes the gateway's checks and reaches the (absent) service
        web.mutateWith(mockOidcLogin()).mutateWith(csrf()).post().uri("/api/staff/dossiers")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().value(status -> org.assertj.core.api.Assertions.assertThat(status).isNotIn(401, 403));
    }

    @Test
    void theCsrfCookieIsReadableByTheWebApp() {
        web.get().uri("/").exchange().expectCookie().exists("XSRF-TOKEN").expectCookie().httpOnly("XSRF-TOKEN", false);
    }

    @Test
    void signingOutEndsTheKeycloakSessionAndComesBackToThePortal() {
        web.mutateWith(mockOidcLogin()).mutateWith(csrf()).post().uri("/logout").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value("Location", location -> org.assertj.core.api.Assertions.assertThat(location)
                        .startsWith("http://localhost:8180/realms/notary-portal/protocol/openid-connect/logout?id_token_hint=")
                        .contains("post_logout_redirect_uri="));
    }

    @Test
    void theInvitationPagesCallsNeedNoSignIn() {
        web.get().uri("/api/public/invitations/abc").exchange()
                .expectStatus().value(status -> org.assertj.core.api.Assertions.assertThat(status).isNotIn(401, 403));
    }

    @Test
    void keycloaksBackChannelLogoutIsHeardWithoutACsrfTokenAndRefusesABadLogoutToken() {
        web.post().uri("/logout/connect/back-channel/keycloak").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .bodyValue("logout_token=not-a-token").exchange()
                .expectStatus().isBadRequest();
    }

    /** After a password was set from an e-mail link, Keycloak may send back a code this gateway never asked for. */
    @Test
    void aCodeThatWasNotAskedForStartsTheSignInOnceMoreAndOnlyOnce() {
        var first = web.get().uri("/login/oauth2/code/keycloak?code=abc&state=unknown").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/oauth2/authorization/keycloak")
                .returnResult(Void.class);
        String session = first.getResponseCookies().getFirst("SESSION").getValue();
        web.get().uri("/login/oauth2/code/keycloak?code=abc&state=unknown").cookie("SESSION", session).exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/?signin=failed");
    }

    /** Redirects are built from the configured public address; a forged Host header changes nothing. */
    @Test
    void redirectsStartAtThePublicAddressWhateverTheHostHeaderSays() {
        web.mutateWith(csrf()).post().uri("/logout").header("Host", "evil.example").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("http://localhost:8080/");
        web.mutateWith(mockOidcLogin()).mutateWith(csrf()).post().uri("/logout").header("Host", "evil.example").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value("Location", location -> org.assertj.core.api.Assertions.assertThat(location)
                        .contains("post_logout_redirect_uri=http://localhost:8080/").doesNotContain("evil"));
        web.get().uri("/oauth2/authorization/keycloak").header("Host", "evil.example").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().value("Location", location -> org.assertj.core.api.Assertions.assertThat(location)
                        .contains("redirect_uri=http://localhost:8080/login/oauth2/code/keycloak").doesNotContain("evil"));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        web.get().uri("/dossiers").exchange()
                .expectHeader().valueEquals("Content-Security-Policy",
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
                                + "connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                                + "form-action 'self' http://localhost:8180")
                .expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
                .expectHeader().valueEquals("X-Frame-Options", "DENY")
                .expectHeader().valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
                .expectHeader().exists("Permissions-Policy");
        web.get().uri("/api/me").exchange().expectHeader().exists("Content-Security-Policy");
    }

    /** What a request leaves in the meters: its timer, not a long task timer beside it (application.yml). */
    @Test
    void aRequestIsTimedWithoutALongTaskTimer() {
        web.get().uri("/api/me").exchange().expectStatus().isUnauthorized();

        assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
        assertThat(meters.getMeters()).noneMatch(meter -> meter.getId().getName().endsWith(".active"));
    }
}
