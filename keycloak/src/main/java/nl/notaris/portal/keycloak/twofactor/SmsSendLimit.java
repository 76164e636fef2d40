package nl.notaris.portal.keycloak.twofactor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * How often an account may be sent a code: at most once per {@link #MIN_INTERVAL} and at most
 * {@value #MAX_PER_WINDOW} text messages per {@link #WINDOW}, whatever the purpose (sign-in, setting up,
 * switching off) and in however many browsers. The times of the account's recent messages are kept in
 * a {@link SentTimes} store.
 */
public final class SmsSendLimit {

    public static final Duration MIN_INTERVAL = Duration.ofSeconds(30);
    public static final Duration WINDOW = Duration.ofHours(1);
    public static final int MAX_PER_WINDOW = 5;

    /** The times text messages were sent to an account, kept at least {@link #WINDOW}. */
    public interface SentTimes {
        List<Instant> load(String userId);

        void save(String userId, List<Instant> times);
    }

    public sealed interface Decision permits Allowed, TooSoon, TooMany {
    }

    public record Allowed() implements Decision {
    }

    /** The last message is less than {@link #MIN_INTERVAL} old; wait this many seconds. */
    public record TooSoon(long seconds) implements Decision {
    }

    /** {@value #MAX_PER_WINDOW} messages in the last hour; the oldest leaves the window in this many minutes. */
    public record TooMany(long minutes) implements Decision {
    }

    private final Clock clock;
    private final SentTimes store;

    public SmsSendLimit(Clock clock, SentTimes store) {
        this.clock = clock;
        this.store = store;
    }

    public Decision check(String userId) {
        Instant now = clock.instant();
        List<Instant> recent = recent(store.load(userId), now);
        if (recent.size() >= MAX_PER_WINDOW) {
            Instant free = recent.get(recent.size() - MAX_PER_WINDOW).plus(WINDOW);
            return new TooMany(ceilDiv(Duration.between(now, free).toSeconds(), 60));
        }
        if (!recent.isEmpty()) {
            Instant next = recent.get(recent.size() - 1).plus(MIN_INTERVAL);
            if (now.isBefore(next)) {
                return new TooSoon(ceilDiv(Duration.between(now, next).toMillis(), 1000));
            }
        }
        return new Allowed();
    }

    /** Counts a message that was sent now. */
    public void recordSent(String userId) {
        Instant now = clock.instant();
        List<Instant> times = new ArrayList<>(recent(store.load(userId), now));
        times.add(now);
        store.save(userId, times);
    }

    private static List<Instant> recent(List<Instant> times, Instant now) {
        Instant windowStart = now.minus(WINDOW);
        return times.stream().filter(t -> t.isAfter(windowStart)).sorted().toList();
    }

    private static long ceilDiv(long value, long divisor) {
        return Math.max(1, -Math.floorDiv(-value, divisor));
    }
}
