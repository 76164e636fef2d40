package nl.notaris.portal.keycloak.resetcred;

import jakarta.ws.rs.core.Response;

import nl.notaris.portal.keycloak.signin.PortalSignIn;

import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.resetcred.ResetCredentialsActionToken;
import org.keycloak.authentication.actiontoken.resetcred.ResetCredentialsActionTokenHandler;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Keycloak's forgotten-password link handler ("reset-credentials"), replacing the built-in one
 * (same provider id, higher {@link #order()}), changed in one respect: a link that is opened where
 * the sign-in that asked for it is not going on (another browser, or the sign-in expired) ends with
 * the client signed in instead of on "your account has been updated" without a session.
 *
 * <ul>
 * <li>Same browser, sign-in still going on: unchanged. Keycloak continues the gateway's own
 *     authorization request and redirects to its callback with code and state.</li>
 * <li>Fresh browser: Keycloak starts a new authentication session for the link's client. When that
 *     client has the attribute {@value PortalSignIn#SIGN_IN_URI_ATTRIBUTE}, the session ends, after
 *     the new password, in a user session (SSO cookies) and a redirect to that URI; the gateway
 *     starts a sign-in there that Keycloak completes from the SSO session. Other clients keep
 *     Keycloak's behaviour.</li>
 * <li>A reset started from Keycloak's reset-credentials page with {@code redirect_uri} = that URI
 *     (the portal's "Wachtwoord vergeten" link, the "request a new link" link): the same plain
 *     redirect, without an authorization code nobody would redeem.</li>
 * </ul>
 * Single use, expiry ({@code actionTokenGeneratedByUserLifespan.reset-credentials} of the realm) and
 * the other checks are Keycloak's.
 */
public class PortalResetCredentialsActionTokenHandler extends ResetCredentialsActionTokenHandler {

    /** Wins over Keycloak's own factory with the same id (order 0). */
    @Override
    public int order() {
        return 100;
    }

    @Override
    public AuthenticationSessionModel startFreshAuthenticationSession(ResetCredentialsActionToken token,
            ActionTokenContext<ResetCredentialsActionToken> tokenContext) {
        AuthenticationSessionModel authSession = super.startFreshAuthenticationSession(token, tokenContext);
        String signInUri = PortalSignIn.signInUri(tokenContext.getSession(), authSession.getClient());
        if (signInUri != null) {
            PortalSignIn.signInAndRedirect(authSession, signInUri);
        }
        return authSession;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Response handleToken(ResetCredentialsActionToken token, ActionTokenContext tokenContext) {
        AuthenticationSessionModel authSession = tokenContext.getAuthenticationSession();
        String signInUri = PortalSignIn.signInUri(tokenContext.getSession(), authSession.getClient());
        if (PortalSignIn.startedForSignInUri(authSession, signInUri)) {
            PortalSignIn.signInAndRedirect(authSession, signInUri);
        }
        return super.handleToken(token, tokenContext);
    }
}
