package nl.notaris.portal.gateway.sessions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;

import io.netty.channel.EventLoop;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.netty.Connection;

/**
 * Keeps the sign-in in the browser session, as Spring does, and registers the session for Keycloak's
 * back-channel logout once it is stored: by then the session has its final id. Signing out removes
 * the registration.
 * <p>
 * The request goes on from the loaded sign-in on its own connection's event loop, not on the database
 * driver's thread that read the session: the call to the service is then made from that loop, whose own
 * connections the HTTP client takes, and the service's answer is read and written back to the browser
 * on one thread. From the driver's thread it went to any loop, and half the time the answer moved to a
 * second one.
 */
class RegisteringSecurityContextRepository implements ServerSecurityContextRepository {

    private final WebSessionServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();
    private final MongoOidcSessionRegistry registry;
    private final Map<EventLoop, Scheduler> loops = new ConcurrentHashMap<>();

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
        Mono<SecurityContext> loaded = sessions.load(exchange);
        EventLoop loop = eventLoopOf(exchange.getRequest());
        return loop == null ? loaded : loaded.publishOn(loops.computeIfAbsent(loop, Schedulers::fromExecutor));
    }

    /** The event loop of the request's connection; none where there is no Reactor Netty server (a test's mock request). */
    private static @Nullable EventLoop eventLoopOf(ServerHttpRequest request) {
        try {
            return ServerHttpRequestDecorator.getNativeRequest(request) instanceof Connection connection
                    ? connection.channel().eventLoop() : null;
        } catch (IllegalArgumentException | IllegalStateException noNativeRequest) {
            return null;
        }
    }
}
