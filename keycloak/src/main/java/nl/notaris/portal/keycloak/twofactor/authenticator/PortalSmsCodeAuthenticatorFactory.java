package nl.notaris.portal.keycloak.twofactor.authenticator;

import org.keycloak.models.AuthenticationExecutionModel.Requirement;

import nl.notaris.portal.keycloak.twofactor.credential.PortalSmsCredentialModel;

public class PortalSmsCodeAuthenticatorFactory extends SingletonAuthenticatorFactory {

    public static final String ID = "portal-sms-code";

    public PortalSmsCodeAuthenticatorFactory() {
        super(ID, "Portal – SMS code", PortalSmsCredentialModel.TYPE,
                "Sends a 6-digit code by text message to the user's portal-sms number; offers the recovery code.",
                new PortalSmsCodeAuthenticator());
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return true;
    }
}
