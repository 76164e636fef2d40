package nl.notaris.portal.gateway.sessions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.session.Session;

/**
 * A browser session as {@link SessionStore} keeps it: attributes are read from their stored form only
 * when a request asks for them, and the store learns which attributes a request changed, so it writes
 * those and nothing else.
 */
final class StoredSession implements Session {

    private final Clock clock;
    private String id;
    /** The id under which the session is stored; null until it is stored the first time. */
    private String storedId;
    private final Instant creationTime;
    private Instant lastAccessedTime;
    /** The last access time as stored; the store writes a newer one at most once a minute. */
    private Instant storedLastAccessedTime;
    private Duration maxInactiveInterval;
    private final Map<String, byte[]> stored;
    private final Function<byte[], Object> decoder;
    private final Map<String, Object> values = new HashMap<>();
    private final Set<String> changed = new HashSet<>();
    private boolean maxInactiveIntervalChanged;

    /** A new session, not stored yet. */
    StoredSession(Clock clock, Duration maxInactiveInterval) {
        this(clock, UUID.randomUUID().toString(), null, clock.instant(), clock.instant(), maxInactiveInterval, Map.of(),
                bytes -> null);
    }

    /** A session read from the store. */
    StoredSession(Clock clock, String id, Instant creationTime, Instant lastAccessedTime, Duration maxInactiveInterval,
            Map<String, byte[]> stored, Function<byte[], Object> decoder) {
        this(clock, id, id, creationTime, lastAccessedTime, maxInactiveInterval, stored, decoder);
    }

    private StoredSession(Clock clock, String id, String storedId, Instant creationTime, Instant lastAccessedTime,
            Duration maxInactiveInterval, Map<String, byte[]> stored, Function<byte[], Object> decoder) {
        this.clock = clock;
        this.id = id;
        this.storedId = storedId;
        this.creationTime = creationTime;
        this.lastAccessedTime = lastAccessedTime;
        this.storedLastAccessedTime = lastAccessedTime;
        this.maxInactiveInterval = maxInactiveInterval;
        this.stored = new HashMap<>(stored);
        this.decoder = decoder;
    }

    @Override
    public String getId() {
        return id;
    }

    @Override
    public String changeSessionId() {
        id = UUID.randomUUID().toString();
        return id;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getAttribute(String name) {
        if (!values.containsKey(name) && stored.containsKey(name)) {
            values.put(name, decoder.apply(stored.get(name)));
        }
        return (T) values.get(name);
    }

    @Override
    public Set<String> getAttributeNames() {
        Set<String> names = new HashSet<>(stored.keySet());
        values.forEach((name, value) -> {
            if (value == null) {
                names.remove(name);
            } else {
                names.add(name);
            }
        });
        return names;
    }

    @Override
    public void setAttribute(String name, Object value) {
        values.put(name, value);
        changed.add(name);
    }

    @Override
    public void removeAttribute(String name) {
        setAttribute(name, null);
    }

    @Override
    public Instant getCreationTime() {
        return creationTime;
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
        this.lastAccessedTime = lastAccessedTime;
    }

    @Override
    public Instant getLastAccessedTime() {
        return lastAccessedTime;
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
        maxInactiveIntervalChanged |= !interval.equals(maxInactiveInterval);
        this.maxInactiveInterval = interval;
    }

    @Override
    public Duration getMaxInactiveInterval() {
        return maxInactiveInterval;
    }

    @Override
    public boolean isExpired() {
        return isExpired(clock.instant());
    }

    boolean isExpired(Instant now) {
        return !maxInactiveInterval.isNegative() && !now.isBefore(lastAccessedTime.plus(maxInactiveInterval));
    }

    String storedId() {
        return storedId;
    }

    boolean isNew() {
        return storedId == null;
    }

    boolean idChanged() {
        return storedId != null && !storedId.equals(id);
    }

    /** Attributes set or removed since the session was read or last stored (null: removed). */
    Map<String, Object> changes() {
        Map<String, Object> changes = new HashMap<>();
        changed.forEach(name -> changes.put(name, values.get(name)));
        return changes;
    }

    /** Every attribute that can be read, for storing the session under a new id. */
    Map<String, Object> attributes() {
        Map<String, Object> all = new HashMap<>();
        for (String name : getAttributeNames()) {
            Object value = getAttribute(name);
            if (value != null) {
                all.put(name, value);
            }
        }
        return all;
    }

    boolean needsWrite(Duration lastAccessPrecision) {
        return !changed.isEmpty() || maxInactiveIntervalChanged
                || !lastAccessedTime.isBefore(storedLastAccessedTime.plus(lastAccessPrecision));
    }

    Instant expiresAt() {
        return lastAccessedTime.plus(maxInactiveInterval);
    }

    /** The store wrote the session as it is now. */
    void stored() {
        storedId = id;
        storedLastAccessedTime = lastAccessedTime;
        changed.clear();
        maxInactiveIntervalChanged = false;
    }
}
