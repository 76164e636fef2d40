package nl.notaris.portal.keycloak.signinevents;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordFormFactory;
import org.keycloak.models.KeycloakSession;

/** {@link PortalUsernamePasswordForm} under an id of its own, so that Keycloak's own form stays as it is. */
public class PortalUsernamePasswordFormFactory extends UsernamePasswordFormFactory {

    public static final String ID = "portal-username-password-form";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new PortalUsernamePasswordForm(session);
    }

    @Override
    public String getDisplayType() {
        return "Portal – Username Password Form";
    }

    @Override
    public String getHelpText() {
        return "Keycloak's username and password form; its sign-in events also name the browser.";
    }
}
