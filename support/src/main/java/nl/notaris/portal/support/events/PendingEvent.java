package nl.notaris.portal.support.events;

import java.time.Instant;

/**
 * An event waiting to be published, stored inside the aggregate's own document so that the state
 * change and the event are one atomic write. {@code payload} is the complete CloudEvents-style JSON
 * envelope, published as is. {@code traceparent} is the trace of the request that caused the event
 * (W3C trace context, null outside a trace), continued when the relay publishes it.
 */
public record PendingEvent(String eventId, String topic, String key, String type, String payload, Instant createdAt,
        String traceparent) {
}
