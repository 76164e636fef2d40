package nl.notaris.portal.keycloak.twofactor.action;

public class PortalSmsSetupActionFactory extends SingletonRequiredActionFactory {

    public static final String ID = "portal-sms-setup";

    public PortalSmsSetupActionFactory() {
        super(ID, "Portal – set up SMS verification", new PortalSmsSetupAction());
    }
}
