package nl.notaris.portal.keycloak.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SetPasswordEmailRequestTest {

    @Test
    void onlyTheUserIdIsRequired() {
        SetPasswordEmailRequest request = SetPasswordEmailRequest.parse("{\"userId\":\" 4f1c \"}");

        assertThat(request.valid()).isTrue();
        assertThat(request.userId()).isEqualTo("4f1c");
        assertThat(request.redirectUri()).isNull();
        assertThat(request.lifespanSeconds()).isEqualTo(604800);
        assertThat(request.clientId()).isEqualTo("portal-gateway");
    }

    @Test
    void takesRedirectLifespanAndClient() {
        SetPasswordEmailRequest request = SetPasswordEmailRequest.parse("""
                {"userId": "u1", "redirectUri": "http://localhost:8080/oauth2/authorization/keycloak",
                 "lifespanSeconds": 3600, "clientId": "other", "unknown": true}""");

        assertThat(request.valid()).isTrue();
        assertThat(request.redirectUri()).isEqualTo("http://localhost:8080/oauth2/authorization/keycloak");
        assertThat(request.lifespanSeconds()).isEqualTo(3600);
        assertThat(request.clientId()).isEqualTo("other");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "not json", "[]", "\"u1\"", "{}", "{\"userId\": \"\"}", "{\"userId\": 42}",
        "{\"userId\": \"u1\", \"redirectUri\": \"/relative\"}",
        "{\"userId\": \"u1\", \"redirectUri\": \"javascript:alert(1)\"}",
        "{\"userId\": \"u1\", \"redirectUri\": 7}",
        "{\"userId\": \"u1\", \"lifespanSeconds\": 299}",
        "{\"userId\": \"u1\", \"lifespanSeconds\": 2592001}",
        "{\"userId\": \"u1\", \"lifespanSeconds\": 3600.5}",
        "{\"userId\": \"u1\", \"lifespanSeconds\": \"3600\"}",
        "{\"userId\": \"u1\", \"clientId\": \"\"}",
    })
    void refusesWhatBreaksARule(String body) {
        SetPasswordEmailRequest request = SetPasswordEmailRequest.parse(body);

        assertThat(request.valid()).isFalse();
        assertThat(request.error()).isNotBlank();
    }

    @Test
    void lifespanBoundsAreInclusive() {
        assertThat(SetPasswordEmailRequest.parse("{\"userId\":\"u\",\"lifespanSeconds\":300}").valid()).isTrue();
        assertThat(SetPasswordEmailRequest.parse("{\"userId\":\"u\",\"lifespanSeconds\":2592000}").valid()).isTrue();
    }

    @Test
    void nullBodyIsInvalid() {
        assertThat(SetPasswordEmailRequest.parse(null).valid()).isFalse();
    }
}
