package nl.notaris.portal.keycloak.twofactor;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Recovery codes ("herstelcodes"): {@value #LENGTH} characters from an alphabet without look-alikes
 * (no 0/O, 1/I), shown in groups of four ({@code XXXX-XXXX-XXXX-XXXX}, 80 random bits), typed in any
 * case with or without dashes and spaces.
 *
 * <p>Only a PBKDF2-HMAC-SHA256 hash is kept, with a random salt per code and
 * {@value #DEFAULT_ITERATIONS} iterations (OWASP's figure for PBKDF2-SHA256); the iteration count is
 * stored with the hash so it can be raised later without invalidating existing codes.
 */
public final class RecoveryCodes {

    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public static final int LENGTH = 16;
    public static final int GROUP = 4;
    public static final String ALGORITHM = "pbkdf2-sha256";
    public static final int DEFAULT_ITERATIONS = 600_000;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;

    private RecoveryCodes() {
    }

    /** The stored form of a code: never the code itself. */
    public record Hash(String algorithm, int iterations, String salt, String value) {
    }

    /** A new code, grouped: {@code XXXX-XXXX-XXXX-XXXX}. */
    public static String generate(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH + LENGTH / GROUP);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % GROUP == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** How a screen reader should read {@code A2B3-...}: character by character, a pause between groups. */
    public static String spoken(String groupedCode) {
        StringBuilder spoken = new StringBuilder();
        for (String group : groupedCode.split("-")) {
            if (spoken.length() > 0) {
                spoken.append(", ");
            }
            spoken.append(String.join(" ", group.split("")));
        }
        return spoken.toString();
    }

    /** The code as typed, upper case without dashes and spaces; empty when it cannot be a code. */
    public static Optional<String> normalise(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String code = typed.replaceAll("[\\s\\-\u2010-\u2015]", "").toUpperCase(Locale.ROOT);
        if (code.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < code.length(); i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(code);
    }

    public static Hash hash(String code, SecureRandom random) {
        return hash(code, random, DEFAULT_ITERATIONS);
    }

    public static Hash hash(String code, SecureRandom random, int iterations) {
        String normalised = normalise(code).orElseThrow(() -> new IllegalArgumentException("not a recovery code"));
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return new Hash(ALGORITHM, iterations, Base64.getEncoder().encodeToString(salt),
                Base64.getEncoder().encodeToString(pbkdf2(normalised, salt, iterations)));
    }

    /** Whether {@code typed} is the code of {@code stored}; compared in constant time. */
    public static boolean matches(String typed, Hash stored) {
        if (stored == null || !ALGORITHM.equals(stored.algorithm()) || stored.iterations() < 1) {
            return false;
        }
        Optional<String> code = normalise(typed);
        if (code.isEmpty()) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(stored.value());
        byte[] actual = pbkdf2(code.get(), Base64.getDecoder().decode(stored.salt()), stored.iterations());
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] pbkdf2(String code, byte[] salt, int iterations) {
        char[] chars = code.toCharArray();
        PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } finally {
            spec.clearPassword();
            Arrays.fill(chars, '\0');
        }
    }
}
