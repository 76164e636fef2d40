package nl.notaris.portal.keycloak.twofactor.action;

import nl.notaris.portal.keycloak.twofactor.TwoFactorAccount;
import nl.notaris.portal.keycloak.twofactor.TwoFactorMessages;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;

/**
 * Required action {@value PortalRecoveryCodeActionFactory#ID}: makes, stores and shows a new recovery
 * code once. Added by Keycloak after a sign-in with the recovery code (which used it up); the portal
 * can also start it ({@code kc_action}) to replace a code, which stops the old one at once.
 */
public class PortalRecoveryCodeAction implements RequiredActionProvider {

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        String intro;
        if (new TwoFactorAccount(context.getUser()).recoveryCode().isPresent()) {
            intro = TwoFactorMessages.RECOVERY_CODE_REPLACES;
        } else if (AppInitiated.is(context, PortalRecoveryCodeActionFactory.ID)) {
            intro = null;
        } else {
            // At sign-in without a code: the client has just used it.
            intro = TwoFactorMessages.RECOVERY_CODE_AFTER_USE;
        }
        context.challenge(RecoveryCodePage.show(context, intro));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        context.success();
    }

    @Override
    public void close() {
    }
}
