package nl.notaris.portal.keycloak.twofactor.credential;

import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

public class PortalRecoveryCodeCredentialProviderFactory
        implements CredentialProviderFactory<PortalRecoveryCodeCredentialProvider> {

    public static final String ID = PortalRecoveryCodeCredentialModel.TYPE;

    @Override
    public CredentialProvider create(KeycloakSession session) {
        return new PortalRecoveryCodeCredentialProvider(session);
    }

    @Override
    public String getId() {
        return ID;
    }
}
