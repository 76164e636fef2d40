package nl.notaris.portal.keycloak.twofactor.action;

import java.util.HashMap;
import java.util.Map;

import jakarta.ws.rs.core.Response;

import nl.notaris.portal.keycloak.twofactor.RecoveryCodes;
import nl.notaris.portal.keycloak.twofactor.TwoFactorAccount;
import nl.notaris.portal.keycloak.twofactor.credential.PortalRecoveryCodeCredentialModel;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;

/**
 * The page {@value #TEMPLATE}: a new recovery code, shown once. The code is made and stored (as a
 * hash, replacing the old one) when the page is rendered and exists nowhere else: a reload shows, and
 * stores, a fresh one. The page's only button ({@value #SAVED}) ends the action.
 */
final class RecoveryCodePage {

    static final String TEMPLATE = "portal-recovery-code-show.ftl";
    static final String ATTRIBUTE = "portalRecoveryCode";
    static final String SAVED = "saved";

    private RecoveryCodePage() {
    }

    /** @param introKey why the client sees a new code (message key); {@code null} for a first one */
    static Response show(RequiredActionContext context, String introKey) {
        UserModel user = context.getUser();
        String code = new TwoFactorAccount(user).newRecoveryCode();
        context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, PortalRecoveryCodeCredentialModel.TYPE).success();
        Map<String, Object> model = new HashMap<>();
        model.put("code", code);
        model.put("spokenCode", RecoveryCodes.spoken(code));
        model.put("account", user.getEmail() != null ? user.getEmail() : user.getUsername());
        if (introKey != null) {
            model.put("introKey", introKey);
        }
        return context.form().setAttribute(ATTRIBUTE, model).createForm(TEMPLATE);
    }
}
