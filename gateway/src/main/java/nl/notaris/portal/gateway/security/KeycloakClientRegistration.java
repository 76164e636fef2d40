package nl.notaris.portal.gateway.security;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;

/**
 * The Keycloak client registration from the configured endpoints (no discovery call at start-up, so
 * the gateway starts while Keycloak is still starting), with the issuer set as well: back-channel
 * logout tokens are only accepted from this issuer.
 */
@Configuration
@EnableConfigurationProperties(OAuth2ClientProperties.class)
class KeycloakClientRegistration {

    @Bean
    InMemoryReactiveClientRegistrationRepository keycloakClientRegistrations(OAuth2ClientProperties properties,
            @Value("${portal.keycloak.issuer-uri}") String issuer) {
        return new InMemoryReactiveClientRegistrationRepository(new OAuth2ClientPropertiesMapper(properties)
                .asClientRegistrations().values().stream()
                .map(registration -> ClientRegistration.withClientRegistration(registration).issuerUri(issuer).build())
                .toList());
    }
}
