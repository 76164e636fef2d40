package nl.notaris.portal.keycloak.signinevents;

import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.authenticators.browser.OTPFormAuthenticatorFactory;
import org.keycloak.models.KeycloakSession;

/** {@link PortalOtpForm} under an id of its own, so that Keycloak's own OTP form stays as it is. */
public class PortalOtpFormFactory extends OTPFormAuthenticatorFactory {

    public static final String ID = "portal-otp-form";
    private static final PortalOtpForm FORM = new PortalOtpForm();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return FORM;
    }

    @Override
    public String getDisplayType() {
        return "Portal – OTP Form";
    }

    @Override
    public String getHelpText() {
        return "Keycloak's OTP form (authenticator app); its sign-in events also name the browser.";
    }
}
