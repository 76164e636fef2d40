package nl.notaris.portal.gateway.sessions;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;

/**
 * The sign-in and the tokens of a session, decoded once per stored form instead of on every request
 * (Java deserialisation of the OIDC user and the tokens was a tenth of the gateway's CPU). Keyed on the
 * stored bytes themselves, so a session changed by another replica is decoded anew. Each request gets
 * its own container (security context, map of tokens), since Spring changes those in place; what they
 * hold (the authentication, the tokens) is not changed after it is made.
 */
final class DecodedAttributes {

    private final int capacity;
    private final Function<byte[], Object> decoder;
    private final Map<ByteBuffer, Object> decoded;

    DecodedAttributes(int capacity, Function<byte[], Object> decoder) {
        this.capacity = capacity;
        this.decoder = decoder;
        this.decoded = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Object> eldest) {
                return size() > DecodedAttributes.this.capacity;
            }
        };
    }

    Object decode(byte[] bytes) {
        ByteBuffer key = ByteBuffer.wrap(bytes);
        Object value;
        synchronized (decoded) {
            value = decoded.get(key);
        }
        if (value == null) {
            value = decoder.apply(bytes);
            if (!shareable(value)) {
                return value;
            }
            synchronized (decoded) {
                decoded.put(key, value);
            }
        }
        return ownCopy(value);
    }

    private static boolean shareable(Object value) {
        return value instanceof SecurityContext
                || value instanceof Map<?, ?> map && map.values().stream().allMatch(OAuth2AuthorizedClient.class::isInstance);
    }

    private static Object ownCopy(Object value) {
        return value instanceof SecurityContext context ? new SecurityContextImpl(context.getAuthentication())
                : new HashMap<>((Map<?, ?>) value);
    }
}
