package nl.notaris.portal.keycloak.twofactor.authenticator;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;

import nl.notaris.portal.keycloak.signinevents.SignInEventDetails;
import nl.notaris.portal.keycloak.twofactor.SmsCodeMessenger;
import nl.notaris.portal.keycloak.twofactor.SmsCodePage;
import nl.notaris.portal.keycloak.twofactor.SmsCodeReply;
import nl.notaris.portal.keycloak.twofactor.TwoFactorAccount;
import nl.notaris.portal.keycloak.twofactor.TwoFactorMessages;
import nl.notaris.portal.keycloak.twofactor.action.PortalSmsSetupActionFactory;
import nl.notaris.portal.keycloak.twofactor.credential.PortalSmsCredentialModel;
import nl.notaris.portal.keycloak.twofactor.credential.PortalSmsCredentialProvider;
import nl.notaris.portal.keycloak.twofactor.credential.PortalSmsCredentialProviderFactory;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.CredentialValidator;
import org.keycloak.authentication.authenticators.util.AuthenticatorUtils;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Second step of the sign-in: a code by text message to the user's {@code portal-sms} number.
 *
 * <p>Opening the step sends a code unless this sign-in already has one that can be typed (a reload
 * sends nothing). "Code opnieuw versturen" sends a new one within the limits of {@code SmsSendLimit};
 * "Herstelcode gebruiken" switches to the recovery-code form inside this step (note
 * {@value #MODE_NOTE}). Wrong codes count for Keycloak's brute-force protection.
 */
public class PortalSmsCodeAuthenticator implements Authenticator, CredentialValidator<PortalSmsCredentialProvider> {

    static final String MODE_NOTE = "portal.sms.sign-in.mode";
    static final String RECOVERY_MODE = "recovery-code";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (RECOVERY_MODE.equals(context.getAuthenticationSession().getAuthNote(MODE_NOTE))) {
            context.challenge(RecoveryCodeForm.page(context.form(), true));
            return;
        }
        Optional<String> number = number(context.getUser());
        if (number.isEmpty()) {
            context.attempted();
            return;
        }
        SmsCodeMessenger messenger = messenger(context);
        LoginFormsProvider form = context.form();
        if (!messenger.hasUsableCode()) {
            messenger.send(number.get()).explainOn(form);
        }
        context.challenge(page(context, number.get()).render(form));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        // the code's POST is a request of its own: its LOGIN or LOGIN_ERROR names the browser only if added here
        SignInEventDetails.addUserAgent(context.getEvent(), context.getHttpRequest());
        MultivaluedMap<String, String> params = context.getHttpRequest().getDecodedFormParameters();
        if (RECOVERY_MODE.equals(context.getAuthenticationSession().getAuthNote(MODE_NOTE))) {
            if (params.containsKey(RecoveryCodeForm.USE_SMS)) {
                context.getAuthenticationSession().removeAuthNote(MODE_NOTE);
                authenticate(context);
            } else {
                RecoveryCodeForm.verify(context, true);
            }
            return;
        }
        if (params.containsKey(SmsCodePage.USE_RECOVERY_CODE)) {
            context.getAuthenticationSession().setAuthNote(MODE_NOTE, RECOVERY_MODE);
            context.challenge(RecoveryCodeForm.page(context.form(), true));
            return;
        }
        Optional<String> number = number(context.getUser());
        if (number.isEmpty()) {
            context.attempted();
            return;
        }
        SmsCodeMessenger messenger = messenger(context);
        if (params.containsKey(SmsCodePage.RESEND)) {
            SmsCodeReply reply = SmsCodeReply.resend(messenger, number.get(), context::form);
            // the page after the sending: it says whether this sign-in has a code
            context.challenge(page(context, number.get()).render(reply.form()));
            return;
        }
        verify(context, messenger, number.get(), params.getFirst(SmsCodePage.CODE));
    }

    private void verify(AuthenticationFlowContext context, SmsCodeMessenger messenger, String number, String typed) {
        UserModel user = context.getUser();
        context.getEvent().detail(Details.CREDENTIAL_TYPE, PortalSmsCredentialModel.TYPE).user(user);
        String bruteForceError = AuthenticatorUtils.getDisabledByBruteForceEventError(context, user);
        if (bruteForceError != null) {
            context.getEvent().error(bruteForceError);
            context.challenge(page(context, number).render(context.form().setError(TwoFactorMessages.TOO_MANY_FAILURES)));
            return;
        }
        SmsCodeReply reply = SmsCodeReply.check(messenger, typed, context::form);
        if (reply.accepted()) {
            context.success();
            return;
        }
        if (reply.wrongTry()) {
            context.getEvent().error(Errors.INVALID_USER_CREDENTIALS);
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS, page(context, number).render(reply.form()));
        } else {
            context.challenge(page(context, number).render(reply.form()));
        }
    }

    private static SmsCodePage page(AuthenticationFlowContext context, String number) {
        return SmsCodePage.signIn(number, new TwoFactorAccount(context.getUser()).recoveryCode().isPresent())
                .sent(messenger(context).current().isPresent());
    }

    private static SmsCodeMessenger messenger(AuthenticationFlowContext context) {
        return new SmsCodeMessenger(context.getSession(), context.getAuthenticationSession(), context.getUser(),
                SmsCodeMessenger.Purpose.SIGN_IN);
    }

    private static Optional<String> number(UserModel user) {
        return new TwoFactorAccount(user).sms().map(PortalSmsCredentialModel::getPhoneNumber);
    }

    @Override
    public PortalSmsCredentialProvider getCredentialProvider(KeycloakSession session) {
        return (PortalSmsCredentialProvider) session.getProvider(CredentialProvider.class,
                PortalSmsCredentialProviderFactory.ID);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return new TwoFactorAccount(user).sms().isPresent();
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
        if (session.getContext().getAuthenticationSession() != null) {
            session.getContext().getAuthenticationSession().addRequiredAction(PortalSmsSetupActionFactory.ID);
        }
    }

    @Override
    public void close() {
    }
}
