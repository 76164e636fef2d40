package nl.notaris.portal.notification.recipients;

/**
 * An event names a dossier this service has not heard of: its dossier event may still be
 * on its way, so the event is retried and, when the dossier stays unknown, dead-lettered.
 */
public class DossierNotKnownYetException extends RuntimeException {

    DossierNotKnownYetException(String eventId, String dossierId) {
        super("Event " + eventId + " is for dossier " + dossierId + ", whose parties are not known (yet)");
    }
}
