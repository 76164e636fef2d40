package nl.notaris.portal.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.web.server.WebFilterExchange;

class ReturnAfterSignInTest {

    final ReturnAfterSignIn handler = new ReturnAfterSignIn();

    String landingAfter(String callback, String returnTo) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get(callback));
        if (returnTo != null) {
            exchange.getSession().block().getAttributes().put(ReturnAfterSignIn.ATTRIBUTE, returnTo);
        }
        handler.onAuthenticationSuccess(new WebFilterExchange(exchange, e -> reactor.core.publisher.Mono.empty()),
                new TestingAuthenticationToken("anna", null)).block();
        assertThat(exchange.getSession().block().getAttributes()).doesNotContainKey(ReturnAfterSignIn.ATTRIBUTE);
        return exchange.getResponse().getHeaders().getLocation().toString();
    }

    @Test
    void homeUnlessThePortalAskedForAPage() {
        assertThat(landingAfter("/login/oauth2/code/keycloak?code=c&state=s", null)).isEqualTo("/");
        assertThat(landingAfter("/login/oauth2/code/keycloak?code=c&state=s", "/mijn-gegevens")).isEqualTo("/mijn-gegevens");
    }

    @Test
    void keycloaksOutcomeOfAnAccountActionIsPassedOn() {
        assertThat(landingAfter("/login/oauth2/code/keycloak?code=c&state=s&kc_action_status=cancelled", "/mijn-gegevens"))
                .isEqualTo("/mijn-gegevens?actie=cancelled");
        assertThat(landingAfter("/login/oauth2/code/keycloak?code=c&kc_action_status=%3Cscript%3E", "/mijn-gegevens"))
                .isEqualTo("/mijn-gegevens");
    }

    @ParameterizedTest
    @CsvSource({ "/mijn-gegevens, true", "/dossiers/abc?tab=berichten, true", "//evil.example, false",
            "https://evil.example, false", "mijn-gegevens, false", "/a\\b, false", "/%0d%0aSet-Cookie, false" })
    void onlyPathsOfThePortal(String path, boolean allowed) {
        assertThat(ReturnAfterSignIn.isPortalPath(path)).isEqualTo(allowed);
    }
}
