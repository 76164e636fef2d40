package nl.notaris.portal.keycloak.twofactor.credential;

import nl.notaris.portal.keycloak.twofactor.action.PortalSmsSetupActionFactory;

import org.keycloak.credential.CredentialModel;
import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialTypeMetadata;
import org.keycloak.credential.CredentialTypeMetadataContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Makes {@value PortalSmsCredentialModel#TYPE} known to Keycloak ("Condition – user configured",
 * account console, "try another way"). Set up and changed with the required action
 * {@code portal-sms-setup}; not removable through Keycloak's delete-credential action: switching it
 * off needs a fresh code ({@code portal-sms-disable}).
 */
public class PortalSmsCredentialProvider implements CredentialProvider<PortalSmsCredentialModel> {

    private final KeycloakSession session;

    public PortalSmsCredentialProvider(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public String getType() {
        return PortalSmsCredentialModel.TYPE;
    }

    @Override
    public CredentialModel createCredential(RealmModel realm, UserModel user, PortalSmsCredentialModel credential) {
        return user.credentialManager().createStoredCredential(credential);
    }

    @Override
    public boolean deleteCredential(RealmModel realm, UserModel user, String credentialId) {
        return user.credentialManager().removeStoredCredentialById(credentialId);
    }

    @Override
    public PortalSmsCredentialModel getCredentialFromModel(CredentialModel model) {
        return PortalSmsCredentialModel.from(model);
    }

    @Override
    public CredentialTypeMetadata getCredentialTypeMetadata(CredentialTypeMetadataContext context) {
        // Keycloak takes one of the two: "set up" while the user has none, "update" (replace) once there is one.
        boolean hasOne = context.getUser() != null
                && context.getUser().credentialManager().getStoredCredentialsByTypeStream(PortalSmsCredentialModel.TYPE).findAny().isPresent();
        return CredentialTypeMetadata.builder()
                .type(getType())
                .category(CredentialTypeMetadata.Category.TWO_FACTOR)
                .displayName("portal-sms-display-name")
                .helpText("portal-sms-help-text")
                .iconCssClass("kcAuthenticatorPortalSmsClass")
                .createAction(hasOne ? null : PortalSmsSetupActionFactory.ID)
                .updateAction(hasOne ? PortalSmsSetupActionFactory.ID : null)
                .removeable(false)
                .build(session);
    }
}
