package nl.notaris.portal.dossier.dossier;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;

import nl.notaris.portal.support.access.AccessGrant;

/**
 * Access to this dossier that one of its clients gave someone outside the office (an adviser, ADV-1):
 * one account, to read or to read and deliver ({@code scope}), until the end of {@code until}
 * (Europe/Amsterdam: {@code expiresAt} is the start of the next day, {@link GrantPeriod}). Kept in the
 * dossier's document; a revoked or expired grant stays there, for the client's list and the office's.
 * {@code email} and {@code name} are what the client typed: the e-mail address stays with the grant,
 * never in an event but the granted one, nor in the trail.
 *
 * @param lastUsedAt when the adviser last used it, kept at most once a minute ({@link #lastUseOutdatedAt})
 * @param useRecordedAt when its use was last recorded (trail and {@code portal.access.used}), at most once an hour
 */
public record Grant(String id, String accountId, String email, String name, AccessGrant.Scope scope, LocalDate until,
        Instant expiresAt, Instant grantedAt, String grantedByAccountId, String grantedByName, Instant lastUsedAt,
        Instant useRecordedAt, Instant revokedAt, String revokedByName) {

    /** How often the moment of last use is written at most. */
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);
    /** How often a use is recorded (trail, event) at most. */
    static final Duration USE_RECORDED_EVERY = Duration.ofHours(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    public enum State {
        ACTIVE, EXPIRED, REVOKED
    }

    static Grant create(String accountId, String email, String name, AccessGrant.Scope scope, LocalDate until,
            String grantedByAccountId, String grantedByName, Instant now) {
        return new Grant(newId(), accountId, email, name, scope, until, GrantPeriod.endOf(until), now,
                grantedByAccountId, grantedByName, null, null, null, null);
    }

    /** {@code g-} and 12 hex digits. */
    static String newId() {
        byte[] random = new byte[6];
        RANDOM.nextBytes(random);
        return "g-" + HexFormat.of().formatHex(random);
    }

    /** Whether the grant gives access at {@code now}: not revoked, and its end not reached. */
    public boolean isLiveAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    public State stateAt(Instant now) {
        return revokedAt != null ? State.REVOKED : now.isBefore(expiresAt) ? State.ACTIVE : State.EXPIRED;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    Grant shortenedTo(LocalDate newUntil) {
        return new Grant(id, accountId, email, name, scope, newUntil, GrantPeriod.endOf(newUntil), grantedAt,
                grantedByAccountId, grantedByName, lastUsedAt, useRecordedAt, revokedAt, revokedByName);
    }

    Grant revoked(String byName, Instant at) {
        return new Grant(id, accountId, email, name, scope, until, expiresAt, grantedAt, grantedByAccountId,
                grantedByName, lastUsedAt, useRecordedAt, at, byName);
    }

    /** Whether a use at {@code now} is to be written as the last use (none yet, or the last one over a minute ago). */
    boolean lastUseOutdatedAt(Instant now) {
        return lastUsedAt == null || !now.isBefore(lastUsedAt.plus(LAST_USE_PRECISION));
    }

    /** Whether a use at {@code now} is to be recorded (none yet, or the last recorded one an hour ago or longer). */
    boolean useToBeRecordedAt(Instant now) {
        return useRecordedAt == null || !now.isBefore(useRecordedAt.plus(USE_RECORDED_EVERY));
    }

    /** The grant as the access rule of every service knows it (events, the internal access answer). */
    public AccessGrant toAccessGrant() {
        return new AccessGrant(id, accountId, scope, expiresAt);
    }
}
