package nl.notaris.portal.keycloak.twofactor.action;

import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import nl.notaris.portal.keycloak.twofactor.SmsCodeMessenger;
import nl.notaris.portal.keycloak.twofactor.SmsCodePage;
import nl.notaris.portal.keycloak.twofactor.SmsCodeReply;
import nl.notaris.portal.keycloak.twofactor.TwoFactorAccount;
import nl.notaris.portal.keycloak.twofactor.TwoFactorMessages;
import nl.notaris.portal.keycloak.twofactor.TwoFactorPolicy;
import nl.notaris.portal.keycloak.twofactor.credential.PortalRecoveryCodeCredentialModel;
import nl.notaris.portal.keycloak.twofactor.credential.PortalSmsCredentialModel;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;

/**
 * Required action {@value PortalSmsDisableActionFactory#ID} (started by the portal with
 * {@code kc_action}): switches SMS verification off after a fresh code to the current number. The
 * recovery code goes too when no authenticator app or passkey remains. Refused while the office
 * requires two-step verification and SMS is the client's only second factor.
 */
public class PortalSmsDisableAction implements RequiredActionProvider {

    static final String INFO_TEMPLATE = "portal-sms-disable.ftl";
    static final String INFO_ATTRIBUTE = "portalSmsDisable";
    static final String BACK = "back";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        TwoFactorAccount account = new TwoFactorAccount(context.getUser());
        Optional<String> number = account.sms().map(PortalSmsCredentialModel::getPhoneNumber);
        Response refusal = refusal(context, account);
        if (refusal != null) {
            context.challenge(refusal);
            return;
        }
        SmsCodeMessenger messenger = messenger(context);
        LoginFormsProvider form = context.form();
        if (!messenger.hasUsableCode() || !number.get().equals(messenger.current().get().number())) {
            messenger.send(number.get()).explainOn(form);
        }
        context.challenge(SmsCodePage.disable(number.get()).sent(messenger.current().isPresent()).render(form));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        MultivaluedMap<String, String> params = context.getHttpRequest().getDecodedFormParameters();
        TwoFactorAccount account = new TwoFactorAccount(context.getUser());
        if (params.containsKey(BACK)) {
            AppInitiated.endWithoutChange(context, PortalSmsDisableActionFactory.ID);
            return;
        }
        Response refusal = refusal(context, account);
        if (refusal != null) {
            context.challenge(refusal);
            return;
        }
        String number = account.sms().get().getPhoneNumber();
        SmsCodeReply reply = SmsCodeReply.to(params, messenger(context), number, context::form);
        if (!reply.accepted()) {
            context.challenge(SmsCodePage.disable(number).render(reply.form()));
            return;
        }
        account.removeSms();
        removed(context, PortalSmsCredentialModel.TYPE);
        if (!account.hasAuthenticatorAppOrPasskey() && account.recoveryCode().isPresent()) {
            account.removeRecoveryCode();
            removed(context, PortalRecoveryCodeCredentialModel.TYPE);
        }
        context.success();
    }

    /** The page that says why SMS cannot be switched off, or {@code null} when it can. */
    private static Response refusal(RequiredActionContext context, TwoFactorAccount account) {
        String reason = null;
        if (account.sms().isEmpty()) {
            reason = TwoFactorMessages.DISABLE_NOT_ON;
        } else if (TwoFactorPolicy.required(context.getRealm(), context.getUser()) && !account.hasAuthenticatorAppOrPasskey()) {
            reason = TwoFactorMessages.DISABLE_REFUSED;
        }
        if (reason == null) {
            return null;
        }
        return context.form().setAttribute(INFO_ATTRIBUTE, Map.of("reasonKey", reason)).createForm(INFO_TEMPLATE);
    }

    private static void removed(RequiredActionContext context, String credentialType) {
        context.getEvent().clone().event(EventType.REMOVE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, credentialType).success();
    }

    private static SmsCodeMessenger messenger(RequiredActionContext context) {
        return new SmsCodeMessenger(context.getSession(), context.getAuthenticationSession(), context.getUser(),
                SmsCodeMessenger.Purpose.DISABLE);
    }

    @Override
    public void close() {
    }
}
