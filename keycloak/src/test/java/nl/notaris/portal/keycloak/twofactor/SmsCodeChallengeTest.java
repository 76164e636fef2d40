package nl.notaris.portal.keycloak.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.notaris.portal.keycloak.twofactor.SmsCodeChallenge.Check;
import nl.notaris.portal.keycloak.twofactor.SmsCodeChallenge.Outcome;

import org.junit.jupiter.api.Test;

class SmsCodeChallengeTest {

    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final String NUMBER = "+31612345678";

    /** A SecureRandom that hands out the given ints (and zero bytes), and counts what it was asked. */
    static final class ScriptedRandom extends SecureRandom {
        private final List<Integer> ints;
        final List<Integer> bounds = new ArrayList<>();

        ScriptedRandom(Integer... ints) {
            this.ints = new ArrayList<>(List.of(ints));
        }

        @Override
        public int nextInt(int bound) {
            bounds.add(bound);
            return ints.remove(0);
        }

        @Override
        public void nextBytes(byte[] bytes) {
        }
    }

    @Test
    void aCodeIsSixDigitsDrawnFromAMillionWithLeadingZeros() {
        ScriptedRandom random = new ScriptedRandom(42, 999_999, 0);

        assertThat(SmsCodeChallenge.newCode(random)).isEqualTo("000042");
        assertThat(SmsCodeChallenge.newCode(random)).isEqualTo("999999");
        assertThat(SmsCodeChallenge.newCode(random)).isEqualTo("000000");
        assertThat(random.bounds).containsOnly(1_000_000);
    }

    @Test
    void codesAreUniform() throws Exception {
        // a seeded generator: the same draws every run, so the statistical bounds below cannot fail by chance
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(20261205L);
        int draws = 200_000;
        int[] firstDigit = new int[10];
        int[] lastDigit = new int[10];
        Set<String> distinct = new HashSet<>();
        for (int i = 0; i < draws; i++) {
            String code = SmsCodeChallenge.newCode(random);
            assertThat(code).matches("\\d{6}");
            firstDigit[code.charAt(0) - '0']++;
            lastDigit[code.charAt(5) - '0']++;
            distinct.add(code);
        }
        // Chi-square with 9 degrees of freedom: 27.88 is the 0.1% critical value.
        assertThat(chiSquare(firstDigit, draws)).isLessThan(27.88);
        assertThat(chiSquare(lastDigit, draws)).isLessThan(27.88);
        // Birthday bound: 200,000 draws from a million give about 181,000 distinct codes.
        assertThat(distinct.size()).isBetween(178_000, 184_000);
    }

    private static double chiSquare(int[] counts, int draws) {
        double expected = draws / 10.0;
        double sum = 0;
        for (int count : counts) {
            sum += (count - expected) * (count - expected) / expected;
        }
        return sum;
    }

    @Test
    void theChallengeKeepsAHashNeverTheCode() {
        SmsCodeChallenge.Issued issued = SmsCodeChallenge.issue(NUMBER, new SecureRandom(), NOW);

        Map<String, String> notes = issued.challenge().toNotes();
        assertThat(notes).containsOnlyKeys(SmsCodeChallenge.NOTE_NAMES);
        assertThat(notes.values()).noneMatch(value -> value.contains(issued.code()));
        assertThat(notes).containsEntry("number", NUMBER).containsEntry("wrong", "0")
                .containsEntry("expires", Long.toString(NOW.plus(Duration.ofMinutes(5)).toEpochMilli()));
    }

    @Test
    void theRightCodeIsAcceptedOnceWithOrWithoutSpaces() {
        SmsCodeChallenge.Issued issued = SmsCodeChallenge.issue(NUMBER, new SecureRandom(), NOW);
        String spaced = issued.code().substring(0, 3) + " " + issued.code().substring(3);

        Check check = issued.challenge().check(spaced, NOW.plusSeconds(10));

        assertThat(check.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(check.after()).as("single use: nothing left to keep").isNull();
    }

    @Test
    void validForFiveMinutes() {
        SmsCodeChallenge.Issued issued = SmsCodeChallenge.issue(NUMBER, new SecureRandom(), NOW);

        assertThat(issued.challenge().check(issued.code(), NOW.plus(Duration.ofMinutes(5)).minusMillis(1)).outcome())
                .isEqualTo(Outcome.ACCEPTED);
        Check late = issued.challenge().check(issued.code(), NOW.plus(Duration.ofMinutes(5)));
        assertThat(late.outcome()).isEqualTo(Outcome.EXPIRED);
        assertThat(late.wrongTry()).isFalse();
        assertThat(issued.challenge().usable(NOW.plus(Duration.ofMinutes(5)))).isFalse();
    }

    @Test
    void fiveWrongTriesLockTheCodeEvenForTheRightOne() {
        SmsCodeChallenge.Issued issued = SmsCodeChallenge.issue(NUMBER, new ScriptedRandom(123_456), NOW);
        SmsCodeChallenge challenge = issued.challenge();

        List<Integer> triesLeft = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Check check = challenge.check("000000", NOW);
            assertThat(check.outcome()).isEqualTo(Outcome.WRONG);
            assertThat(check.wrongTry()).isTrue();
            triesLeft.add(check.triesLeft());
            challenge = check.after();
        }
        assertThat(triesLeft).containsExactly(4, 3, 2, 1);

        Check fifth = challenge.check("000000", NOW);
        assertThat(fifth.outcome()).isEqualTo(Outcome.LOCKED);
        assertThat(fifth.wrongTry()).isTrue();
        challenge = fifth.after();
        assertThat(challenge.locked()).isTrue();
        assertThat(challenge.usable(NOW)).isFalse();

        Check right = challenge.check("123456", NOW);
        assertThat(right.outcome()).isEqualTo(Outcome.LOCKED);
        assertThat(right.wrongTry()).as("a locked code counts no more tries").isFalse();
    }

    @Test
    void somethingThatIsNotSixDigitsIsNotCountedAsATry() {
        SmsCodeChallenge challenge = SmsCodeChallenge.issue(NUMBER, new SecureRandom(), NOW).challenge();

        for (String typed : new String[] {null, "", "12345", "1234567", "12a456"}) {
            Check check = challenge.check(typed, NOW);
            assertThat(check.outcome()).isEqualTo(Outcome.MALFORMED);
            assertThat(check.after().wrongTries()).isZero();
        }
    }

    @Test
    void theNotesRoundTripAndGarbageIsNoChallenge() {
        SmsCodeChallenge.Issued issued = SmsCodeChallenge.issue(NUMBER, new SecureRandom(), NOW);
        SmsCodeChallenge wrongOnce = issued.challenge().check("000000".equals(issued.code()) ? "111111" : "000000", NOW)
                .after();

        SmsCodeChallenge read = SmsCodeChallenge.fromNotes(wrongOnce.toNotes()).orElseThrow();

        assertThat(read.wrongTries()).isEqualTo(1);
        assertThat(read.number()).isEqualTo(NUMBER);
        assertThat(read.check(issued.code(), NOW).outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(SmsCodeChallenge.fromNotes(Map.of())).isEmpty();
        assertThat(SmsCodeChallenge.fromNotes(Map.of("number", NUMBER, "salt", "x", "hash", "y", "expires", "soon",
                "wrong", "0"))).isEmpty();
    }
}
