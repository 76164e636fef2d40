package nl.notaris.portal.messaging.message;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import nl.notaris.portal.messaging.events.MessageTopics;
import nl.notaris.portal.support.events.CloudEventFactory;
import nl.notaris.portal.support.events.PendingEvent;

/**
 * The events of messages, for document-service (which files the attachments), notification-service
 * (which mails the parties a link) and the office's tools. No subject, no body, no file names.
 */
@Component
class MessageEvents {

    static final String SENT_BY_OFFICE = "portal.message.sent-by-office";
    static final String SENT_BY_CLIENT = "portal.message.sent-by-client";

    private final CloudEventFactory events;

    MessageEvents(CloudEventFactory events) {
        this.events = events;
    }

    PendingEvent sent(Message message) {
        return events.create(MessageTopics.TOPIC, message.getDossierId(),
                message.isFromOffice() ? SENT_BY_OFFICE : SENT_BY_CLIENT, "messages/" + message.getId(),
                new Sent(message.getId(), message.getDossierId(), message.getSenderAccountId(), message.getInReplyTo(),
                        message.getSentAt(),
                        message.getAttachments().stream().map(a -> new AttachmentRef(a.documentId())).toList()));
    }

    record Sent(String messageId, String dossierId, String senderAccountId, String inReplyTo, Instant sentAt,
            List<AttachmentRef> attachments) {
    }

    record AttachmentRef(String documentId) {
    }
}
