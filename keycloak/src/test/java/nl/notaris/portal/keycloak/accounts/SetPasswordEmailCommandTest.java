package nl.notaris.portal.keycloak.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.notaris.portal.keycloak.accounts.SetPasswordEmailCommand.Outcome;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SetPasswordEmailCommandTest {

    private static final String SIGN_IN = "http://localhost:8080/oauth2/authorization/keycloak";

    record User(String id, boolean enabled, String email) {
    }

    /** Keycloak as the identity-service's service account sees it; each test changes what it needs. */
    static final class FakeKeycloak implements SetPasswordEmailCommand.Port<User> {
        boolean authenticated = true;
        boolean mayLookUp = true;
        boolean mayManage = true;
        boolean mailFails;
        final Map<String, User> users = new HashMap<>();
        final List<String> sent = new ArrayList<>();

        @Override
        public boolean authenticated() {
            return authenticated;
        }

        @Override
        public boolean callerMayLookUpUsers() {
            return mayLookUp;
        }

        @Override
        public User findUser(String userId) {
            return users.get(userId);
        }

        @Override
        public boolean callerMayManage(User user) {
            return mayManage;
        }

        @Override
        public boolean enabled(User user) {
            return user.enabled();
        }

        @Override
        public String email(User user) {
            return user.email();
        }

        @Override
        public boolean clientExists(String clientId) {
            return "portal-gateway".equals(clientId);
        }

        @Override
        public String defaultRedirectUri(String clientId) {
            return SIGN_IN;
        }

        @Override
        public boolean redirectUriAllowed(String clientId, String redirectUri) {
            return redirectUri.startsWith("http://localhost:8080/");
        }

        @Override
        public void sendSetPasswordEmail(User user, String clientId, String redirectUri, int lifespanSeconds)
                throws Exception {
            if (mailFails) {
                throw new Exception("SMTP down");
            }
            sent.add(user.id() + "|" + clientId + "|" + redirectUri + "|" + lifespanSeconds);
        }
    }

    private FakeKeycloak keycloak;

    @BeforeEach
    void setUp() {
        keycloak = new FakeKeycloak();
        keycloak.users.put("anna", new User("anna", true, "anna@example.com"));
        keycloak.users.put("gone", new User("gone", false, "gone@example.com"));
        keycloak.users.put("nomail", new User("nomail", true, null));
    }

    private Outcome post(String body) {
        return new SetPasswordEmailCommand<>(keycloak).execute(body);
    }

    @Test
    void sendsTheEmailAnd204() {
        Outcome outcome = post("{\"userId\":\"anna\",\"redirectUri\":\"" + SIGN_IN + "\",\"lifespanSeconds\":86400}");

        assertThat(outcome.status()).isEqualTo(204);
        assertThat(keycloak.sent).containsExactly("anna|portal-gateway|" + SIGN_IN + "|86400");
    }

    @Test
    void redirectDefaultsToTheClientsSignInUri() {
        assertThat(post("{\"userId\":\"anna\"}").status()).isEqualTo(204);
        assertThat(keycloak.sent).containsExactly("anna|portal-gateway|" + SIGN_IN + "|604800");
    }

    @Test
    void anonymousIs401EvenWithABadBody() {
        keycloak.authenticated = false;

        assertThat(post("not json").status()).isEqualTo(401);
        assertThat(post("{\"userId\":\"anna\"}").error()).isEqualTo("unauthorized");
        assertThat(keycloak.sent).isEmpty();
    }

    @Test
    void aCallerThatMayNotManageUsersIs403BeforeAnythingIsLookedUp() {
        keycloak.mayLookUp = false;

        assertThat(post("{\"userId\":\"no-such-user\"}").status()).isEqualTo(403);
        assertThat(post("not json").status()).isEqualTo(403);
    }

    @Test
    void aCallerThatMayLookUpButNotManageTheUserIs403() {
        keycloak.mayManage = false;

        assertThat(post("{\"userId\":\"anna\"}").status()).isEqualTo(403);
        assertThat(keycloak.sent).isEmpty();
    }

    @Test
    void unknownUserIs404() {
        Outcome outcome = post("{\"userId\":\"no-such-user\"}");

        assertThat(outcome.status()).isEqualTo(404);
        assertThat(outcome.error()).isEqualTo("user_not_found");
    }

    @Test
    void disabledUserOrNoAddressIs400() {
        assertThat(post("{\"userId\":\"gone\"}")).extracting(Outcome::status, Outcome::error)
                .containsExactly(400, "user_disabled");
        assertThat(post("{\"userId\":\"nomail\"}")).extracting(Outcome::status, Outcome::error)
                .containsExactly(400, "no_email");
        assertThat(keycloak.sent).isEmpty();
    }

    @Test
    void badBodyRedirectOrClientIs400() {
        assertThat(post("{}").status()).isEqualTo(400);
        assertThat(post("{\"userId\":\"anna\",\"redirectUri\":\"https://elsewhere.example/\"}"))
                .extracting(Outcome::status, Outcome::error).containsExactly(400, "invalid_redirect_uri");
        assertThat(post("{\"userId\":\"anna\",\"clientId\":\"unknown\"}"))
                .extracting(Outcome::status, Outcome::error).containsExactly(400, "invalid_client");
        assertThat(keycloak.sent).isEmpty();
    }

    @Test
    void mailServerDownIs502() {
        keycloak.mailFails = true;

        assertThat(post("{\"userId\":\"anna\"}")).extracting(Outcome::status, Outcome::error)
                .containsExactly(502, "email_not_sent");
    }
}
