package nl.notaris.portal.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;

import reactor.core.publisher.Mono;

/** A browser sign-in carries the realm roles of its access token, as a bearer token does. */
class RealmRolesOidcUserServiceTest {

    static final ClientRegistration KEYCLOAK = ClientRegistration.withRegistrationId("keycloak")
            .clientId("portal-gateway").authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("http://localhost:8080/login/oauth2/code/keycloak")
            .authorizationUri("http://kc/auth").tokenUri("http://kc/token").userNameAttributeName("sub").build();

    static final OidcIdToken ID_TOKEN = new OidcIdToken("id", Instant.now(), Instant.now().plusSeconds(60),
            Map.of("sub", "notaris", "iss", "http://kc"));

    @Test
    void theAccessTokensRealmRolesBecomeAuthorities() {
        OidcUser user = signIn(new JWTClaimsSet.Builder().subject("notaris")
                .claim("realm_access", Map.of("roles", List.of("staff", "offline_access"))).build());
        assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .contains("ROLE_staff", "ROLE_offline_access", "OIDC_USER");
        assertThat(user.getName()).isEqualTo("notaris");
    }

    @Test
    void aTokenWithoutRealmRolesAddsNone() {
        OidcUser user = signIn(new JWTClaimsSet.Builder().subject("anna").build());
        assertThat(user.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("OIDC_USER");
    }

    static OidcUser signIn(JWTClaimsSet accessTokenClaims) {
        var service = new RealmRolesOidcUserService(request -> Mono.just(
                new DefaultOidcUser(List.of(new SimpleGrantedAuthority("OIDC_USER")), ID_TOKEN, "sub")));
        var accessToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
                new PlainJWT(accessTokenClaims).serialize(), Instant.now(), Instant.now().plusSeconds(60));
        return service.loadUser(new OidcUserRequest(KEYCLOAK, accessToken, ID_TOKEN)).block();
    }
}
