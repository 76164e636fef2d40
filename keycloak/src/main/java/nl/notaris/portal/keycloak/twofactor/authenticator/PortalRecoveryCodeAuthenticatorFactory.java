package nl.notaris.portal.keycloak.twofactor.authenticator;

import org.keycloak.models.AuthenticationExecutionModel.Requirement;

import nl.notaris.portal.keycloak.twofactor.credential.PortalRecoveryCodeCredentialModel;

public class PortalRecoveryCodeAuthenticatorFactory extends SingletonAuthenticatorFactory {

    public static final String ID = "portal-recovery-code";

    public PortalRecoveryCodeAuthenticatorFactory() {
        super(ID, "Portal – recovery code", PortalRecoveryCodeCredentialModel.TYPE,
                "Signs in with the user's portal recovery code, which then stops working; a new one is shown.",
                new PortalRecoveryCodeAuthenticator());
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return new Requirement[] {Requirement.ALTERNATIVE, Requirement.DISABLED};
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }
}
