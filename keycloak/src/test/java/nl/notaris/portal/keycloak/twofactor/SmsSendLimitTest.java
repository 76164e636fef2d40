package nl.notaris.portal.keycloak.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.notaris.portal.keycloak.twofactor.SmsSendLimit.Allowed;
import nl.notaris.portal.keycloak.twofactor.SmsSendLimit.TooMany;
import nl.notaris.portal.keycloak.twofactor.SmsSendLimit.TooSoon;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmsSendLimitTest {

    /** A clock the test moves. */
    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-03-02T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    static final class MemorySentTimes implements SmsSendLimit.SentTimes {
        final Map<String, List<Instant>> times = new HashMap<>();

        @Override
        public List<Instant> load(String userId) {
            return times.getOrDefault(userId, List.of());
        }

        @Override
        public void save(String userId, List<Instant> sent) {
            times.put(userId, List.copyOf(sent));
        }
    }

    private TestClock clock;
    private MemorySentTimes store;
    private SmsSendLimit limit;

    @BeforeEach
    void setUp() {
        clock = new TestClock();
        store = new MemorySentTimes();
        limit = new SmsSendLimit(clock, store);
    }

    private void send() {
        assertThat(limit.check("anna")).isEqualTo(new Allowed());
        limit.recordSent("anna");
    }

    @Test
    void atMostOneMessagePerThirtySeconds() {
        send();

        clock.advance(Duration.ofSeconds(1));
        assertThat(limit.check("anna")).isEqualTo(new TooSoon(29));
        clock.advance(Duration.ofMillis(28_500));
        assertThat(limit.check("anna")).as("rounded up").isEqualTo(new TooSoon(1));
        clock.advance(Duration.ofMillis(500));
        assertThat(limit.check("anna")).isEqualTo(new Allowed());
    }

    @Test
    void atMostFiveMessagesPerHourPerAccount() {
        for (int i = 0; i < 5; i++) {
            send();
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(limit.check("anna")).isEqualTo(new TooMany(55));
        assertThat(limit.check("piet")).as("another account").isEqualTo(new Allowed());

        // The first message leaves the window 60 minutes after it was sent.
        clock.advance(Duration.ofMinutes(54).plusSeconds(59));
        assertThat(limit.check("anna")).isEqualTo(new TooMany(1));
        clock.advance(Duration.ofSeconds(1));
        send();
        assertThat(limit.check("anna")).as("still five in the last hour").isEqualTo(new TooMany(1));
    }

    @Test
    void theStoreKeepsOnlyTheLastHour() {
        send();
        clock.advance(Duration.ofMinutes(61));
        send();

        assertThat(store.times.get("anna")).containsExactly(clock.now);
    }

    @Test
    void aCheckAloneCountsNothing() {
        for (int i = 0; i < 10; i++) {
            assertThat(limit.check("anna")).isEqualTo(new Allowed());
        }
        assertThat(store.times).isEmpty();
    }
}
