package nl.notaris.portal.support.security;

import java.util.Optional;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The access token of the request being handled, for a call that another service must answer as
 * this caller (it checks the caller's rights itself), never with more rights than the caller has.
 */
public final class CallerToken {

    private CallerToken() {
    }

    public static Optional<String> current() {
        if (SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken jwt) {
            return Optional.of(jwt.getToken().getTokenValue());
        }
        return Optional.empty();
    }

    /** The token, for code that is only reached within a request. */
    public static String required() {
        return current().orElseThrow(() -> new IllegalStateException("This call is made with the caller's token"));
    }
}
