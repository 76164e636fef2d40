package nl.notaris.portal.keycloak.twofactor.action;

public class PortalRecoveryCodeActionFactory extends SingletonRequiredActionFactory {

    public static final String ID = "portal-recovery-code";

    public PortalRecoveryCodeActionFactory() {
        super(ID, "Portal – new recovery code", new PortalRecoveryCodeAction());
    }
}
