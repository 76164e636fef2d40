package nl.notaris.portal.keycloak.twofactor.credential;

import org.keycloak.credential.CredentialProvider;
import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.KeycloakSession;

public class PortalSmsCredentialProviderFactory implements CredentialProviderFactory<PortalSmsCredentialProvider> {

    public static final String ID = PortalSmsCredentialModel.TYPE;

    @Override
    public CredentialProvider create(KeycloakSession session) {
        return new PortalSmsCredentialProvider(session);
    }

    @Override
    public String getId() {
        return ID;
    }
}
