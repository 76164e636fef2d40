package nl.notaris.portal.support.events;

/**
 * Declares a MongoDB collection whose documents carry a {@code pendingEvents} array of
 * {@link PendingEvent}s; the {@link OutboxRelay} publishes them.
 */
public record OutboxCollection(String name) {
}
