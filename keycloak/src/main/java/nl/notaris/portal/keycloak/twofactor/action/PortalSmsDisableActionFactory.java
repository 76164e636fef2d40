package nl.notaris.portal.keycloak.twofactor.action;

public class PortalSmsDisableActionFactory extends SingletonRequiredActionFactory {

    public static final String ID = "portal-sms-disable";

    public PortalSmsDisableActionFactory() {
        super(ID, "Portal – switch off SMS verification", new PortalSmsDisableAction());
    }
}
