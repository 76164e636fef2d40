package nl.notaris.portal.identity.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The link of e-mail #1 (ONB-1, ONB-2): a random token that leads to the page where the client types
 * the address. Only its hash is stored. It expires, and is used up once the right address was typed;
 * a newer invitation of the same account replaces it. {@code lastTriedAt} is when the page was last
 * used; the set-password e-mail (#2) that the right address asked for is due at
 * {@code passwordEmailDueAt} until {@link SetPasswordEmails} sent it ({@code passwordEmailSentAt}).
 */
@Document("invitations")
record Invitation(@Id String tokenHash, @Indexed String accountId, Instant createdAt, Instant expiresAt,
        Instant usedAt, int attempts, Instant lastTriedAt, @Indexed(sparse = true) Instant passwordEmailDueAt,
        Instant passwordEmailSentAt, Integer passwordEmailTries) {

    Invitation {
        // invitations stored before the set-password e-mail was sent in the background have no count
        passwordEmailTries = passwordEmailTries == null ? 0 : passwordEmailTries;
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    enum Status {
        VALID, EXPIRED, USED
    }

    static Invitation issued(String tokenHash, String accountId, Instant now, Instant expiresAt) {
        return new Invitation(tokenHash, accountId, now, expiresAt, null, 0, null, null, null, 0);
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Status status(Instant now) {
        if (usedAt != null) {
            return Status.USED;
        }
        return now.isBefore(expiresAt) ? Status.VALID : Status.EXPIRED;
    }
}
