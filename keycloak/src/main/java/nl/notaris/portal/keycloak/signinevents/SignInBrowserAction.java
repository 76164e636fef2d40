package nl.notaris.portal.keycloak.signinevents;

import org.keycloak.Config;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Names the browser in the {@code LOGIN} event of every sign-in, however it ends: after the password, after a
 * second step, from the SSO cookie, after a required action (a new password, SMS set up from "Mijn gegevens")
 * or after the set-password link. Keycloak asks every enabled required action whether it is needed
 * ({@link #evaluateTriggers}) with the event it is about to record as {@code LOGIN}, in the request that records
 * it; this action only adds the {@code User-Agent} there and is never needed itself (like Keycloak's own
 * {@code update_user_locale}). Should an administrator still ask it of a user, it passes at once.
 */
public class SignInBrowserAction implements RequiredActionProvider, RequiredActionFactory {

    public static final String ID = "portal-sign-in-browser";

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
        SignInEventDetails.addUserAgent(context.getEvent(), context.getHttpRequest());
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.success();
    }

    @Override
    public void processAction(RequiredActionContext context) {
        context.success();
    }

    @Override
    public RequiredActionProvider create(KeycloakSession session) {
        return this;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getDisplayText() {
        return "Portal – browser of the sign-in (records, never asks)";
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
