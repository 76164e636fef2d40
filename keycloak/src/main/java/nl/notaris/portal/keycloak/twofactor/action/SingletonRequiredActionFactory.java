package nl.notaris.portal.keycloak.twofactor.action;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** A required action without configuration or state: one provider instance for every session. */
abstract class SingletonRequiredActionFactory implements RequiredActionFactory {

    private final String id;
    private final String displayText;
    private final RequiredActionProvider provider;

    SingletonRequiredActionFactory(String id, String displayText, RequiredActionProvider provider) {
        this.id = id;
        this.displayText = displayText;
        this.provider = provider;
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return provider;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String getDisplayText() {
        return displayText;
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
