package nl.notaris.portal.keycloak.signinevents;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Keycloak's e-mail address and password form, unchanged, except that a wrong password ({@code LOGIN_ERROR}) and a
 * sign-in it completes ({@code LOGIN}) are stored with the browser and {@code credential_type=password}: the form's
 * POST is a request of its own, and Keycloak records the outcome inside {@link #action}.
 */
public class PortalUsernamePasswordForm extends UsernamePasswordForm {

    public PortalUsernamePasswordForm(KeycloakSession session) {
        super(session);
    }

    /** Without passkeys on the page: for tests, as Keycloak's passkey code needs libraries only the server has. */
    PortalUsernamePasswordForm() {
        super();
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        SignInEventDetails.addUserAgent(context.getEvent(), context.getHttpRequest());
        // a passkey offered on the same page posts no password
        if (context.getHttpRequest().getDecodedFormParameters().containsKey(PasswordCredentialModel.TYPE)) {
            SignInEventDetails.addCredentialType(context.getEvent(), PasswordCredentialModel.TYPE);
        }
        super.action(context);
    }
}
