package nl.notaris.portal.dossier.events;

/**
 * What one part of this service does with the events it reads (the work queue, Home, the activity
 * trail). Each handles every event type it knows and passes over the others; each effect must hold
 * when the same event comes again, because a record whose handling fails in any part is handled again
 * by every part ({@link ServiceEventsListener}).
 */
public interface ConsumedEventHandler {

    void handle(ConsumedEvent event);
}
