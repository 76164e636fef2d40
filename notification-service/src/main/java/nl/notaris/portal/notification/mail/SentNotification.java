package nl.notaris.portal.notification.mail;

import java.time.Instant;
import java.util.Locale;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * That the e-mail for one event went to one recipient (NOT-3). The id, {@code <eventId>:<email>},
 * is unique: it is checked before sending and recorded after a successful send.
 */
@Document("sent_notifications")
public record SentNotification(@Id String id, String eventId, String accountId, Instant sentAt) {

    public static String idOf(String eventId, String email) {
        return eventId + ":" + email.trim().toLowerCase(Locale.ROOT);
    }
}
