package nl.notaris.portal.keycloak.twofactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The code of one text message: 6 digits from a {@link SecureRandom}, valid {@link #VALIDITY}, single
 * use, locked after {@value #MAX_WRONG_TRIES} wrong tries.
 *
 * <p>Kept in the authentication session's notes as a salted SHA-256 hash with its number, expiry and
 * wrong-try count, never the code itself. A 6-digit hash can be reversed by trying all million codes,
 * so the hash only keeps the code out of sight in the session store; what protects the code is that it
 * is single use, short-lived and locked after a few tries.
 */
public final class SmsCodeChallenge {

    public static final Duration VALIDITY = Duration.ofMinutes(5);
    public static final int MAX_WRONG_TRIES = 5;
    public static final int DIGITS = 6;

    static final String NUMBER = "number";
    static final String SALT = "salt";
    static final String HASH = "hash";
    static final String EXPIRES = "expires";
    static final String WRONG = "wrong";
    /** The names of {@link #toNotes()}. */
    public static final List<String> NOTE_NAMES = List.of(NUMBER, SALT, HASH, EXPIRES, WRONG);

    private final String number;
    private final String salt;
    private final String hash;
    private final Instant expiresAt;
    private final int wrongTries;

    private SmsCodeChallenge(String number, String salt, String hash, Instant expiresAt, int wrongTries) {
        this.number = number;
        this.salt = salt;
        this.hash = hash;
        this.expiresAt = expiresAt;
        this.wrongTries = wrongTries;
    }

    /** A challenge and the code to send; only the challenge is kept. */
    public record Issued(SmsCodeChallenge challenge, String code) {
    }

    public enum Outcome {
        /** Right code: the challenge is used up. */
        ACCEPTED,
        /** Wrong code, {@link Check#triesLeft()} tries left. */
        WRONG,
        /** Too many wrong tries (also the try that made it so): a new code is needed. */
        LOCKED,
        /** Older than {@link #VALIDITY}: a new code is needed. */
        EXPIRED,
        /** Not 6 digits: not counted as a try. */
        MALFORMED
    }

    /**
     * @param after the challenge to keep; {@code null} after {@link Outcome#ACCEPTED}
     * @param wrongTry whether this try was a wrong code (also the one that locked it)
     */
    public record Check(Outcome outcome, int triesLeft, SmsCodeChallenge after, boolean wrongTry) {
    }

    /** A uniformly random code of {@value #DIGITS} digits, leading zeros included. */
    public static String newCode(SecureRandom random) {
        return String.format("%06d", random.nextInt(1_000_000));
    }

    public static Issued issue(String e164Number, SecureRandom random, Instant now) {
        String code = newCode(random);
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String saltText = Base64.getEncoder().encodeToString(salt);
        return new Issued(new SmsCodeChallenge(e164Number, saltText, hash(saltText, code), now.plus(VALIDITY), 0), code);
    }

    public Check check(String input, Instant now) {
        if (locked()) {
            return new Check(Outcome.LOCKED, 0, this, false);
        }
        if (expired(now)) {
            return new Check(Outcome.EXPIRED, 0, this, false);
        }
        String typed = input == null ? "" : input.replaceAll("\\s", "");
        if (!typed.matches("\\d{" + DIGITS + "}")) {
            return new Check(Outcome.MALFORMED, MAX_WRONG_TRIES - wrongTries, this, false);
        }
        boolean right = MessageDigest.isEqual(hash(salt, typed).getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII));
        if (right) {
            return new Check(Outcome.ACCEPTED, 0, null, false);
        }
        SmsCodeChallenge after = new SmsCodeChallenge(number, salt, hash, expiresAt, wrongTries + 1);
        return after.locked()
                ? new Check(Outcome.LOCKED, 0, after, true)
                : new Check(Outcome.WRONG, MAX_WRONG_TRIES - after.wrongTries, after, true);
    }

    /** Whether the code can still be typed: neither expired nor locked. */
    public boolean usable(Instant now) {
        return !locked() && !expired(now);
    }

    public boolean locked() {
        return wrongTries >= MAX_WRONG_TRIES;
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public String number() {
        return number;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public int wrongTries() {
        return wrongTries;
    }

    /** The notes to keep (names without prefix). */
    public Map<String, String> toNotes() {
        Map<String, String> notes = new HashMap<>();
        notes.put(NUMBER, number);
        notes.put(SALT, salt);
        notes.put(HASH, hash);
        notes.put(EXPIRES, Long.toString(expiresAt.toEpochMilli()));
        notes.put(WRONG, Integer.toString(wrongTries));
        return notes;
    }

    /** The challenge kept in {@code notes}, if any (and readable). */
    public static Optional<SmsCodeChallenge> fromNotes(Map<String, String> notes) {
        try {
            String number = notes.get(NUMBER);
            String salt = notes.get(SALT);
            String hash = notes.get(HASH);
            if (number == null || salt == null || hash == null) {
                return Optional.empty();
            }
            return Optional.of(new SmsCodeChallenge(number, salt, hash,
                    Instant.ofEpochMilli(Long.parseLong(notes.get(EXPIRES))), Integer.parseInt(notes.get(WRONG))));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static String hash(String salt, String code) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(Base64.getDecoder().decode(salt));
            return Base64.getEncoder().encodeToString(digest.digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
