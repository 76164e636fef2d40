package nl.notaris.portal.support.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * A {@link JwtDecoder} that verifies each access token once: the browser's token comes with every call the
 * gateway relays for it (a few hundred in the five minutes a token lives), and checking its signature and
 * parsing it cost about a sixth of a list call's CPU. A token is answered from here only before it expires
 * by this service's clock; anything else — a token not seen yet, an expired one, one without an expiry —
 * goes to the decoder it wraps, which refuses what it refuses. At most {@link #MAX_TOKENS} are kept: when
 * full, the expired ones are dropped, and if none are, all of them.
 */
public final class VerifiedTokens implements JwtDecoder {

    static final int MAX_TOKENS = 2048;

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Map<String, Jwt> verified = new ConcurrentHashMap<>();

    public VerifiedTokens(JwtDecoder decoder, Clock clock) {
        this.decoder = decoder;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        Jwt known = verified.get(token);
        if (known != null && now.isBefore(known.getExpiresAt())) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        if (jwt.getExpiresAt() != null && now.isBefore(jwt.getExpiresAt())) {
            if (verified.size() >= MAX_TOKENS) {
                verified.values().removeIf(kept -> !now.isBefore(kept.getExpiresAt()));
                if (verified.size() >= MAX_TOKENS) {
                    verified.clear();
                }
            }
            verified.put(token, jwt);
        }
        return jwt;
    }

    int size() {
        return verified.size();
    }
}
