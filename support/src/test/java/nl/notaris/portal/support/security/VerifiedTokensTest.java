package nl.notaris.portal.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import nl.notaris.portal.testsupport.MovingClock;

class VerifiedTokensTest {

    static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

    final MovingClock clock = new MovingClock(NOW);
    final List<String> decoded = new ArrayList<>();

    /** Tokens "valid-<n>" expire n minutes after NOW; "forever" has no expiry; anything else is refused. */
    final JwtDecoder issuer = token -> {
        decoded.add(token);
        if (token.equals("forever")) {
            return jwt(token, null);
        }
        if (!token.startsWith("valid-") || !clock.instant().isBefore(expiry(token))) {
            throw new BadJwtException("refused");
        }
        return jwt(token, expiry(token));
    };
    final VerifiedTokens tokens = new VerifiedTokens(issuer, clock);

    @Test
    void aTokenIsVerifiedOnceWhileItLasts() {
        Jwt first = tokens.decode("valid-5");
        clock.set(NOW.plus(Duration.ofMinutes(4)));

        assertThat(tokens.decode("valid-5")).isSameAs(first);
        assertThat(decoded).containsExactly("valid-5");
    }

    @Test
    void anExpiredTokenGoesToTheIssuersDecoderAgainAndIsRefusedThere() {
        tokens.decode("valid-5");
        clock.set(NOW.plus(Duration.ofMinutes(5)));

        assertThatThrownBy(() -> tokens.decode("valid-5")).isInstanceOf(BadJwtException.class);
        assertThat(decoded).containsExactly("valid-5", "valid-5");
    }

    @Test
    void aRefusedTokenIsRefusedEveryTime() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(decoded).containsExactly("forged", "forged");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void aTokenWithoutExpiryIsNotKept() {
        tokens.decode("forever");
        tokens.decode("forever");

        assertThat(decoded).containsExactly("forever", "forever");
    }

    @Test
    void whenFullTheExpiredTokensGoFirstThenAll() {
        for (int i = 0; i < VerifiedTokens.MAX_TOKENS - 1; i++) {
            tokens.decode("valid-1-" + i);
        }
        tokens.decode("valid-10");
        clock.set(NOW.plus(Duration.ofMinutes(2)));

        tokens.decode("valid-20");
        assertThat(tokens.size()).isEqualTo(2);

        for (int i = 0; i < VerifiedTokens.MAX_TOKENS; i++) {
            tokens.decode("valid-30-" + i);
        }
        assertThat(tokens.size()).isLessThanOrEqualTo(VerifiedTokens.MAX_TOKENS);
    }

    @Test
    void theServicesTokenDecoderIsWrapped() {
        var context = new org.springframework.context.annotation.AnnotationConfigApplicationContext();
        context.registerBean(Clock.class, () -> clock);
        context.registerBean("jwtDecoder", JwtDecoder.class, () -> issuer);
        context.registerBean("verifiedTokens", org.springframework.beans.factory.config.BeanPostProcessor.class,
                () -> ResourceServerSecurityAutoConfiguration.verifiedTokens(context.getBeanProvider(Clock.class)));
        context.refresh();

        JwtDecoder decoder = context.getBean(JwtDecoder.class);
        decoder.decode("valid-5");
        decoder.decode("valid-5");

        assertThat(decoder).isInstanceOf(VerifiedTokens.class);
        assertThat(decoded).containsExactly("valid-5");
        context.close();
    }

    private static Instant expiry(String token) {
        return NOW.plus(Duration.ofMinutes(Long.parseLong(token.split("-")[1])));
    }

    private static Jwt jwt(String token, Instant expiresAt) {
        return Jwt.withTokenValue(token).header("alg", "RS256").subject("account").issuedAt(NOW.minusSeconds(1))
                .expiresAt(expiresAt).build();
    }
}
