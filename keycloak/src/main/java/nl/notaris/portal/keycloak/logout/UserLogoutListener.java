package nl.notaris.portal.keycloak.logout;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.common.util.SecretGenerator;
import org.keycloak.common.util.Time;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCAdvancedConfigWrapper;
import org.keycloak.representations.LogoutToken;
import org.keycloak.services.Urls;
import org.keycloak.urls.UrlType;
import org.keycloak.util.JsonSerialization;

import org.jboss.logging.Logger;

/**
 * When an administrator ends all sessions of a user ({@code POST /admin/realms/{realm}/users/{id}/logout}),
 * Keycloak's back-channel logout reaches each client once only, for one of the user's sessions: the
 * other sessions' logout is skipped as already done. So after that call this listener sends every client
 * with a back-channel logout URL one more logout token, naming the user ({@code sub}) and no session
 * ({@code sid}), which by OpenID Connect Back-Channel Logout 1.0 ends all of the user's sessions there.
 */
final class UserLogoutListener implements EventListenerProvider {

    static final String BACK_CHANNEL_LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";
    private static final Pattern USER_LOGOUT = Pattern.compile("users/([0-9a-fA-F-]{1,64})/logout");
    private static final Logger LOG = Logger.getLogger(UserLogoutListener.class);

    private final KeycloakSession session;
    private final HttpClient http;

    UserLogoutListener(KeycloakSession session, HttpClient http) {
        this.session = session;
        this.http = http;
    }

    /** The user whose sessions an admin event ended, or {@code null}. */
    static String loggedOutUser(AdminEvent event) {
        if (event.getOperationType() != OperationType.ACTION || event.getResourcePath() == null) {
            return null;
        }
        Matcher matcher = USER_LOGOUT.matcher(event.getResourcePath());
        return matcher.matches() ? matcher.group(1) : null;
    }

    @Override
    public void onEvent(Event event) {
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        String userId = loggedOutUser(event);
        if (userId == null) {
            return;
        }
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        if (realm == null) {
            return;
        }
        // tokens made here, inside the transaction; sent once the sessions' removal is committed, so that a
        // client cannot find one of them still active
        List<LogoutCall> calls = realm.getClientsStream()
                .filter(client -> client.isEnabled() && backChannelLogoutUrl(client) != null)
                .map(client -> new LogoutCall(client.getClientId(), backChannelLogoutUrl(client), signedToken(realm, client, userId)))
                .toList();
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                calls.forEach(call -> send(call, userId));
            }

            @Override
            protected void rollbackImpl() {
            }
        });
    }

    private record LogoutCall(String clientId, String url, String token) {
    }

    private static String backChannelLogoutUrl(ClientModel client) {
        String url = OIDCAdvancedConfigWrapper.fromClientModel(client).getBackchannelLogoutUrl();
        return url == null || url.isBlank() ? null : url;
    }

    private void send(LogoutCall call, String userId) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(call.url()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("logout_token=" + URLEncoder.encode(call.token(), StandardCharsets.UTF_8)))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 300) {
                LOG.warnf("Back-channel logout of all sessions of user %s at client %s answered %d", userId, call.clientId(), status);
            }
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.warnf("Back-channel logout of all sessions of user %s at client %s failed: %s", userId, call.clientId(),
                    e.getClass().getSimpleName());
        }
    }

    /** As Keycloak's own logout tokens, signed for the client, without a session id. */
    private String signedToken(RealmModel realm, ClientModel client, String userId) {
        LogoutToken token = new LogoutToken();
        token.id(SecretGenerator.getInstance().generateSecureID());
        token.issuedNow();
        token.exp((long) Time.currentTime() + Duration.ofMinutes(2).toSeconds());
        token.issuer(Urls.realmIssuer(session.getContext().getUri(UrlType.FRONTEND).getBaseUri(), realm.getName()));
        token.putEvents(BACK_CHANNEL_LOGOUT_EVENT, JsonSerialization.createObjectNode());
        token.addAudience(client.getClientId());
        token.setSubject(userId);
        RealmModel realmBefore = session.getContext().getRealm();
        ClientModel clientBefore = session.getContext().getClient();
        try {
            session.getContext().setRealm(realm);
            session.getContext().setClient(client);
            return session.tokens().encode(token);
        } finally {
            session.getContext().setRealm(realmBefore);
            session.getContext().setClient(clientBefore);
        }
    }

    @Override
    public void close() {
    }
}
