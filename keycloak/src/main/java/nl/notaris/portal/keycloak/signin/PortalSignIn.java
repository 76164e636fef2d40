package nl.notaris.portal.keycloak.signin;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.utils.OIDCResponseType;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Ends an e-mail link flow (set password, forgotten password) with a signed-in client.
 *
 * <p>Keycloak finishes the required actions of such a flow in one of two ways: with
 * {@code END_AFTER_REQUIRED_ACTIONS} it shows "your account has been updated" and creates no user
 * session; without it, it creates a user session (SSO cookies {@code KEYCLOAK_IDENTITY} and
 * {@code KEYCLOAK_SESSION}) and answers through the login protocol. We take the second way with
 * OIDC {@code response_type=none}: the browser is redirected to the portal's sign-in start
 * (e.g. {@code http://localhost:8080/oauth2/authorization/keycloak}) without an authorization code;
 * the gateway then starts its own authorization request, which Keycloak answers at once from the
 * SSO session.
 */
public final class PortalSignIn {

    /**
     * Client attribute with the URI where the portal starts a sign-in (must be a valid redirect URI
     * of the client). Flows of a client without it keep Keycloak's own behaviour.
     */
    public static final String SIGN_IN_URI_ATTRIBUTE = "portal.sign-in-uri";

    private PortalSignIn() {
    }

    /** The client's sign-in URI when it is set and a valid redirect URI of the client, else {@code null}. */
    public static String signInUri(KeycloakSession session, ClientModel client) {
        if (client == null) {
            return null;
        }
        String configured = client.getAttribute(SIGN_IN_URI_ATTRIBUTE);
        if (configured == null || configured.isBlank()) {
            return null;
        }
        return RedirectUtils.verifyRedirectUri(session, configured.trim(), client);
    }

    /**
     * Makes the authentication session end, after its required actions, in a user session and a
     * plain redirect (no code, no state) to {@code verifiedRedirectUri}.
     *
     * @param verifiedRedirectUri a redirect URI already checked against the session's client
     */
    public static void signInAndRedirect(AuthenticationSessionModel authSession, String verifiedRedirectUri) {
        authSession.removeAuthNote(AuthenticationManager.END_AFTER_REQUIRED_ACTIONS);
        authSession.removeAuthNote(AuthenticationManager.SET_REDIRECT_URI_AFTER_REQUIRED_ACTIONS);
        authSession.setRedirectUri(verifiedRedirectUri);
        authSession.setClientNote(OIDCLoginProtocol.REDIRECT_URI_PARAM, verifiedRedirectUri);
        authSession.setClientNote(OIDCLoginProtocol.RESPONSE_TYPE_PARAM, OIDCResponseType.NONE);
        authSession.removeClientNote(OIDCLoginProtocol.RESPONSE_MODE_PARAM);
        authSession.removeClientNote(OIDCLoginProtocol.STATE_PARAM);
        authSession.removeClientNote(OIDCLoginProtocol.NONCE_PARAM);
        authSession.removeClientNote(OIDCLoginProtocol.CODE_CHALLENGE_PARAM);
        authSession.removeClientNote(OIDCLoginProtocol.CODE_CHALLENGE_METHOD_PARAM);
    }

    /**
     * Whether the session is one Keycloak started itself for the sign-in URI (no OAuth request of
     * the gateway behind it: no {@code state}), so that it can end in a plain redirect.
     */
    public static boolean startedForSignInUri(AuthenticationSessionModel authSession, String signInUri) {
        return signInUri != null
                && signInUri.equals(authSession.getRedirectUri())
                && authSession.getClientNote(OIDCLoginProtocol.STATE_PARAM) == null;
    }
}
