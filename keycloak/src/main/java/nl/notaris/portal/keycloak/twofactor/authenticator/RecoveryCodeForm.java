package nl.notaris.portal.keycloak.twofactor.authenticator;

import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import nl.notaris.portal.keycloak.twofactor.TwoFactorAccount;
import nl.notaris.portal.keycloak.twofactor.TwoFactorMessages;
import nl.notaris.portal.keycloak.twofactor.credential.PortalRecoveryCodeCredentialModel;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

/**
 * The page {@value #TEMPLATE} and its check, used by both authenticators: a right recovery code signs
 * the user in, stops working and makes Keycloak show a new one ({@code portal-recovery-code}). A wrong
 * one counts as a failed sign-in for Keycloak's brute-force protection.
 */
final class RecoveryCodeForm {

    static final String TEMPLATE = "portal-recovery-code-form.ftl";
    static final String ATTRIBUTE = "portalRecovery";
    static final String FIELD = "recoveryCode";
    static final String SUBMIT = "login";
    /** Back to the SMS code (only inside {@code portal-sms-code}). */
    static final String USE_SMS = "use-sms";

    private RecoveryCodeForm() {
    }

    static Response page(LoginFormsProvider form, boolean smsOffered) {
        return form.setAttribute(ATTRIBUTE, Map.of("smsOffered", smsOffered)).createForm(TEMPLATE);
    }

    /** Handles a posted recovery code; ends in {@code success()} or a challenge with the reason. */
    static void verify(AuthenticationFlowContext context, boolean smsOffered) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String typed = form.getFirst(FIELD);
        UserModel user = context.getUser();
        context.getEvent().detail(Details.CREDENTIAL_TYPE, PortalRecoveryCodeCredentialModel.TYPE).user(user);

        if (typed == null || typed.isBlank()) {
            context.challenge(page(context.form().addError(
                    new FormMessage(FIELD, TwoFactorMessages.RECOVERY_CODE_MISSING)), smsOffered));
            return;
        }
        String bruteForceError = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
        if (bruteForceError != null) {
            context.getEvent().error(bruteForceError);
            context.challenge(page(context.form().setError(TwoFactorMessages.TOO_MANY_FAILURES), smsOffered));
            return;
        }
        if (new TwoFactorAccount(user).useRecoveryCode(typed)) {
            context.success();
            return;
        }
        context.getEvent().error(Errors.INVALID_USER_CREDENTIALS);
        context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page(
                context.form().addError(new FormMessage(FIELD, TwoFactorMessages.RECOVERY_CODE_WRONG)), smsOffered));
    }
}
