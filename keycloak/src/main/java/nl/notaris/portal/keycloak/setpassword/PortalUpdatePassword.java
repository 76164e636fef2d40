package nl.notaris.portal.keycloak.setpassword;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.requiredactions.UpdatePassword;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * Keycloak's own {@code UPDATE_PASSWORD} required action (same provider id, higher {@link #order()}, so it
 * replaces Keycloak's), which also tells the page whether the account chooses its <em>first</em> password:
 * the form attribute {@value #FIRST_PASSWORD_ATTRIBUTE} that {@code login-update-password.ftl} turns into
 * the welcome "Kies uw wachtwoord" without "Uitloggen op andere apparaten".
 *
 * <p>First means the account has no password credential yet. That holds for the invitation's link, and also
 * for a client who lost e-mail #2 and uses "Wachtwoord vergeten" before ever having had a password; it does
 * not hold for a reset or a change, whichever link or page started it. Everything else (policy, storing,
 * events, signing out other sessions when asked) stays Keycloak's.
 */
public class PortalUpdatePassword extends UpdatePassword {

    /** Form attribute read by login-update-password.ftl. */
    public static final String FIRST_PASSWORD_ATTRIBUTE = "portalFirstPassword";

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

    /** Wins over Keycloak's own factory with the same id (order 0). */
    @Override
    public int order() {
        return 1;
    }

    /**
     * Keycloak keeps one form provider per request ({@code context.form()} returns it each time), so the
     * attribute set here is on the page Keycloak's code renders next, a refused password's included.
     */
    private static void markFirstPassword(RequiredActionContext context) {
        context.form().setAttribute(FIRST_PASSWORD_ATTRIBUTE, isFirstPassword(context.getUser()));
    }

    static boolean isFirstPassword(UserModel user) {
        return user != null && !user.credentialManager().isConfiguredFor(PasswordCredentialModel.TYPE);
    }
}
