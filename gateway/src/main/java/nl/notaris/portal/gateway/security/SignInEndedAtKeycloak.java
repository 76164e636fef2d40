package nl.notaris.portal.gateway.security;

import java.nio.charset.StandardCharsets;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebSession;

import nl.notaris.portal.gateway.web.ProblemResponses;
import reactor.core.publisher.Mono;

/**
 * The token relayed to the services could not be renewed. When Keycloak refuses the refresh token
 * ({@code invalid_grant}: its session was ended, e.g. by an administrator, or expired), the portal's
 * session ends too and the web app is told to sign in again (401); any other failure of the renewal is
 * a temporary 503. Never a 500: the caller did nothing wrong.
 */
@Order(-2)
class SignInEndedAtKeycloak implements WebExceptionHandler {

    private static final byte[] ENDED = """
            {"type":"about:blank","title":"Unauthorized","status":401,\
            "detail":"Your session has ended. Please sign in again."}""".getBytes(StandardCharsets.UTF_8);
    private static final byte[] UNAVAILABLE = """
            {"type":"about:blank","title":"Service unavailable","status":503,\
            "detail":"The portal cannot renew your sign-in at the moment. Please try again shortly."}"""
            .getBytes(StandardCharsets.UTF_8);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (!(error instanceof OAuth2AuthorizationException refused) || exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (OAuth2ErrorCodes.INVALID_GRANT.equals(refused.getError().getErrorCode())) {
            return exchange.getSession().flatMap(WebSession::invalidate)
                    .then(Mono.defer(() -> ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, ENDED)));
        }
        exchange.getResponse().getHeaders().set("Retry-After", "10");
        return ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE);
    }
}
