package nl.notaris.portal.gateway.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

import com.mongodb.reactivestreams.client.MongoClients;

import nl.notaris.portal.gateway.TestMongo;

/** The registry Keycloak's back-channel logout consults, on the MongoDB wire-protocol server. */
class MongoOidcSessionRegistryIT {

    static final String ISSUER = "http://localhost:8180/realms/notary-portal";

    final MongoOidcSessionRegistry registry = new MongoOidcSessionRegistry(
            new ReactiveMongoTemplate(MongoClients.create(TestMongo.uri()), "registry-" + System.nanoTime()));

    @Test
    void aLogoutTokenWithAKeycloakSessionEndsExactlyThatGatewaySession() {
        registry.saveSessionInformation(session("gw-1", "anna", "kc-1")).block();
        registry.saveSessionInformation(session("gw-2", "anna", "kc-2")).block();

        var ended = registry.removeSessionInformation(logoutToken("anna", "kc-1", "portal-gateway")).collectList().block();

        assertThat(ended).singleElement().satisfies(info -> {
            assertThat(info.getSessionId()).isEqualTo("gw-1");
            assertThat(info.getAuthorities()).containsEntry("Cookie", "SESSION=gw-1");
            assertThat(info.getPrincipal().getSubject()).isEqualTo("anna");
        });
        assertThat(registry.removeSessionInformation("gw-2").block()).isNotNull();
    }

    @Test
    void aLogoutTokenWithoutAKeycloakSessionEndsEveryGatewaySessionOfTheAccount() {
        registry.saveSessionInformation(session("gw-3", "piet", "kc-3")).block();
        registry.saveSessionInformation(session("gw-4", "piet", "kc-4")).block();
        registry.saveSessionInformation(session("gw-5", "sanne", "kc-5")).block();

        var ended = registry.removeSessionInformation(logoutToken("piet", null, "portal-gateway")).collectList().block();

        assertThat(ended).extracting(OidcSessionInformation::getSessionId).containsExactlyInAnyOrder("gw-3", "gw-4");
        assertThat(registry.removeSessionInformation("gw-5").block()).isNotNull();
    }

    @Test
    void aLogoutTokenForAnotherClientOrIssuerEndsNothing() {
        registry.saveSessionInformation(session("gw-6", "anna", "kc-6")).block();

        assertThat(registry.removeSessionInformation(logoutToken("anna", "kc-6", "another-client")).collectList().block())
                .isEmpty();
        assertThat(registry.removeSessionInformation("gw-6").block()).isNotNull();
        assertThat(registry.removeSessionInformation("gw-6").block()).isNull();
    }

    private static OidcSessionInformation session(String gatewaySession, String subject, String keycloakSession) {
        var idToken = OidcIdToken.withTokenValue("id-token").issuer(ISSUER).subject(subject)
                .audience(Set.of("portal-gateway")).claim("sid", keycloakSession).build();
        return new OidcSessionInformation(gatewaySession, Map.of("Cookie", "SESSION=" + gatewaySession),
                new DefaultOidcUser(Set.of(), idToken));
    }

    private static OidcLogoutToken logoutToken(String subject, String keycloakSession, String audience) {
        var token = OidcLogoutToken.withTokenValue("logout-token").issuer(ISSUER).subject(subject)
                .audience(Set.of(audience)).claim("jti", UUID.randomUUID().toString()).claim("events", Map.of("http://schemas.openid.net/event/backchannel-logout", Map.of()));
        if (keycloakSession != null) {
            token.sessionId(keycloakSession);
        }
        return token.build();
    }
}
