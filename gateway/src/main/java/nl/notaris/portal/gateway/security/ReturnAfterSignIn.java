package nl.notaris.portal.gateway.security;

import java.net.URI;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * After signing in, the browser goes where the web app asked ({@link AccountActionRequests}), or
 * Home. Coming back from one of Keycloak's account actions, Keycloak's outcome
 * ({@code kc_action_status}: success, cancelled, error) is passed on so the page can say what happened.
 */
class ReturnAfterSignIn implements ServerAuthenticationSuccessHandler {

    static final String ATTRIBUTE = "portal.returnTo";

    private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange webFilterExchange, Authentication authentication) {
        var exchange = webFilterExchange.getExchange();
        String status = exchange.getRequest().getQueryParams().getFirst("kc_action_status");
        return exchange.getSession().flatMap(session -> {
            Object returnTo = session.getAttributes().remove(ATTRIBUTE);
            String target = returnTo instanceof String path && isPortalPath(path) ? path : "/";
            if (status != null && status.matches("[a-z]{1,20}")) {
                target = UriComponentsBuilder.fromUriString(target).queryParam("actie", status).build().toUriString();
            }
            return redirect.sendRedirect(exchange, URI.create(target));
        });
    }

    /** A path of this portal: {@code /mijn-gegevens}, not {@code //elsewhere.example} or {@code https://…}. */
    static boolean isPortalPath(String path) {
        return path != null && path.length() <= 200 && path.matches("/[A-Za-z0-9/_?=&.-]*") && !path.startsWith("//");
    }
}
