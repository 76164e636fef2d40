package nl.notaris.portal.keycloak.accounts;

import java.util.Objects;

/**
 * The rules of {@code POST /realms/{realm}/portal-accounts/set-password-email}, apart from Keycloak
 * (the {@link Port} is Keycloak; tests give a fake one). In this order:
 * <ol>
 * <li>no valid bearer token of this realm: 401;</li>
 * <li>the caller may not look up users (realm-management {@code query-users}, {@code view-users} or
 *     {@code manage-users}, or the fine-grained equivalent): 403;</li>
 * <li>a body that breaks a rule: 400;</li>
 * <li>unknown user: 404;</li>
 * <li>the caller may not manage that user ({@code manage-users}): 403;</li>
 * <li>disabled user, user without e-mail address, unknown client, redirect URI that is not a valid
 *     redirect URI of the client (or none given and the client has no sign-in URI): 400;</li>
 * <li>the e-mail could not be sent: 502;</li>
 * <li>otherwise the token is made, the e-mail sent: 204.</li>
 * </ol>
 */
public final class SetPasswordEmailCommand<U> {

    /** What the command needs from Keycloak. {@code U} is the user type. */
    public interface Port<U> {
        /** Whether the request carries a valid bearer token issued by this realm. */
        boolean authenticated();

        boolean callerMayLookUpUsers();

        /** The user, or {@code null}. */
        U findUser(String userId);

        boolean callerMayManage(U user);

        boolean enabled(U user);

        /** The user's e-mail address, or {@code null}. */
        String email(U user);

        boolean clientExists(String clientId);

        /** The client's portal sign-in URI (verified), or {@code null}. */
        String defaultRedirectUri(String clientId);

        /** Whether {@code redirectUri} is a valid redirect URI of the client. */
        boolean redirectUriAllowed(String clientId, String redirectUri);

        /** Makes the token and sends e-mail #2 in the user's language. */
        void sendSetPasswordEmail(U user, String clientId, String redirectUri, int lifespanSeconds) throws Exception;
    }

    /** HTTP outcome: status, and for errors an OAuth-style {@code error} code and a description. */
    public record Outcome(int status, String error, String description) {
        static Outcome noContent() {
            return new Outcome(204, null, null);
        }

        static Outcome of(int status, String error, String description) {
            return new Outcome(status, error, description);
        }
    }

    private final Port<U> port;

    public SetPasswordEmailCommand(Port<U> port) {
        this.port = Objects.requireNonNull(port);
    }

    public Outcome execute(String body) {
        if (!port.authenticated()) {
            return Outcome.of(401, "unauthorized", "A bearer token of this realm is required.");
        }
        if (!port.callerMayLookUpUsers()) {
            return Outcome.of(403, "forbidden", "The caller may not manage users.");
        }
        SetPasswordEmailRequest request = SetPasswordEmailRequest.parse(body);
        if (!request.valid()) {
            return Outcome.of(400, "invalid_request", request.error());
        }
        U user = port.findUser(request.userId());
        if (user == null) {
            return Outcome.of(404, "user_not_found", "No user with this id.");
        }
        if (!port.callerMayManage(user)) {
            return Outcome.of(403, "forbidden", "The caller may not manage this user.");
        }
        if (!port.enabled(user)) {
            return Outcome.of(400, "user_disabled", "The user is disabled.");
        }
        String email = port.email(user);
        if (email == null || email.isBlank()) {
            return Outcome.of(400, "no_email", "The user has no e-mail address.");
        }
        if (!port.clientExists(request.clientId())) {
            return Outcome.of(400, "invalid_client", "Unknown or disabled client: " + request.clientId());
        }
        String redirectUri = request.redirectUri();
        if (redirectUri == null) {
            redirectUri = port.defaultRedirectUri(request.clientId());
            if (redirectUri == null) {
                return Outcome.of(400, "invalid_redirect_uri",
                        "\"redirectUri\" is required: the client has no portal sign-in URI.");
            }
        } else if (!port.redirectUriAllowed(request.clientId(), redirectUri)) {
            return Outcome.of(400, "invalid_redirect_uri",
                    "\"redirectUri\" is not a valid redirect URI of client " + request.clientId() + ".");
        }
        try {
            port.sendSetPasswordEmail(user, request.clientId(), redirectUri, request.lifespanSeconds());
        } catch (Exception e) {
            return Outcome.of(502, "email_not_sent", "The e-mail could not be sent.");
        }
        return Outcome.noContent();
    }
}
