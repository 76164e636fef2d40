package nl.notaris.portal.identity.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;
import org.springframework.web.client.RestClient;

import nl.notaris.portal.identity.FakeKeycloak;
import nl.notaris.portal.identity.keycloak.KeycloakAdminClient.NewUser;
import nl.notaris.portal.support.web.InvalidRequestException;
import nl.notaris.portal.support.web.ProblemException;

/** What Keycloak's admin API refuses (400) reaches the caller as a 400 naming the field, never as a 500. */
class KeycloakAdminClientTest {

    static final FakeKeycloak keycloak = new FakeKeycloak();
    final KeycloakAdminClient client = new KeycloakAdminClient(RestClient.builder(), Clock.systemUTC(), keycloak.url(),
            "notary-portal", "identity-service", "identity-service-local-secret");

    @AfterAll
    static void stop() {
        keycloak.stop();
    }

    static NewUser user() {
        return new NewUser("anna@example.com", "anna@example.com", "Anna", "de Vries", true, true,
                Map.of("account_type", List.of("PERSON")));
    }

    /** Keycloak's answers: one error with its field, or several under {@code errors}; the username is the address. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"field\":\"firstName\",\"errorMessage\":\"error-person-name-invalid-character\",\"params\":[\"firstName\",\"<b>\"]} | firstName",
            "{\"field\":\"email\",\"errorMessage\":\"invalidEmailMessage\",\"params\":[\"email\",\"x<b>@example.com\"]} | email",
            "{\"field\":\"username\",\"errorMessage\":\"error-username-invalid-character\"} | email",
            "{\"errors\":[{\"field\":\"lastName\",\"errorMessage\":\"error-person-name-invalid-character\"},{\"field\":\"firstName\",\"errorMessage\":\"error-person-name-invalid-character\"}]} | lastName" })
    void aRefusedFieldIsAnInvalidRequestNamingIt(String keycloakAnswer, String field) throws Exception {
        keycloak.refuseNextUser(new com.fasterxml.jackson.databind.ObjectMapper().readValue(keycloakAnswer, Map.class));
        assertThatThrownBy(() -> client.createUser(user()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    // Keycloak's params repeat the value typed: they stay out of the answer
                    assertThat(e.getMessage()).doesNotContain("<b>").doesNotContain("params");
                });
    }

    @Test
    void aRefusalWithoutAFieldIsStillA400() {
        keycloak.refuseNextUser(Map.of("errorMessage", "Could not create user"));
        assertThatThrownBy(() -> client.createUser(user()))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.getMessage()).isNotBlank();
                });
    }
}
