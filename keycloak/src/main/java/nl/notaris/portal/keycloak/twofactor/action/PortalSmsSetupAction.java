package nl.notaris.portal.keycloak.twofactor.action;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import nl.notaris.portal.keycloak.twofactor.SmsCodeChallenge;
import nl.notaris.portal.keycloak.twofactor.SmsCodeMessenger;
import nl.notaris.portal.keycloak.twofactor.SmsCodePage;
import nl.notaris.portal.keycloak.twofactor.SmsCodeReply;
import nl.notaris.portal.keycloak.twofactor.TwoFactorAccount;
import nl.notaris.portal.keycloak.twofactor.TwoFactorMessages;
import nl.notaris.portal.keycloak.twofactor.TwoFactorPolicy;
import nl.notaris.portal.keycloak.twofactor.credential.PortalSmsCredentialModel;
import nl.notaris.portal.phonenumbers.PhoneNumbers;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Required action {@value PortalSmsSetupActionFactory#ID}: turns SMS verification on, or changes the
 * number. Steps (note {@value #STEP_NOTE}): the number ({@value #NUMBER_TEMPLATE}), the code sent to
 * it ({@code portal-sms-code.ftl}, same limits as at sign-in), then, on a first setup or when the user
 * has no recovery code, the recovery code ({@code portal-recovery-code-show.ftl}).
 *
 * <p>Also the rule of {@link TwoFactorPolicy} (every staff member; every client when the office
 * requires it): a user without SMS, authenticator app or passkey gets this action at sign-in. Its page then offers
 * "Gebruik een authenticator-app" instead, which hands over to Keycloak's {@code CONFIGURE_TOTP}.
 */
public class PortalSmsSetupAction implements RequiredActionProvider {

    static final String NUMBER_TEMPLATE = "portal-sms-setup.ftl";
    static final String NUMBER_ATTRIBUTE = "portalSmsSetup";
    static final String PHONE = "phone";
    static final String SEND = "send";
    static final String USE_APP = "use-app";

    static final String STEP_NOTE = "portal.sms-setup.step";
    static final String STEP_CODE = "code";
    static final String STEP_RECOVERY_CODE = "recovery-code";
    /** Set when the client chose an authenticator app instead: the rule no longer asks for SMS in this sign-in. */
    static final String OTHER_WAY_NOTE = "portal.two-factor.other-way";
    static final String CONFIGURE_TOTP = UserModel.RequiredAction.CONFIGURE_TOTP.name();

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (TwoFactorPolicy.required(context.getRealm(), context.getUser())
                && authSession.getAuthNote(OTHER_WAY_NOTE) == null
                && !settingUpAnotherFactor(context)
                && !new TwoFactorAccount(context.getUser()).hasSecondFactor()) {
            authSession.addRequiredAction(PortalSmsSetupActionFactory.ID);
        }
    }

    private static boolean settingUpAnotherFactor(RequiredActionContext context) {
        return context.getAuthenticationSession().getRequiredActions().contains(CONFIGURE_TOTP)
                || context.getUser().getRequiredActionsStream()
                        .anyMatch(a -> CONFIGURE_TOTP.equals(a) || "webauthn-register".equals(a));
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        String step = context.getAuthenticationSession().getAuthNote(STEP_NOTE);
        SmsCodeMessenger messenger = messenger(context);
        Optional<SmsCodeChallenge> sent = messenger.current();
        if (STEP_RECOVERY_CODE.equals(step)) {
            context.challenge(RecoveryCodePage.show(context, null));
        } else if (STEP_CODE.equals(step) && sent.isPresent()) {
            context.challenge(SmsCodePage.setup(sent.get().number()).render(context.form()));
        } else {
            context.getAuthenticationSession().removeAuthNote(STEP_NOTE);
            context.challenge(numberPage(context, context.form(), null));
        }
    }

    @Override
    public void processAction(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        MultivaluedMap<String, String> params = context.getHttpRequest().getDecodedFormParameters();
        String step = authSession.getAuthNote(STEP_NOTE);

        if (STEP_RECOVERY_CODE.equals(step)) {
            authSession.removeAuthNote(STEP_NOTE);
            context.success();
        } else if (params.containsKey(USE_APP) && !AppInitiated.is(context, PortalSmsSetupActionFactory.ID)) {
            useAuthenticatorApp(context);
        } else if (params.containsKey(PHONE)) {
            numberStep(context, params.getFirst(PHONE));
        } else if (STEP_CODE.equals(step) && params.containsKey(SmsCodePage.OTHER_NUMBER)) {
            authSession.removeAuthNote(STEP_NOTE);
            messenger(context).clear();
            context.challenge(numberPage(context, context.form(), null));
        } else if (STEP_CODE.equals(step)) {
            codeStep(context, params);
        } else {
            numberStep(context, null);
        }
    }

    private void numberStep(RequiredActionContext context, String typed) {
        if (typed == null || typed.isBlank()) {
            context.challenge(numberPage(context,
                    context.form().addError(new FormMessage(PHONE, TwoFactorMessages.PHONE_MISSING)), typed));
            return;
        }
        Optional<String> number = PhoneNumbers.normaliseMobile(typed);
        if (number.isEmpty()) {
            context.challenge(numberPage(context,
                    context.form().addError(new FormMessage(PHONE, TwoFactorMessages.PHONE_INVALID)), typed));
            return;
        }
        SmsCodeMessenger.SendResult result = messenger(context).send(number.get());
        if (!result.sent()) {
            context.challenge(numberPage(context, result.explainOn(context.form()), typed));
            return;
        }
        context.getAuthenticationSession().setAuthNote(STEP_NOTE, STEP_CODE);
        context.challenge(SmsCodePage.setup(number.get()).render(context.form()));
    }

    private void codeStep(RequiredActionContext context, MultivaluedMap<String, String> params) {
        SmsCodeMessenger messenger = messenger(context);
        Optional<SmsCodeChallenge> sent = messenger.current();
        if (sent.isEmpty()) {
            context.getAuthenticationSession().removeAuthNote(STEP_NOTE);
            context.challenge(numberPage(context, context.form().setError(TwoFactorMessages.CODE_NONE), null));
            return;
        }
        String number = sent.get().number();
        SmsCodeReply reply = SmsCodeReply.to(params, messenger, number, context::form);
        if (!reply.accepted()) {
            context.challenge(SmsCodePage.setup(number).render(reply.form()));
            return;
        }
        TwoFactorAccount account = new TwoFactorAccount(context.getUser());
        boolean firstSetup = account.setSmsNumber(number);
        context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL)
                .detail(Details.CREDENTIAL_TYPE, PortalSmsCredentialModel.TYPE).success();
        if (firstSetup || account.recoveryCode().isEmpty()) {
            context.getAuthenticationSession().setAuthNote(STEP_NOTE, STEP_RECOVERY_CODE);
            context.challenge(RecoveryCodePage.show(context, null));
        } else {
            context.getAuthenticationSession().removeAuthNote(STEP_NOTE);
            context.success();
        }
    }

    /** The client prefers an authenticator app: Keycloak's CONFIGURE_TOTP comes next. */
    private void useAuthenticatorApp(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.removeAuthNote(STEP_NOTE);
        messenger(context).clear();
        authSession.setAuthNote(OTHER_WAY_NOTE, "app");
        authSession.addRequiredAction(CONFIGURE_TOTP);
        context.success();
    }

    private static Response numberPage(RequiredActionContext context, LoginFormsProvider form, String typed) {
        Optional<PortalSmsCredentialModel> current = new TwoFactorAccount(context.getUser()).sms();
        boolean appInitiated = AppInitiated.is(context, PortalSmsSetupActionFactory.ID);
        Map<String, Object> model = new HashMap<>();
        model.put("change", current.isPresent());
        model.put("currentNumber", current.map(c -> PhoneNumbers.masked(c.getPhoneNumber())).orElse(""));
        model.put("requiredByOffice", TwoFactorPolicy.required(context.getRealm(), context.getUser()) && !appInitiated);
        model.put("appOffered", !appInitiated && current.isEmpty());
        model.put("phone", typed == null ? "" : typed);
        return form.setAttribute(NUMBER_ATTRIBUTE, model).createForm(NUMBER_TEMPLATE);
    }

    private static SmsCodeMessenger messenger(RequiredActionContext context) {
        return new SmsCodeMessenger(context.getSession(), context.getAuthenticationSession(), context.getUser(),
                SmsCodeMessenger.Purpose.SETUP);
    }

    @Override
    public void close() {
    }
}
