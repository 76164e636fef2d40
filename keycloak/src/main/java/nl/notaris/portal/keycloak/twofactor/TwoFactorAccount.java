package nl.notaris.portal.keycloak.twofactor;

import java.security.SecureRandom;
import java.util.Optional;

import nl.notaris.portal.keycloak.twofactor.action.PortalRecoveryCodeActionFactory;
import nl.notaris.portal.keycloak.twofactor.credential.PortalRecoveryCodeCredentialModel;
import nl.notaris.portal.keycloak.twofactor.credential.PortalSmsCredentialModel;

import org.keycloak.credential.CredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.OTPCredentialModel;
import org.keycloak.models.credential.WebAuthnCredentialModel;

/** A user's second factors: SMS, authenticator app (otp), passkey (webauthn) and the recovery code. */
public final class TwoFactorAccount {

    /** Required action that shows a new recovery code (after the old one was used). */
    public static final String NEW_RECOVERY_CODE_ACTION = PortalRecoveryCodeActionFactory.ID;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserModel user;

    public TwoFactorAccount(UserModel user) {
        this.user = user;
    }

    public Optional<PortalSmsCredentialModel> sms() {
        return first(PortalSmsCredentialModel.TYPE).map(PortalSmsCredentialModel::from);
    }

    public Optional<PortalRecoveryCodeCredentialModel> recoveryCode() {
        return first(PortalRecoveryCodeCredentialModel.TYPE).map(PortalRecoveryCodeCredentialModel::from);
    }

    public boolean hasAuthenticatorAppOrPasskey() {
        return first(OTPCredentialModel.TYPE).isPresent() || first(WebAuthnCredentialModel.TYPE_TWOFACTOR).isPresent();
    }

    /** SMS, app or passkey; a recovery code alone is no second factor. */
    public boolean hasSecondFactor() {
        return sms().isPresent() || hasAuthenticatorAppOrPasskey();
    }

    /**
     * Turns SMS verification on for {@code e164Number}, or changes the number. A change keeps the
     * credential (and its place in the user's order of credentials).
     *
     * @return whether SMS verification was off before
     */
    public boolean setSmsNumber(String e164Number) {
        Optional<PortalSmsCredentialModel> current = sms();
        if (current.isPresent()) {
            PortalSmsCredentialModel credential = current.get();
            credential.setNumber(e164Number);
            user.credentialManager().updateStoredCredential(credential);
            return false;
        }
        user.credentialManager().createStoredCredential(PortalSmsCredentialModel.create(e164Number));
        return true;
    }

    public void removeSms() {
        removeAll(PortalSmsCredentialModel.TYPE);
    }

    /**
     * Replaces the recovery code by a new one and returns it, for showing once; only its hash is stored.
     */
    public String newRecoveryCode() {
        String code = RecoveryCodes.generate(RANDOM);
        removeAll(PortalRecoveryCodeCredentialModel.TYPE);
        user.credentialManager().createStoredCredential(
                PortalRecoveryCodeCredentialModel.create(RecoveryCodes.hash(code, RANDOM)));
        return code;
    }

    public void removeRecoveryCode() {
        removeAll(PortalRecoveryCodeCredentialModel.TYPE);
    }

    /**
     * Signs in with the recovery code: when {@code typed} is the code, it stops working and the user
     * is asked for a new one ({@value #NEW_RECOVERY_CODE_ACTION}).
     */
    public boolean useRecoveryCode(String typed) {
        Optional<PortalRecoveryCodeCredentialModel> stored = recoveryCode();
        if (stored.isEmpty() || !stored.get().matches(typed)) {
            return false;
        }
        user.credentialManager().removeStoredCredentialById(stored.get().getId());
        user.addRequiredAction(NEW_RECOVERY_CODE_ACTION);
        return true;
    }

    private Optional<CredentialModel> first(String type) {
        return user.credentialManager().getStoredCredentialsByTypeStream(type).findFirst();
    }

    private void removeAll(String type) {
        user.credentialManager().getStoredCredentialsByTypeStream(type).map(CredentialModel::getId).toList()
                .forEach(id -> user.credentialManager().removeStoredCredentialById(id));
    }
}
