package nl.notaris.portal.support.access;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import nl.notaris.portal.support.security.Caller;

/**
 * Access to one dossier that a client gave someone outside the office (an adviser, ADV-1): to one
 * account, to read (documents and progress) or to read and deliver (also send messages with
 * attachments), until {@code expiresAt}. A revoked grant is not carried at all; an expired one may
 * still be, and is worth nothing from its end on: expiry is decided at the time of the call.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccessGrant(String grantId, String accountId, Scope scope, Instant expiresAt) {

    public enum Scope {
        READ, READ_DELIVER
    }

    public boolean isHeldBy(Caller caller, Instant now) {
        return accountId.equals(caller.accountId()) && now.isBefore(expiresAt);
    }

    public boolean allowsDelivery() {
        return scope == Scope.READ_DELIVER;
    }
}
