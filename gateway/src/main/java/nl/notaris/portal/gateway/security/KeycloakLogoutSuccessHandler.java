package nl.notaris.portal.gateway.security;

import java.net.URI;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/**
 * After the gateway session ends, ends the Keycloak session too (RP-initiated logout with the ID
 * token as hint) and comes back to the portal's start page. Spring's OIDC handler finds the end
 * session endpoint only through discovery, which this gateway does not do at start-up. The way back
 * is the portal's configured public address, never one made from the request's {@code Host} header.
 */
class KeycloakLogoutSuccessHandler implements ServerLogoutSuccessHandler {

    private final String endSessionUri;
    private final String portal;
    private final DefaultServerRedirectStrategy redirect = new DefaultServerRedirectStrategy();

    KeycloakLogoutSuccessHandler(String endSessionUri, String publicUrl) {
        this.endSessionUri = endSessionUri;
        this.portal = UriComponentsBuilder.fromUriString(publicUrl).replacePath("/").toUriString();
    }

    @Override
    public Mono<Void> onLogoutSuccess(WebFilterExchange exchange, Authentication authentication) {
        URI target = URI.create(portal);
        if (authentication instanceof OAuth2AuthenticationToken token && token.getPrincipal() instanceof OidcUser user) {
            target = UriComponentsBuilder.fromUriString(endSessionUri)
                    .queryParam("id_token_hint", user.getIdToken().getTokenValue())
                    .queryParam("post_logout_redirect_uri", portal)
                    .encode().build().toUri();
        }
        return redirect.sendRedirect(exchange.getExchange(), target);
    }
}
