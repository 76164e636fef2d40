package nl.notaris.portal.gateway.sessions;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.session.config.annotation.web.server.EnableSpringWebSession;

import com.mongodb.connection.TransportSettings;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import reactor.netty.http.HttpResources;
import reactor.netty.resources.LoopResources;

/**
 * Everything a browser session holds lives in MongoDB, so any gateway replica can serve any request:
 * the session itself (Spring Session: security context and the sign-in in progress) and the tokens
 * the gateway relays (kept in the session instead of Spring's default in-memory store). Keycloak's
 * back-channel logout, which can reach another replica than the one the browser signed in through,
 * finds the sessions to end in the same store.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringWebSession
class SharedSessionsConfiguration {

    /** A session nobody uses for 30 minutes ends (Keycloak's own SSO idle timeout is the same). */
    static final Duration IDLE_TIMEOUT = Duration.ofMinutes(30);

    /**
     * A session store that does not answer costs a request seconds, not the driver's 30 s or for ever:
     * at most one read timeout (2 s), as in the services (support's DatabaseAvailabilityAutoConfiguration:
     * no read retries, connections opened side by side).
     */
    @Bean
    MongoClientSettingsBuilderCustomizer mongoTimeouts(
            @Value("${portal.mongodb.server-selection-timeout:1s}") Duration serverSelection,
            @Value("${portal.mongodb.connect-timeout:2s}") Duration connect,
            @Value("${portal.mongodb.read-timeout:2s}") Duration read) {
        return settings -> settings
                .retryReads(false)
                .applyToConnectionPoolSettings(pool -> pool.maxConnecting(16))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(serverSelection.toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket
                        .connectTimeout(Math.toIntExact(connect.toMillis()), TimeUnit.MILLISECONDS)
                        .readTimeout(Math.toIntExact(read.toMillis()), TimeUnit.MILLISECONDS));
    }

    /**
     * The session store's connections run on the gateway's own event loops (Reactor Netty's, which serve the
     * browsers and call the services), not on a group of the driver's beside them, as many threads again: a
     * session read is answered on a thread that is awake for the requests anyway (docs/capacity.md, "Event loops").
     */
    @Bean
    MongoClientSettingsBuilderCustomizer mongoOnTheGatewaysEventLoops() {
        LoopResources loops = HttpResources.get();
        EventLoopGroup group = loops.onClient(LoopResources.DEFAULT_NATIVE);
        return settings -> settings.transportSettings(TransportSettings.nettyBuilder()
                .eventLoopGroup(group)
                .socketChannelClass(loops.onChannelClass(SocketChannel.class, group))
                .build());
    }

    @Bean
    SessionStoreUnavailable sessionStoreUnavailable() {
        return new SessionStoreUnavailable();
    }

    @Bean
    SessionStore sessionStore(ReactiveMongoOperations mongo, ApplicationEventPublisher events) {
        return new SessionStore(mongo, IDLE_TIMEOUT, events, Clock.systemUTC());
    }

    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    @Bean
    MongoOidcSessionRegistry oidcSessionRegistry(ReactiveMongoOperations mongo) {
        return new MongoOidcSessionRegistry(mongo);
    }

    @Bean
    BackChannelLogout backChannelLogout(MongoOidcSessionRegistry registry, SessionStore sessions) {
        return new BackChannelLogout(registry, sessions);
    }

    @Bean
    RegisteringSecurityContextRepository securityContextRepository(MongoOidcSessionRegistry registry) {
        return new RegisteringSecurityContextRepository(registry);
    }
}
