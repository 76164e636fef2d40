package nl.notaris.portal.keycloak.twofactor.authenticator;

import nl.notaris.portal.keycloak.signinevents.SignInEventDetails;
import nl.notaris.portal.keycloak.twofactor.TwoFactorAccount;
import nl.notaris.portal.keycloak.twofactor.credential.PortalRecoveryCodeCredentialProvider;
import nl.notaris.portal.keycloak.twofactor.credential.PortalRecoveryCodeCredentialProviderFactory;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.CredentialValidator;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Second step with the recovery code, an alternative beside the authenticator app and the passkey
 * for clients who lost them ("Probeer een andere manier"). Same check and page as "Herstelcode
 * gebruiken" of {@link PortalSmsCodeAuthenticator}.
 */
public class PortalRecoveryCodeAuthenticator implements Authenticator,
        CredentialValidator<PortalRecoveryCodeCredentialProvider> {

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(RecoveryCodeForm.page(context.form(), false));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        SignInEventDetails.addUserAgent(context.getEvent(), context.getHttpRequest());
        RecoveryCodeForm.verify(context, false);
    }

    @Override
    public PortalRecoveryCodeCredentialProvider getCredentialProvider(KeycloakSession session) {
        return (PortalRecoveryCodeCredentialProvider) session.getProvider(CredentialProvider.class,
                PortalRecoveryCodeCredentialProviderFactory.ID);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    /**
     * A recovery code stands in for a lost second factor; on its own (e.g. left over after the
     * authenticator app was removed in the account console) it does not make the second step
     * apply, or a client who no longer has any second factor would be asked for it at every sign-in.
     */
    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        TwoFactorAccount account = new TwoFactorAccount(user);
        return account.recoveryCode().isPresent() && account.hasSecondFactor();
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
