package nl.notaris.portal.identity.keycloak;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Keycloak's admin REST API, called with this service's own service account (client credentials
 * of the {@code identity-service} client, allowed to view and manage users).
 */
@Component
public class KeycloakAdminClient {

    private final RestClient http;
    private final String realm;
    private final String clientId;
    private final String clientSecret;
    private final Clock clock;
    private AccessToken token;

    KeycloakAdminClient(RestClient.Builder builder, Clock clock, @Value("${portal.keycloak.url}") String keycloakUrl,
            @Value("${portal.keycloak.realm}") String realm, @Value("${portal.keycloak.client-id}") String clientId,
            @Value("${portal.keycloak.client-secret}") String clientSecret) {
        var requestFactory = new SimpleClientHttpRequestFactory();
        requestFactory.setConnectTimeout(2_000);
        requestFactory.setReadTimeout(5_000);
        this.http = builder.baseUrl(keycloakUrl).requestFactory(requestFactory).build();
        this.realm = realm;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    public List<UserRepresentation> findUsersByEmail(String email) {
        return http.get()
                .uri("/admin/realms/{realm}/users?email={email}&exact=true&briefRepresentation=false", realm, email)
                .headers(headers -> headers.setBearerAuth(accessToken()))
                .retrieve()
                .body(new org.springframework.core.ParameterizedTypeReference<List<UserRepresentation>>() {
                });
    }

    private synchronized String accessToken() {
        if (token == null || token.expiresAt().isBefore(clock.instant().plusSeconds(30))) {
            var form = new LinkedMultiValueMap<String, String>();
            form.add("grant_type", "client_credentials");
            form.add("client_id", clientId);
            form.add("client_secret", clientSecret);
            TokenResponse response = http.post()
                    .uri("/realms/{realm}/protocol/openid-connect/token", realm)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(TokenResponse.class);
            token = new AccessToken(response.accessToken(), clock.instant().plusSeconds(response.expiresIn()));
        }
        return token.value();
    }

    private record AccessToken(String value, Instant expiresAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserRepresentation(String id, String username, String email, String firstName, String lastName,
            boolean enabled, boolean emailVerified, Map<String, List<String>> attributes) {

        public String attribute(String name) {
            if (attributes == null || attributes.get(name) == null || attributes.get(name).isEmpty()) {
                return null;
            }
            return attributes.get(name).get(0);
        }
    }
}
