package nl.notaris.portal.keycloak.accounts;

import nl.notaris.portal.keycloak.policy.BundledPasswordBlacklist;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/** Registers {@link PortalAccountsResource} at {@code /realms/{realm}/portal-accounts}. */
public class PortalAccountsResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String ID = "portal-accounts";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new PortalAccountsResource(session);
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * Runs at start-up, before the realm import: makes the password blacklist of the realm's policy
     * available in Keycloak's default folder when it is not there (see {@link BundledPasswordBlacklist}).
     */
    @Override
    public void init(Config.Scope config) {
        BundledPasswordBlacklist.installIntoKeycloakDataFolder();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
