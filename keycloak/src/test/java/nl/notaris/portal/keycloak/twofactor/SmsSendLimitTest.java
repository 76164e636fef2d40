package nl.notaris.portal.keycloak.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import nl.notaris.portal.keycloak.twofactor.SmsSendLimit.Allowed;
import nl.notaris.portal.keycloak.twofactor.SmsSendLimit.Busy;
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

    /** Slots as Keycloak's store keeps them: taken atomically, gone when their time is up. */
    static final class MemorySlots implements SmsSendLimit.Slots {
        record Slot(Instant takenAt, Instant until) {
        }

        final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
        private final Clock clock;

        MemorySlots(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean take(String key, Duration lifespan, Instant now) {
            Slot taken = new Slot(now, now.plus(lifespan));
            Slot result = slots.compute(key, (k, held) -> held == null || !held.until().isAfter(clock.instant()) ? taken : held);
            return result == taken;
        }

        @Override
        public Optional<Instant> takenAt(String key) {
            return Optional.ofNullable(slots.get(key)).filter(s -> s.until().isAfter(clock.instant())).map(Slot::takenAt);
        }

        @Override
        public void free(String key) {
            slots.remove(key);
        }

        long held() {
            return slots.values().stream().filter(s -> s.until().isAfter(clock.instant())).count();
        }
    }

    private TestClock clock;
    private MemorySlots slots;
    private SmsSendLimit limit;

    @BeforeEach
    void setUp() {
        clock = new TestClock();
        slots = new MemorySlots(clock);
        limit = new SmsSendLimit(clock, slots, 30);
    }

    private void send(String user, String number) {
        assertThat(limit.reserve(user, number)).isInstanceOf(Allowed.class);
    }

    private void send() {
        send("anna", "+31611111111");
    }

    @Test
    void atMostOneMessagePerThirtySeconds() {
        send();

        clock.advance(Duration.ofSeconds(1));
        assertThat(limit.reserve("anna", "+31611111111")).isEqualTo(new TooSoon(29));
        assertThat(limit.reserve("anna", "+31622222222")).as("another number, same account").isEqualTo(new TooSoon(29));
        clock.advance(Duration.ofMillis(28_500));
        assertThat(limit.reserve("anna", "+31611111111")).as("rounded up").isEqualTo(new TooSoon(1));
        clock.advance(Duration.ofMillis(500));
        send();
    }

    @Test
    void atMostFiveMessagesPerHourPerAccount() {
        for (int i = 0; i < 5; i++) {
            send("anna", "+3161111111" + i);
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(limit.reserve("anna", "+31619999999")).isEqualTo(new TooMany(55));
        send("piet", "+31619999999");

        // The first message leaves the window 60 minutes after it was sent.
        clock.advance(Duration.ofMinutes(54).plusSeconds(59));
        assertThat(limit.reserve("anna", "+31619999998")).isEqualTo(new TooMany(1));
        clock.advance(Duration.ofSeconds(1));
        send("anna", "+31619999998");
        clock.advance(Duration.ofSeconds(30));
        assertThat(limit.reserve("anna", "+31619999997")).as("still five in the last hour").isEqualTo(new TooMany(1));
    }

    @Test
    void atMostFiveMessagesPerHourToOneNumberWhicheverAccountsAsk() {
        for (int i = 0; i < 5; i++) {
            send("account-" + i, "+31611111111");
        }
        assertThat(limit.reserve("account-5", "+31611111111")).isEqualTo(new TooMany(60));
        send("account-5", "+31622222222");
        assertThat(slots.slots.keySet()).as("no number in the store's keys").noneMatch(key -> key.contains("3161"));
    }

    @Test
    void atMostTheConfiguredNumberPerMinuteInTheWholeRealm() {
        limit = new SmsSendLimit(clock, slots, 3);
        for (int i = 0; i < 3; i++) {
            send("account-" + i, "+3161111111" + i);
        }
        assertThat(limit.reserve("account-3", "+31611111113")).isEqualTo(new Busy());
        clock.advance(Duration.ofMinutes(1));
        send("account-3", "+31611111113");
    }

    @Test
    void aRefusedOrFailedSendCountsNothing() {
        send();
        long held = slots.held();
        for (int i = 0; i < 10; i++) {
            assertThat(limit.reserve("anna", "+31611111111")).isInstanceOf(TooSoon.class);
        }
        assertThat(slots.held()).isEqualTo(held);

        var allowed = (Allowed) limit.reserve("piet", "+31622222222");
        allowed.giveBack().run();
        assertThat(slots.held()).as("a text that was not sent gives its slots back").isEqualTo(held);
        send("piet", "+31622222222");
    }

    /** The attack of issue 18: many sign-in or set-up pages post at once; one text goes out. */
    @Test
    void parallelRequestsOfOneAccountSendOneText() throws Exception {
        int requests = 16;
        var start = new CountDownLatch(1);
        var allowed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < requests; i++) {
                String number = "+316" + (20000000 + i); // a different number each, as in the attack
                done.add(pool.submit(() -> {
                    start.await();
                    if (limit.reserve("anna", number) instanceof Allowed) {
                        allowed.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(allowed).hasValue(1);
    }
}
