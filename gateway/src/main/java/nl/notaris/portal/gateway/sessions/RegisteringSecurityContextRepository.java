package nl.notaris.portal.gateway.sessions;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Keeps the sign-in in the browser session, as Spring does, and registers the session for Keycloak's
 * back-channel logout once it is stored: by then the session has its final id. Signing out removes
 * the registration.
 */
class RegisteringSecurityContextRepository implements ServerSecurityContextRepository {

    private final WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
    private final MongoOidcSessionRegistry registry;

    RegisteringSecurityContextRepository(MongoOidcSessionRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return sessions.save(exchange, context).then(exchange.getSession()).flatMap(session -> {
            if (context == null) {
                return registry.removeSessionInformation(session.getId()).then();
            }
            return context.getAuthentication() != null && context.getAuthentication().getPrincipal() instanceof OidcUser user
                    ? registry.register(session.getId(), user)
                    : Mono.empty();
        });
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        return sessions.load(exchange);
    }
}
