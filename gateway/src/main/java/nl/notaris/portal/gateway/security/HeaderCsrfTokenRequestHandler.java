package nl.notaris.portal.gateway.security;

import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Takes the CSRF token from the {@code X-XSRF-TOKEN} header only, except for the sign-out form the
 * gateway answers itself. Spring's default also reads a form body ({@code _csrf}); on a proxied
 * route that consumes the body while the original {@code Content-Length} is still forwarded, and
 * the pooled connection to the service then swallows the start of the next request, whoever sends it.
 */
class HeaderCsrfTokenRequestHandler extends ServerCsrfTokenRequestAttributeHandler {

    static final String SIGN_OUT = "/logout";

    @Override
    public Mono<String> resolveCsrfTokenValue(ServerWebExchange exchange, CsrfToken csrfToken) {
        var request = exchange.getRequest();
        if (request.getMethod() == HttpMethod.POST && SIGN_OUT.equals(request.getPath().value())) {
            return super.resolveCsrfTokenValue(exchange, csrfToken);
        }
        return Mono.justOrEmpty(request.getHeaders().getFirst(csrfToken.getHeaderName()));
    }
}
