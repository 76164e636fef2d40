package nl.notaris.portal.gateway.security;

import java.net.URI;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;

import reactor.core.publisher.Mono;

/**
 * When Keycloak sends the browser back with a code this gateway did not ask for — after a client set
 * a password from an e-mail link, possibly in a browser that never started a sign-in here — the
 * sign-in is started once more; Keycloak's session then completes it at once. A second failure in
 * the same session goes to the start page instead of round and round.
 */
class SignInFailureHandler implements ServerAuthenticationFailureHandler {

    static final String RETRIED = "portal.signInRetried";

    private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException exception) {
        boolean unknownRequest = exception instanceof OAuth2AuthenticationException oauth
                && "authorization_request_not_found".equals(oauth.getError().getErrorCode());
        return exchange.getExchange().getSession().flatMap(session -> {
            if (unknownRequest && session.getAttribute(RETRIED) == null) {
                session.getAttributes().put(RETRIED, Boolean.TRUE);
                return redirect.sendRedirect(exchange.getExchange(), URI.create("/oauth2/authorization/keycloak"));
            }
            session.getAttributes().remove(RETRIED);
            return redirect.sendRedirect(exchange.getExchange(), URI.create("/?signin=failed"));
        });
    }
}
