package nl.notaris.portal.gateway.sessions;

import org.mongodb.spring.session.config.annotation.web.reactive.EnableMongoWebSession;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;

/**
 * Everything a browser session holds lives in MongoDB, so any gateway replica can serve any request:
 * the session itself (Spring Session: security context and the sign-in in progress), the tokens the
 * gateway relays (kept in the session instead of Spring's default in-memory store), and which
 * Keycloak session belongs to which gateway session (for Keycloak's back-channel logout, which can
 * reach another replica than the one the browser signed in through).
 */
@Configuration(proxyBeanMethods = false)
@EnableMongoWebSession(collectionName = "sessions", maxInactiveIntervalInSeconds = SharedSessionsConfiguration.IDLE_SECONDS)
class SharedSessionsConfiguration {

    /** A session nobody uses for 30 minutes ends (Keycloak's own SSO idle timeout is the same). */
    static final int IDLE_SECONDS = 30 * 60;

    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    @Bean
    ReactiveOidcSessionRegistry oidcSessionRegistry(ReactiveMongoOperations mongo) {
        return new MongoOidcSessionRegistry(mongo);
    }
}
