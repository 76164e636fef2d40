package nl.notaris.portal.keycloak.logout;

import java.net.http.HttpClient;
import java.time.Duration;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** Event listener {@value #ID}: see {@link UserLogoutListener}; named in the realm's {@code eventsListeners}. */
public class UserLogoutListenerFactory implements EventListenerProviderFactory {

    public static final String ID = "portal-user-logout";

    private HttpClient http;

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new UserLogoutListener(session, http);
    }

    @Override
    public void init(Config.Scope config) {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
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
