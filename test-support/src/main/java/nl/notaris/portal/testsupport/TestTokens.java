package nl.notaris.portal.testsupport;

import java.util.Map;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * For tests that call a service over real HTTP: the bearer token {@code test.<accountId>} of a
 * {@link TestCaller} is accepted as that caller's token, with the claims Keycloak would give it.
 * Any other token is refused, as a real decoder would refuse it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestTokens {

    @Bean
    @Primary
    JwtDecoder testCallerTokens() {
        return token -> {
            TestCaller caller = java.util.stream.Stream.concat(TestCaller.clients().stream(),
                            java.util.stream.Stream.of(TestCaller.STAFF))
                    .filter(c -> token.equals("test." + c.accountId())).findFirst()
                    .orElseThrow(() -> new BadJwtException("unknown test token"));
            Jwt.Builder jwt = Jwt.withTokenValue(token).header("alg", "none").subject(caller.accountId())
                    .claim("name", caller.name()).claim("realm_access", Map.of("roles", caller.roles()));
            if (caller.email() != null) {
                jwt.claim("email", caller.email());
            }
            if (caller.accountType() != null) {
                jwt.claim("account_type", caller.accountType());
            }
            if (caller.companyId() != null) {
                jwt.claim("company_id", caller.companyId());
            }
            return jwt.build();
        };
    }
}
