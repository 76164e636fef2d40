package nl.notaris.portal.keycloak.setpassword;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.SubjectCredentialManager;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

/** The page learns whether the account chooses its first password, from the account's credentials alone. */
class PortalFirstPasswordTest {

    /** The parts of a required action's context that the challenge touches; one form for the whole request. */
    static final class Challenge {
        final Map<String, Object> attributes = new HashMap<>();
        final List<String> configuredTypes = new ArrayList<>();
        final List<String> calls = new ArrayList<>();
        final RequiredActionContext context;

        Challenge() {
            SubjectCredentialManager credentials = proxy(SubjectCredentialManager.class, (method, args) ->
                    "isConfiguredFor".equals(method) ? configuredTypes.contains(args[0]) : unsupported(method));
            UserModel user = proxy(UserModel.class, (method, args) -> switch (method) {
                case "credentialManager" -> credentials;
                case "getUsername" -> "noor@example.com";
                default -> unsupported(method);
            });
            AuthenticationSessionModel authSession = proxy(AuthenticationSessionModel.class, (method, args) ->
                    "getAuthenticatedUser".equals(method) ? user : unsupported(method));
            LoginFormsProvider[] form = new LoginFormsProvider[1];
            form[0] = proxy(LoginFormsProvider.class, (method, args) -> {
                calls.add(method);
                return switch (method) {
                    case "setAttribute" -> {
                        attributes.put((String) args[0], args[1]);
                        yield form[0];
                    }
                    case "createResponse" -> null;
                    default -> unsupported(method);
                };
            });
            context = proxy(RequiredActionContext.class, (method, args) -> switch (method) {
                case "form" -> form[0];
                case "getUser" -> user;
                case "getAuthenticationSession" -> authSession;
                case "challenge" -> null;
                default -> unsupported(method);
            });
        }

        Challenge withPassword() {
            configuredTypes.add("password");
            return this;
        }
    }

    interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(PortalFirstPasswordTest.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> answer.answer(method.getName(), args));
    }

    static Object unsupported(String method) {
        throw new UnsupportedOperationException(method);
    }

    @Test
    void keycloakRunsThisActionNotAPlainUpdatePassword() {
        PortalFirstPassword factory = new PortalFirstPassword();

        assertThat(factory.create(null)).isInstanceOf(PortalFirstPassword.class);
    }

    @Test
    void anAccountWithoutAPasswordChoosesItsFirst() {
        Challenge challenge = new Challenge();

        new PortalFirstPassword().requiredActionChallenge(challenge.context);

        assertThat(challenge.attributes).containsEntry("portalFirstPassword", true)
                .containsEntry("username", "noor@example.com");
        assertThat(challenge.calls).as("the attribute is on the form before Keycloak renders it")
                .containsSubsequence("setAttribute", "createResponse");
    }

    @Test
    void anAccountWithAPasswordChangesIt() {
        Challenge challenge = new Challenge().withPassword();

        new PortalFirstPassword().requiredActionChallenge(challenge.context);

        assertThat(challenge.attributes).containsEntry("portalFirstPassword", false);
    }

    @Test
    void otherCredentialsDoNotCountAsAPassword() {
        Challenge challenge = new Challenge();
        challenge.configuredTypes.add("portal-sms");
        challenge.configuredTypes.add("otp");

        new PortalFirstPassword().requiredActionChallenge(challenge.context);

        assertThat(challenge.attributes).containsEntry("portalFirstPassword", true);
    }
}
