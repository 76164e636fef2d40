package nl.notaris.portal.support.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import nl.notaris.portal.support.events.CloudEventFactory;
import nl.notaris.portal.support.events.PendingEvent;
import nl.notaris.portal.support.security.Caller;

/**
 * Records what staff do: one {@code portal.staff.action-recorded} event per action that changed
 * something, on {@link #TOPIC}. A service adds the event to the pending events of the aggregate the
 * action changes, so that the change and its record are one write (the outbox relays it) and cannot
 * part. Who comes from the caller's access token, when from the service's clock.
 */
public class StaffActions {

    /** The topic of the records; the services that write them declare it with their other topics. */
    public static final String TOPIC = "portal.staff-actions.v1";
    public static final String TYPE = "portal.staff.action-recorded";

    private final CloudEventFactory events;
    private final Clock clock;

    public StaffActions(CloudEventFactory events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** The record of {@code action} by {@code actor}, now; the actor must be staff (a client's action is no staff action). */
    public PendingEvent recorded(Caller actor, StaffAction action) {
        if (actor == null || !actor.isStaff()) {
            throw new IllegalArgumentException("Only a staff caller's action is recorded as a staff action");
        }
        String actionId = UUID.randomUUID().toString();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return events.create(actionId, TOPIC, action.key(), TYPE, action.objectType().subjectOf(action.objectId()),
                new Recorded(actionId, action.kind().name(), actor.accountId(), blankToNull(actor.name()),
                        action.dossierId(), action.objectType().name(), action.objectId(), now, action.changes(),
                        action.status(), action.partiesAdded(), action.partiesRemoved()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /**
     * The contract's data. Absent values are left out, except {@code dossierId}: it is always there,
     * null for an action outside a dossier, so a reader sees at once which kind of record it has.
     */
    record Recorded(String actionId, String action, String actorId, String actorName,
            @JsonInclude(JsonInclude.Include.ALWAYS) String dossierId, String objectType, String objectId,
            Instant occurredAt, List<String> changes, String status, List<String> partiesAdded,
            List<String> partiesRemoved) {
    }
}
