package nl.notaris.portal.keycloak.accounts;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.ws.rs.core.UriInfo;

import nl.notaris.portal.keycloak.setpassword.PortalSetPasswordActionToken;
import nl.notaris.portal.keycloak.signin.PortalSignIn;

import org.keycloak.common.util.Time;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.resources.LoginActionsService;
import org.keycloak.services.managers.AuthenticationManager.AuthResult;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.services.resources.admin.fgap.AdminPermissions;
import org.keycloak.theme.Theme;
import org.keycloak.theme.beans.LinkExpirationFormatterMethod;

import org.jboss.logging.Logger;

/**
 * {@link SetPasswordEmailCommand.Port} on Keycloak: the bearer token is checked like the admin API
 * checks it, and the caller's rights with Keycloak's admin permission evaluation (realm-management
 * roles, or fine-grained admin permissions when enabled).
 */
final class KeycloakSetPasswordEmailPort implements SetPasswordEmailCommand.Port<UserModel> {

    static final String SUBJECT_KEY = "portalSetPasswordSubject";
    static final String TEMPLATE = "set-password.ftl";

    private static final Logger LOG = Logger.getLogger(KeycloakSetPasswordEmailPort.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private AdminAuth adminAuth;
    private AdminPermissionEvaluator permissions;

    KeycloakSetPasswordEmailPort(KeycloakSession session) {
        this.session = session;
        this.realm = session.getContext().getRealm();
    }

    @Override
    public boolean authenticated() {
        AuthResult auth;
        try {
            auth = new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm).authenticate();
        } catch (RuntimeException e) {
            // a malformed Authorization header
            return false;
        }
        if (auth == null || auth.token() == null || auth.user() == null) {
            return false;
        }
        ClientModel caller = auth.client() != null ? auth.client() : realm.getClientByClientId(auth.token().getIssuedFor());
        adminAuth = new AdminAuth(realm, auth.token(), auth.user(), caller);
        permissions = AdminPermissions.evaluator(session, realm, adminAuth);
        return true;
    }

    @Override
    public boolean callerMayLookUpUsers() {
        return permissions.users().canQuery() || permissions.users().canView() || permissions.users().canManage();
    }

    @Override
    public UserModel findUser(String userId) {
        return session.users().getUserById(realm, userId);
    }

    @Override
    public boolean callerMayManage(UserModel user) {
        return permissions.users().canManage(user);
    }

    @Override
    public boolean enabled(UserModel user) {
        return user.isEnabled();
    }

    @Override
    public String email(UserModel user) {
        return user.getEmail();
    }

    @Override
    public boolean clientExists(String clientId) {
        ClientModel client = realm.getClientByClientId(clientId);
        return client != null && client.isEnabled();
    }

    @Override
    public String defaultRedirectUri(String clientId) {
        return PortalSignIn.signInUri(session, realm.getClientByClientId(clientId));
    }

    @Override
    public boolean redirectUriAllowed(String clientId, String redirectUri) {
        return RedirectUtils.verifyRedirectUri(session, redirectUri, realm.getClientByClientId(clientId)) != null;
    }

    @Override
    public void sendSetPasswordEmail(UserModel user, String clientId, String redirectUri, int lifespanSeconds)
            throws Exception {
        try {
            send(user, clientId, redirectUri, lifespanSeconds);
        } catch (Exception | LinkageError e) {
            LOG.warnf(e, "Set-password e-mail to user %s could not be sent", user.getId());
            throw e instanceof Exception ex ? ex : new IllegalStateException(e);
        }
    }

    private void send(UserModel user, String clientId, String redirectUri, int lifespanSeconds) throws Exception {
        ClientModel client = realm.getClientByClientId(clientId);
        String verifiedRedirectUri = RedirectUtils.verifyRedirectUri(session, redirectUri, client);
        int expiration = Time.currentTime() + lifespanSeconds;
        PortalSetPasswordActionToken token = new PortalSetPasswordActionToken(user.getId(), user.getEmail(), expiration,
                client.getClientId(), verifiedRedirectUri);
        UriInfo uri = session.getContext().getUri();
        // .../login-actions/action-token?key=...&client_id=... (client_id: the pages then know the client)
        String link = LoginActionsService.actionTokenProcessor(uri)
                .queryParam(Constants.KEY, token.serialize(session, realm, uri))
                .queryParam(Constants.CLIENT_ID, client.getClientId())
                .build(realm.getName()).toString();

        // The user's language (attribute "locale"), else the realm's default; never the caller's.
        Locale locale = session.getContext().resolveLocale(user, true);
        Theme theme = session.theme().getTheme(Theme.Type.EMAIL);
        long minutes = TimeUnit.SECONDS.toMinutes(lifespanSeconds);
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(Constants.IGNORE_ACCEPT_LANGUAGE_HEADER, Boolean.TRUE);
        attributes.put("link", link);
        attributes.put("linkExpiration", minutes);
        attributes.put("linkExpirationFormatter", new LinkExpirationFormatterMethod(theme.getMessages(locale), locale));

        session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(user)
                .send(SUBJECT_KEY, List.of(), TEMPLATE, attributes);
        // Admin event (stored when the realm stores admin events), like Keycloak's execute-actions-email.
        new AdminEventBuilder(realm, adminAuth, session, session.getContext().getConnection())
                .operation(OperationType.ACTION)
                .resource(ResourceType.USER)
                .resourcePath("users", user.getId(), "portal-set-password-email")
                .detail("redirect_uri", verifiedRedirectUri)
                .detail("lifespan_seconds", Integer.toString(lifespanSeconds))
                .success();
    }
}
