package nl.notaris.portal.keycloak.twofactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * How often text messages may be sent: to one account at most once per {@link #MIN_INTERVAL} and at
 * most {@value #MAX_PER_WINDOW} per {@link #WINDOW}, whatever the purpose (sign-in, setting up, switching
 * off) and in however many browsers; to one number at most {@value #MAX_PER_WINDOW} per
 * {@link #WINDOW}, whichever accounts ask; and from the whole realm at most a configured number per
 * minute (texts cost money).
 *
 * <p>Each send takes <em>slots</em> in a {@link Slots} store whose take is atomic (Keycloak's
 * cluster-wide single-use objects: put-if-absent): the account's interval slot, one of its
 * {@value #MAX_PER_WINDOW} hourly slots, one of the number's, one of the minute's. A slot frees itself
 * when its time is up. Checking and counting are one step, so parallel requests cannot all pass a check
 * before any of them is counted; a send that fails gives its slots back.
 */
public final class SmsSendLimit {

    public static final Duration MIN_INTERVAL = Duration.ofSeconds(30);
    public static final Duration WINDOW = Duration.ofHours(1);
    public static final int MAX_PER_WINDOW = 5;
    public static final int DEFAULT_MAX_PER_MINUTE = 30;
    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** Named slots that are taken atomically and free themselves after their lifespan. */
    public interface Slots {
        /** Takes the slot if nobody holds it, remembering when; {@code false} when it is held. */
        boolean take(String key, Duration lifespan, Instant now);

        /** When a held slot was taken; empty when it is free or the time is not (yet) known. */
        Optional<Instant> takenAt(String key);

        void free(String key);
    }

    public sealed interface Decision permits Allowed, TooSoon, TooMany, Busy {
    }

    /** The text may be sent; {@link #giveBack()} if it was not. */
    public record Allowed(Runnable giveBack) implements Decision {
    }

    /** The account's last message is less than {@link #MIN_INTERVAL} old; wait this many seconds. */
    public record TooSoon(long seconds) implements Decision {
    }

    /** {@value #MAX_PER_WINDOW} messages in the last hour to the account or the number; one is free again in this many minutes. */
    public record TooMany(long minutes) implements Decision {
    }

    /** The realm's cap per minute is reached. */
    public record Busy() implements Decision {
    }

    private final Clock clock;
    private final Slots slots;
    private final int maxPerMinute;

    public SmsSendLimit(Clock clock, Slots slots, int maxPerMinute) {
        this.clock = clock;
        this.slots = slots;
        this.maxPerMinute = maxPerMinute;
    }

    /** Takes the slots of one text to {@code e164Number} for {@code userId}, or says why not. */
    public Decision reserve(String userId, String e164Number) {
        Instant now = clock.instant();
        List<String> taken = new ArrayList<>();
        String interval = "portal-sms:account:" + userId + ":next";
        if (!take(interval, MIN_INTERVAL, now, taken)) {
            return new TooSoon(slots.takenAt(interval)
                    .map(at -> ceilDiv(Duration.between(now, at.plus(MIN_INTERVAL)).toMillis(), 1000))
                    .orElse(MIN_INTERVAL.toSeconds()));
        }
        for (String owner : List.of("account:" + userId, "number:" + hashed(e164Number))) {
            if (!takeOneOf("portal-sms:" + owner + ":", MAX_PER_WINDOW, WINDOW, now, taken)) {
                giveBack(taken);
                return new TooMany(minutesUntilASlotFrees("portal-sms:" + owner + ":", now));
            }
        }
        long minute = now.getEpochSecond() / 60;
        if (!takeOneOf("portal-sms:realm:" + minute + ":", maxPerMinute, MINUTE.multipliedBy(2), now, taken)) {
            giveBack(taken);
            return new Busy();
        }
        return new Allowed(() -> giveBack(taken));
    }

    private boolean take(String key, Duration lifespan, Instant now, List<String> taken) {
        if (slots.take(key, lifespan, now)) {
            taken.add(key);
            return true;
        }
        return false;
    }

    private boolean takeOneOf(String prefix, int count, Duration lifespan, Instant now, List<String> taken) {
        for (int i = 0; i < count; i++) {
            if (take(prefix + i, lifespan, now, taken)) {
                return true;
            }
        }
        return false;
    }

    private long minutesUntilASlotFrees(String prefix, Instant now) {
        Instant firstFree = null;
        for (int i = 0; i < MAX_PER_WINDOW; i++) {
            Instant free = slots.takenAt(prefix + i).map(at -> at.plus(WINDOW)).orElse(now.plus(WINDOW));
            firstFree = firstFree == null || free.isBefore(firstFree) ? free : firstFree;
        }
        return ceilDiv(Duration.between(now, firstFree).toSeconds(), 60);
    }

    private void giveBack(List<String> taken) {
        taken.forEach(slots::free);
    }

    /** Numbers are personal data: the store's keys hold a hash of them. */
    private static String hashed(String e164Number) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(e164Number.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long ceilDiv(long value, long divisor) {
        return Math.max(1, -Math.floorDiv(-value, divisor));
    }
}
