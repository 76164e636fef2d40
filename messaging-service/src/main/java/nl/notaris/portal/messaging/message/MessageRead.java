package nl.notaris.portal.messaging.message;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/** That an account opened one of the office's messages (MSG-2): read state is per account. */
@Document("message_reads")
@CompoundIndex(name = "dossier_reader", def = "{'dossierId': 1, 'accountId': 1}")
record MessageRead(@Id String id, String messageId, String dossierId, String accountId, Instant readAt) {

    static MessageRead of(Message message, String accountId, Instant now) {
        return new MessageRead(message.getId() + ":" + accountId, message.getId(), message.getDossierId(), accountId, now);
    }
}
