package nl.notaris.portal.gateway.security;

import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Lets the web app send a signed-in client to one of Keycloak's account pages — setting up or
 * switching off two-step verification, an authenticator app, a passkey — through the gateway's
 * sign-in: {@code /oauth2/authorization/keycloak?kc_action=portal-sms-setup&return=/mijn-gegevens}.
 * Only known actions pass (Keycloak's application-initiated actions); {@code return} must be a path
 * of the portal and is where the browser lands afterwards ({@link ReturnAfterSignIn}).
 */
class AccountActionRequests implements ServerOAuth2AuthorizationRequestResolver {

    /** UPDATE_PASSWORD: "Wijzig uw wachtwoord" under "Recente aanmeldingen". */
    static final Set<String> ACTIONS = Set.of("portal-sms-setup", "portal-sms-disable", "portal-recovery-code",
            "CONFIGURE_TOTP", "webauthn-register", "UPDATE_PASSWORD");
    private static final Pattern REMOVE_CREDENTIAL = Pattern.compile("delete_credential:[A-Za-z0-9-]{1,64}");

    private final ServerOAuth2AuthorizationRequestResolver delegate;

    AccountActionRequests(ServerOAuth2AuthorizationRequestResolver delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange) {
        return delegate.resolve(exchange).flatMap(request -> withAction(exchange, request));
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> resolve(ServerWebExchange exchange, String clientRegistrationId) {
        return delegate.resolve(exchange, clientRegistrationId).flatMap(request -> withAction(exchange, request));
    }

    private Mono<OAuth2AuthorizationRequest> withAction(ServerWebExchange exchange, OAuth2AuthorizationRequest request) {
        var query = exchange.getRequest().getQueryParams();
        String action = query.getFirst("kc_action");
        String returnTo = query.getFirst("return");
        return exchange.getSession().map(session -> {
            if (ReturnAfterSignIn.isPortalPath(returnTo)) {
                session.getAttributes().put(ReturnAfterSignIn.ATTRIBUTE, returnTo);
            } else {
                session.getAttributes().remove(ReturnAfterSignIn.ATTRIBUTE);
            }
            if (!isKnown(action)) {
                return request;
            }
            return OAuth2AuthorizationRequest.from(request)
                    .additionalParameters(parameters -> parameters.put("kc_action", action)).build();
        });
    }

    static boolean isKnown(String action) {
        return action != null && (ACTIONS.contains(action) || REMOVE_CREDENTIAL.matcher(action).matches());
    }
}
