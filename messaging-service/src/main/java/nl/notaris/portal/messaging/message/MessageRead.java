package nl.notaris.portal.messaging.message;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import nl.notaris.portal.support.events.PendingEvent;

/**
 * That an account opened one of the office's messages (MSG-2): read state is per account, from the
 * first time it opened it. The marker is made once, with its {@code portal.message.read} event in
 * {@code pendingEvents} ({@link #COLLECTION} is an outbox), so the receipt and its event are one write.
 */
@Document(MessageRead.COLLECTION)
@CompoundIndex(name = "dossier_reader", def = "{'dossierId': 1, 'accountId': 1}")
record MessageRead(@Id String id, String messageId, String dossierId, String accountId, Instant readAt,
        List<PendingEvent> pendingEvents) {

    static final String COLLECTION = "message_reads";

    static MessageRead of(Message message, String accountId, Instant now, PendingEvent event) {
        return new MessageRead(message.getId() + ":" + accountId, message.getId(), message.getDossierId(), accountId,
                now, List.of(event));
    }
}
