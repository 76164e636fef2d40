package nl.notaris.portal.gateway.security;

import java.text.ParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import com.nimbusds.jwt.JWTParser;

/** Keycloak's realm roles ({@code realm_access.roles}) of a token, as {@code ROLE_*} authorities. */
final class RealmRoles {

    private RealmRoles() {
    }

    static List<String> of(Map<String, Object> claims) {
        if (!(claims.get("realm_access") instanceof Map<?, ?> realmAccess)
                || !(realmAccess.get("roles") instanceof Collection<?> roles)) {
            return List.of();
        }
        return roles.stream().map(String::valueOf).toList();
    }

    static List<GrantedAuthority> authorities(Map<String, Object> claims) {
        return of(claims).stream().map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role)).toList();
    }

    /**
     * The claims of an access token the gateway got from Keycloak's token endpoint itself (back channel),
     * so read without checking the signature again; none when it is not a JWT.
     */
    static Map<String, Object> ofAccessToken(String token) {
        try {
            return JWTParser.parse(token).getJWTClaimsSet().getClaims();
        } catch (ParseException | RuntimeException e) {
            return Map.of();
        }
    }
}
