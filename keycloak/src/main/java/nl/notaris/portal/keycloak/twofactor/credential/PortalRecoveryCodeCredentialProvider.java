package nl.notaris.portal.keycloak.twofactor.credential;

import nl.notaris.portal.keycloak.twofactor.action.PortalRecoveryCodeActionFactory;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Makes {@value PortalRecoveryCodeCredentialModel#TYPE} known to Keycloak. A new code replaces the
 * old one with the required action {@code portal-recovery-code}; it is removed together with the last
 * second factor, never on its own through Keycloak's delete-credential action.
 */
public class PortalRecoveryCodeCredentialProvider implements CredentialProvider<PortalRecoveryCodeCredentialModel> {

    private final KeycloakSession session;

    public PortalRecoveryCodeCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return PortalRecoveryCodeCredentialModel.TYPE;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, PortalRecoveryCodeCredentialModel credential) {
        return user.credentialManager().createStoredCredential(credential);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public PortalRecoveryCodeCredentialModel getCredentialFromModel(CredentialModel model) {
        return PortalRecoveryCodeCredentialModel.from(model);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
        // Keycloak takes one of the two: "set up" while the user has none, "update" (replace) once there is one.
        boolean hasOne = context.getUser() != null
                && context.getUser().credentialManager().getStoredCredentialsByTypeStream(PortalRecoveryCodeCredentialModel.TYPE).findAny().isPresent();
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName("portal-recovery-code-display-name")
                .helpText("portal-recovery-code-help-text")
                .iconCssClass("kcAuthenticatorPortalRecoveryCodeClass")
                .createAction(hasOne ? null : PortalRecoveryCodeActionFactory.ID)
                .updateAction(hasOne ? PortalRecoveryCodeActionFactory.ID : null)
                .removeable(false)
                .build(session);
    }
}
