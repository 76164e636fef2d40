package nl.notaris.portal.gateway.sessions;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;

import reactor.core.publisher.Mono;

/**
 * Ends the browser sessions a validated Keycloak back-channel logout token names, directly in the
 * session store. Spring's default handler instead calls this gateway's own logout endpoint with each
 * session's cookie, which ends nothing when that call cannot load the session at that moment (seen
 * with the local MongoDB wire-protocol server while the browser's own requests kept saving it).
 */
class BackChannelLogout implements ServerLogoutHandler {

    private final MongoOidcSessionRegistry registry;
    private final SessionStore sessions;

    BackChannelLogout(MongoOidcSessionRegistry registry, SessionStore sessions) {
        this.registry = registry;
        this.sessions = sessions;
    }

    @Override
    public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof OidcLogoutToken token)) {
            return Mono.empty();
        }
        return registry.removeSessionInformation(token)
                .concatMap(session -> sessions.deleteById(session.getSessionId()))
                .then();
    }
}
