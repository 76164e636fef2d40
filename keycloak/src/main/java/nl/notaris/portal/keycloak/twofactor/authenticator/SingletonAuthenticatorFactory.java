package nl.notaris.portal.keycloak.twofactor.authenticator;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/** An authenticator without configuration or state, for one credential type: one instance for every session. */
abstract class SingletonAuthenticatorFactory implements AuthenticatorFactory {

    private final String id;
    private final String displayType;
    private final String credentialType;
    private final String helpText;
    private final Authenticator authenticator;

    SingletonAuthenticatorFactory(String id, String displayType, String credentialType, String helpText,
            Authenticator authenticator) {
        this.id = id;
        this.displayType = displayType;
        this.credentialType = credentialType;
        this.helpText = helpText;
        this.authenticator = authenticator;
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return authenticator;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getDisplayType() {
        return displayType;
    }

    @Override
    public String getReferenceCategory() {
        return credentialType;
    }

    @Override
    public String getHelpText() {
        return helpText;
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
