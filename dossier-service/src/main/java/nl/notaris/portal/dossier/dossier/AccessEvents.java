package nl.notaris.portal.dossier.dossier;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.stereotype.Component;

import nl.notaris.portal.dossier.events.DossierTopics;
import nl.notaris.portal.support.access.AccessGrant;
import nl.notaris.portal.support.events.CloudEventFactory;
import nl.notaris.portal.support.events.PendingEvent;

/**
 * The events of grants on {@code portal.access.v1} (key: the dossier id), each recorded in the write of
 * the dossier that holds the grant: given (for the adviser's e-mail), revoked and used (for the
 * activity trail). Contracts: {@code contracts/events/portal.access.*.schema.json}.
 */
@Component
public class AccessEvents {

    public static final String GRANTED = "portal.access.granted";
    public static final String REVOKED = "portal.access.revoked";
    public static final String USED = "portal.access.used";

    /** Who revoked a grant: the office (staff) or a client of the dossier. */
    public enum Side {
        OFFICE, CLIENT
    }

    private final CloudEventFactory events;

    AccessEvents(CloudEventFactory events) {
        this.events = events;
    }

    /**
     * {@code newAccount}: the adviser's account was made for this grant (its invitation tells of the
     * dossier); {@code language}: the adviser's, when known (that of an invited account), else null.
     */
    public PendingEvent granted(Dossier dossier, Grant grant, boolean newAccount, String language) {
        return create(dossier, grant, GRANTED, new Granted(grant.id(), dossier.getId(), dossier.getNumber(),
                grant.accountId(), grant.email(), grant.name(), grant.scope(), grant.until(), grant.expiresAt(),
                grant.grantedByAccountId(), grant.grantedByName(), newAccount, language));
    }

    /** The grant as revoked: its {@code revokedAt} and {@code revokedByName}. */
    public PendingEvent revoked(Dossier dossier, Grant grant, Side bySide) {
        return create(dossier, grant, REVOKED, new Revoked(grant.id(), dossier.getId(), grant.accountId(),
                grant.revokedByName(), bySide, grant.revokedAt()));
    }

    public PendingEvent used(Dossier dossier, Grant grant, Instant at) {
        return create(dossier, grant, USED, new Used(grant.id(), dossier.getId(), grant.accountId(), at));
    }

    private PendingEvent create(Dossier dossier, Grant grant, String type, Object data) {
        return events.create(DossierTopics.ACCESS, dossier.getId(), type, "grants/" + grant.id(), data);
    }

    record Granted(String grantId, String dossierId, String dossierNumber, String accountId, String email, String name,
            AccessGrant.Scope scope, LocalDate until, Instant expiresAt, String grantedByAccountId,
            String grantedByName, boolean newAccount, String language) {
    }

    record Revoked(String grantId, String dossierId, String accountId, String byName, Side bySide, Instant at) {
    }

    record Used(String grantId, String dossierId, String accountId, Instant at) {
    }
}
