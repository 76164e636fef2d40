package nl.notaris.portal.keycloak.setpassword;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.authentication.requiredactions.UpdatePassword;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * The required action of a new client's first password, which the set-password link (e-mail #2) starts
 * instead of Keycloak's {@code UPDATE_PASSWORD} when the account has no password yet. It is Keycloak's
 * update-password step (policy, storing, events) under an id of its own, and tells the page so: the form
 * attribute {@value #FIRST_PASSWORD_ATTRIBUTE} makes {@code login-update-password.ftl} the welcome
 * "Kies uw wachtwoord" without "Uitloggen op andere apparaten".
 *
 * <p>An id of its own, so that Keycloak's own {@code UPDATE_PASSWORD} stays as it is. A reset or change (forgotten
 * password, an account that has one) still runs Keycloak's own action and page.
 */
public class PortalFirstPassword extends UpdatePassword {

    public static final String ID = "portal-first-password";

    /** Form attribute read by login-update-password.ftl. */
    public static final String FIRST_PASSWORD_ATTRIBUTE = "portalFirstPassword";

    @Override
    public String getId() {
        return ID;
    }

    /** Keycloak's {@code create} answers a plain {@code UpdatePassword}, which would never tell the page. */
    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public String getDisplayText() {
        return "Choose the first password";
    }

    /** Only the set-password link starts it; an expired password is Keycloak's own action's business. */
    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        markFirstPassword(context);
        super.requiredActionChallenge(context);
    }

    @Override
    public void processAction(RequiredActionContext context) {
        // before Keycloak stores the new password: a refused one shows the page again, still as the first
        markFirstPassword(context);
        super.processAction(context);
    }

    /** Keycloak keeps one form provider per request, so the attribute is on the page its code renders next. */
    private static void markFirstPassword(RequiredActionContext context) {
        context.form().setAttribute(FIRST_PASSWORD_ATTRIBUTE, isFirstPassword(context.getUser()));
    }

    /** The account has no password credential yet. */
    public static boolean isFirstPassword(UserModel user) {
        return user != null && !user.credentialManager().isConfiguredFor(PasswordCredentialModel.TYPE);
    }
}
