package nl.notaris.portal.keycloak.twofactor.action;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.models.Constants;

/** Whether a required action runs because the portal asked for it ({@code kc_action}) rather than at sign-in. */
final class AppInitiated {

    private AppInitiated() {
    }

    static boolean is(RequiredActionContext context, String actionId) {
        return actionId.equals(context.getAuthenticationSession().getClientNote(Constants.KC_ACTION_EXECUTING));
    }

    /** Ends the action without a change: "cancelled" for the portal, simply done at sign-in. */
    static void endWithoutChange(RequiredActionContext context, String actionId) {
        if (is(context, actionId)) {
            context.cancel();
        } else {
            context.success();
        }
    }
}
