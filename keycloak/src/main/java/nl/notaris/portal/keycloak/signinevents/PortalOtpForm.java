package nl.notaris.portal.keycloak.signinevents;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.authenticators.browser.OTPFormAuthenticator;
import org.keycloak.models.credential.OTPCredentialModel;

/**
 * Keycloak's authenticator-app step, unchanged, except that a wrong code ({@code LOGIN_ERROR}) and the sign-in it
 * completes ({@code LOGIN}) are stored with the browser and {@code credential_type=otp}.
 */
public class PortalOtpForm extends OTPFormAuthenticator {

    @Override
    public void action(AuthenticationFlowContext context) {
        SignInEventDetails.addUserAgent(context.getEvent(), context.getHttpRequest());
        SignInEventDetails.addCredentialType(context.getEvent(), OTPCredentialModel.TYPE);
        super.action(context);
    }
}
