package nl.notaris.portal.gateway.security;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import reactor.core.publisher.Mono;

/**
 * A browser sign-in's user with the realm roles of its access token as authorities ({@code ROLE_staff}),
 * as a bearer token's have them: Keycloak puts realm roles in the access token only, not in the ID
 * token. The gateway decides only its own pages on them (the staff API's description); the services
 * check the relayed token themselves.
 */
class RealmRolesOidcUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    private final ReactiveOAuth2UserService<OidcUserRequest, OidcUser> delegate;

    RealmRolesOidcUserService(ReactiveOAuth2UserService<OidcUserRequest, OidcUser> delegate) {
        this.delegate = delegate;
    }

    RealmRolesOidcUserService() {
        this(new OidcReactiveOAuth2UserService());
    }

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) {
        return delegate.loadUser(request).map(user -> {
            Set<GrantedAuthority> authorities = new LinkedHashSet<>(user.getAuthorities());
            authorities.addAll(RealmRoles.authorities(RealmRoles.ofAccessToken(request.getAccessToken().getTokenValue())));
            String nameAttribute = request.getClientRegistration().getProviderDetails().getUserInfoEndpoint()
                    .getUserNameAttributeName();
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo(),
                    nameAttribute == null || nameAttribute.isBlank() ? "sub" : nameAttribute);
        });
    }
}
