package nl.notaris.portal.keycloak.setpassword;

import jakarta.ws.rs.core.Response;

import nl.notaris.portal.keycloak.signin.PortalMessages;
import nl.notaris.portal.keycloak.signin.PortalSignIn;

import org.keycloak.TokenVerifier.Predicate;
import org.keycloak.authentication.actiontoken.AbstractActionTokenHandler;
import org.keycloak.authentication.actiontoken.ActionTokenContext;
import org.keycloak.authentication.actiontoken.TokenUtils;
import org.keycloak.events.Errors;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.protocol.oidc.utils.RedirectUtils;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.messages.Messages;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * Handles {@link PortalSetPasswordActionToken}: the client sets a password with Keycloak's own
 * {@code UPDATE_PASSWORD} required action (the realm's password policy applies, Keycloak keeps the
 * password) and is then signed in: Keycloak creates a user session (SSO cookies) and redirects the
 * browser to the token's redirect URI.
 *
 * <p>Rules, checked by Keycloak's action-token endpoint and the verifiers below:
 * <ul>
 * <li>signature, realm and expiry ({@code exp}): an expired link shows Keycloak's
 *     {@code expiredActionTokenNoSessionMessage} (worded by our login theme);</li>
 * <li>the user exists and is enabled;</li>
 * <li>the e-mail address is still the one the link was sent to;</li>
 * <li>the redirect URI is a valid redirect URI of the token's client;</li>
 * <li>single use: {@link #canUseTokenRepeatedly} is {@code false}, so Keycloak refuses a token
 *     whose key is in its single-use store ({@code expiredActionMessage}) and puts the key there
 *     when the required actions are done. Opening the link without finishing (e.g. a mail scanner)
 *     does not use it up.</li>
 * </ul>
 */
public class PortalSetPasswordActionTokenHandler extends AbstractActionTokenHandler<PortalSetPasswordActionToken> {

    public PortalSetPasswordActionTokenHandler() {
        super(PortalSetPasswordActionToken.TOKEN_TYPE, PortalSetPasswordActionToken.class,
                PortalMessages.LINK_INVALID, EventType.EXECUTE_ACTIONS, Errors.NOT_ALLOWED);
    }

    @Override
    public Predicate<? super PortalSetPasswordActionToken>[] getVerifiers(
            ActionTokenContext<PortalSetPasswordActionToken> tokenContext) {
        return TokenUtils.predicates(
                TokenUtils.checkThat(
                        t -> PortalSetPasswordActionToken.emailStillMatches(t.getEmail(),
                                tokenContext.getAuthenticationSession().getAuthenticatedUser().getEmail()),
                        Errors.INVALID_EMAIL, PortalMessages.LINK_INVALID),
                TokenUtils.checkThat(
                        t -> t.getRedirectUri() != null
                                && RedirectUtils.verifyRedirectUri(tokenContext.getSession(), t.getRedirectUri(),
                                        tokenContext.getAuthenticationSession().getClient()) != null,
                        Errors.INVALID_REDIRECT_URI, Messages.INVALID_REDIRECT_URI));
    }

    /** A new authentication session for the token's client that does <em>not</em> end after the required actions. */
    @Override
    public AuthenticationSessionModel startFreshAuthenticationSession(PortalSetPasswordActionToken token,
            ActionTokenContext<PortalSetPasswordActionToken> tokenContext) {
        return tokenContext.createAuthenticationSessionForClient(token.getIssuedFor());
    }

    @Override
    public boolean canUseTokenRepeatedly(PortalSetPasswordActionToken token,
            ActionTokenContext<PortalSetPasswordActionToken> tokenContext) {
        return false;
    }

    @Override
    public Response handleToken(PortalSetPasswordActionToken token,
            ActionTokenContext<PortalSetPasswordActionToken> tokenContext) {
        AuthenticationSessionModel authSession = tokenContext.getAuthenticationSession();
        String redirectUri = RedirectUtils.verifyRedirectUri(tokenContext.getSession(), token.getRedirectUri(),
                authSession.getClient());
        PortalSignIn.signInAndRedirect(authSession, redirectUri);
        authSession.setAuthNote(PortalMessages.SET_PASSWORD_FLOW_NOTE, "true");

        // The link reached the address it was sent to.
        UserModel user = authSession.getAuthenticatedUser();
        user.setEmailVerified(true);

        // A new client chooses a first password (the welcome page); an account that has one sets a new one.
        if (PortalFirstPassword.isFirstPassword(user)) {
            authSession.addRequiredAction(PortalFirstPassword.ID);
        } else {
            authSession.addRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        }
        String nextAction = AuthenticationManager.nextRequiredAction(tokenContext.getSession(), authSession,
                tokenContext.getRequest(), tokenContext.getEvent());
        return AuthenticationManager.redirectToRequiredActions(tokenContext.getSession(), tokenContext.getRealm(),
                authSession, tokenContext.getUriInfo(), nextAction);
    }
}
