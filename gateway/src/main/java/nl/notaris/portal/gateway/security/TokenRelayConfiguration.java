package nl.notaris.portal.gateway.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.factory.TokenRelayGatewayFilterFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;

/**
 * The {@code TokenRelay} filter with its token manager looked up once. Spring Cloud Gateway's own factory
 * (switched off in application.yml) looks the manager up in the application context on every request,
 * which cost more than relaying the token.
 */
@Configuration(proxyBeanMethods = false)
class TokenRelayConfiguration {

    @Bean
    TokenRelayGatewayFilterFactory tokenRelayGatewayFilterFactory(ReactiveOAuth2AuthorizedClientManager tokens) {
        return new TokenRelayGatewayFilterFactory(new ObjectProvider<>() {
            @Override
            public ReactiveOAuth2AuthorizedClientManager getObject() {
                return tokens;
            }
        });
    }
}
