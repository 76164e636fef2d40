package nl.notaris.portal.identity.keycloak;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import nl.notaris.portal.support.web.ConflictException;
import nl.notaris.portal.support.web.InvalidRequestException;
import nl.notaris.portal.support.web.ProblemException;

/**
 * Keycloak's admin REST API (and the portal's set-password endpoint in the realm), called with this
 * service's own service account (client credentials of the {@code identity-service} client, allowed
 * to view and manage users and to read the realm's events). Keycloak holds the accounts' passwords;
 * this service never sees one. A value Keycloak refuses (400) in a call that carries what a caller
 * typed is the caller's 400, naming the field where Keycloak names it.
 */
@Component
public class KeycloakAdminClient {

    private static final Logger log = LoggerFactory.getLogger(KeycloakAdminClient.class);
    /** Keycloak's user attributes as the portal's requests name them; the username is the e-mail address. */
    private static final Map<String, String> FIELDS = Map.of("email", "email", "username", "email",
            "firstName", "firstName", "lastName", "lastName", "locale", "language", "phone_number", "phone");
    private static final Map<String, String> FIELD_NAMES = Map.of("email", "e-mail address", "firstName",
            "first name", "lastName", "last name", "language", "language", "phone", "phone number");

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
        requestFactory.setReadTimeout(10_000);
        this.http = builder.clone().baseUrl(keycloakUrl).requestFactory(requestFactory).build();
        this.realm = realm;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.clock = clock;
    }

    public List<UserRepresentation> findUsersByEmail(String email) {
        try {
            return http.get()
                    .uri("/admin/realms/{realm}/users?email={email}&exact=true&briefRepresentation=false", realm, email)
                    .headers(headers -> headers.setBearerAuth(accessToken()))
                    .retrieve()
                    .body(new ParameterizedTypeReference<List<UserRepresentation>>() {
                    });
        } catch (HttpClientErrorException.BadRequest e) {
            throw refused(e);
        }
    }

    public Optional<UserRepresentation> findUser(String userId) {
        try {
            return Optional.ofNullable(http.get().uri("/admin/realms/{realm}/users/{id}", realm, userId)
                    .headers(h -> h.setBearerAuth(accessToken())).retrieve().body(UserRepresentation.class));
        } catch (HttpClientErrorException.NotFound e) {
            return Optional.empty();
        }
    }

    /** One page of the realm's users with their attributes. */
    public List<UserRepresentation> users(int first, int max) {
        return http.get().uri("/admin/realms/{realm}/users?first={first}&max={max}&briefRepresentation=false", realm,
                        first, max)
                .headers(h -> h.setBearerAuth(accessToken()))
                .retrieve()
                .body(new ParameterizedTypeReference<List<UserRepresentation>>() {
                });
    }

    /** Creates a user without a password; returns its id. An address that is in use is a conflict. */
    public String createUser(NewUser user) {
        try {
            var response = http.post().uri("/admin/realms/{realm}/users", realm)
                    .headers(h -> h.setBearerAuth(accessToken()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(user)
                    .retrieve()
                    .toBodilessEntity();
            String location = String.valueOf(response.getHeaders().getLocation());
            return location.substring(location.lastIndexOf('/') + 1);
        } catch (HttpClientErrorException e) {
            if (e.getStatusCode() == HttpStatus.CONFLICT) {
                throw new ConflictException("An account with this e-mail address exists already.");
            }
            if (e instanceof HttpClientErrorException.BadRequest badRequest) {
                throw refused(badRequest);
            }
            throw e;
        }
    }

    /**
     * Grants realm roles. Their ids come from the user's available role mappings: reading a role
     * itself needs view-realm, which this service's account does not have (manage-users suffices here).
     */
    public void addRealmRoles(String userId, List<String> roleNames) {
        List<Map<String, Object>> available = http.get()
                .uri("/admin/realms/{realm}/users/{id}/role-mappings/realm/available", realm, userId)
                .headers(h -> h.setBearerAuth(accessToken())).retrieve()
                .body(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                });
        List<Map<String, Object>> roles = available == null ? List.of()
                : available.stream().filter(role -> roleNames.contains(role.get("name"))).toList();
        if (roles.size() != roleNames.size()) {
            throw new IllegalStateException("The realm lacks one of the roles " + roleNames);
        }
        http.post().uri("/admin/realms/{realm}/users/{id}/role-mappings/realm", realm, userId)
                .headers(h -> h.setBearerAuth(accessToken()))
                .contentType(MediaType.APPLICATION_JSON).body(roles).retrieve().toBodilessEntity();
    }

    /** Sets one user attribute (e.g. {@code locale}), keeping the others. */
    public void setAttribute(String userId, String name, String value) {
        UserRepresentation user = findUser(userId).orElseThrow();
        Map<String, List<String>> attributes = new LinkedHashMap<>(user.attributes() == null ? Map.of() : user.attributes());
        attributes.put(name, List.of(value));
        Map<String, Object> update = new LinkedHashMap<>();
        update.put("username", user.username());
        update.put("email", user.email());
        update.put("firstName", user.firstName());
        update.put("lastName", user.lastName());
        update.put("attributes", attributes);
        try {
            http.put().uri("/admin/realms/{realm}/users/{id}", realm, userId)
                    .headers(h -> h.setBearerAuth(accessToken()))
                    .contentType(MediaType.APPLICATION_JSON).body(update).retrieve().toBodilessEntity();
        } catch (HttpClientErrorException.BadRequest e) {
            throw refused(e);
        }
    }

    /** Whether the user has set a password. */
    public boolean hasPassword(String userId) {
        return credentials(userId).stream().anyMatch(c -> "password".equals(c.type()));
    }

    /** The user's credentials as Keycloak lists them: type, label, creation time and public data, never secrets. */
    public List<Credential> credentials(String userId) {
        List<Credential> credentials = http.get().uri("/admin/realms/{realm}/users/{id}/credentials", realm, userId)
                .headers(h -> h.setBearerAuth(accessToken())).retrieve()
                .body(new ParameterizedTypeReference<List<Credential>>() {
                });
        return credentials == null ? List.of() : credentials;
    }

    /** Ends all the user's sessions; Keycloak tells the gateway through OIDC back-channel logout. */
    public void logout(String userId) {
        http.post().uri("/admin/realms/{realm}/users/{id}/logout", realm, userId)
                .headers(h -> h.setBearerAuth(accessToken())).retrieve().toBodilessEntity();
    }

    public void deleteUser(String userId) {
        try {
            http.delete().uri("/admin/realms/{realm}/users/{id}", realm, userId)
                    .headers(h -> h.setBearerAuth(accessToken())).retrieve().toBodilessEntity();
        } catch (HttpClientErrorException.NotFound alreadyGone) {
            // deleting twice is not an error
        }
    }

    /**
     * Has Keycloak e-mail the user a single-use link to set a password ("Instellen wachtwoord") that
     * signs the user in afterwards, leading to {@code redirectUri}.
     */
    public void sendSetPasswordEmail(String userId, String redirectUri, long lifespanSeconds) {
        http.post().uri("/realms/{realm}/portal-accounts/set-password-email", realm)
                .headers(h -> h.setBearerAuth(accessToken()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("userId", userId, "redirectUri", redirectUri, "lifespanSeconds", lifespanSeconds))
                .retrieve().toBodilessEntity();
    }

    /** The realm's stored user events of a type from a day on, oldest first. */
    public List<UserEvent> events(String type, LocalDate from, int first, int max) {
        List<UserEvent> events = http.get()
                .uri("/admin/realms/{realm}/events?type={type}&dateFrom={from}&first={first}&max={max}", realm, type,
                        from.toString(), first, max)
                .headers(h -> h.setBearerAuth(accessToken())).retrieve()
                .body(new ParameterizedTypeReference<List<UserEvent>>() {
                });
        return events == null ? List.of() : events.reversed();
    }

    /**
     * The user's stored sign-ins and failed sign-in attempts ({@code LOGIN}, {@code LOGIN_ERROR}), newest first, at
     * most {@code max}: one call, as Keycloak keeps them (the realm's event expiration).
     */
    public List<SignInEvent> signInEvents(String userId, int max) {
        List<SignInEvent> events = http.get()
                .uri("/admin/realms/{realm}/events?user={user}&type=LOGIN&type=LOGIN_ERROR&first=0&max={max}", realm,
                        userId, max)
                .headers(h -> h.setBearerAuth(accessToken())).retrieve()
                .body(new ParameterizedTypeReference<List<SignInEvent>>() {
                });
        return events == null ? List.of() : events;
    }

    /**
     * Keycloak's 400 as the caller's 400: an {@link InvalidRequestException} naming the field when
     * Keycloak names one the portal knows, else a 400 problem without a field. Keycloak's {@code params}
     * repeat the value typed, so they stay out of both the answer and the log.
     */
    private static RuntimeException refused(HttpClientErrorException.BadRequest e) {
        ErrorRepresentation error;
        try {
            error = e.getResponseBodyAs(ErrorRepresentation.class);
        } catch (RuntimeException notKeycloaksErrorBody) {
            error = null;
        }
        ErrorRepresentation first = error == null ? null
                : error.field() != null || error.errors() == null || error.errors().isEmpty() ? error : error.errors().get(0);
        String field = first == null || first.field() == null ? null : FIELDS.get(first.field());
        // only a message key such as invalidEmailMessage: a sentence might quote the value
        String reason = first == null || first.errorMessage() == null
                || !first.errorMessage().matches("[A-Za-z0-9_.-]{1,80}") ? "no message key" : first.errorMessage();
        log.warn("Keycloak refused a value: {} ({})", reason,
                first == null || first.field() == null ? "no field" : first.field());
        if (field == null) {
            return new ProblemException(HttpStatus.BAD_REQUEST, null,
                    "The sign-in service did not accept these account details. Check them and try again.");
        }
        return new InvalidRequestException(field, "The sign-in service does not accept this "
                + FIELD_NAMES.get(field) + ".");
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

    /** Keycloak's error answer: one error, or several under {@code errors}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorRepresentation(String field, String errorMessage, List<ErrorRepresentation> errors) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") long expiresIn) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Credential(String id, String type, String userLabel, Long createdDate, String credentialData) {
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

    /** A user to create: the office vouches for the address, so it counts as verified. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewUser(String username, String email, String firstName, String lastName, boolean enabled,
            boolean emailVerified, Map<String, List<String>> attributes) {
    }

    /**
     * A stored {@code LOGIN} or {@code LOGIN_ERROR} event: when, from which address, Keycloak's error of a failed
     * attempt ({@code invalid_user_credentials}, …) and the details (the realm's sign-in steps add {@code user_agent}
     * and {@code credential_type}).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SignInEvent(long time, String type, String userId, String ipAddress, String error,
            Map<String, String> details) {

        public Instant at() {
            return Instant.ofEpochMilli(time);
        }

        public String detail(String name) {
            return details == null ? null : details.get(name);
        }
    }

    /** One of Keycloak's stored user events (e.g. UPDATE_CREDENTIAL with {@code details.credential_type=password}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UserEvent(String id, long time, String type, String userId, Map<String, String> details) {

        public Instant at() {
            return Instant.ofEpochMilli(time);
        }

        public static LocalDate day(Instant instant) {
            return LocalDate.ofInstant(instant, ZoneOffset.UTC);
        }
    }
}
