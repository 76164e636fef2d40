package nl.notaris.portal.messaging.message;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonInclude;

import nl.notaris.portal.messaging.events.MessageTopics;
import nl.notaris.portal.support.events.CloudEventFactory;
import nl.notaris.portal.support.events.PendingEvent;
import nl.notaris.portal.support.security.Caller;

/**
 * The events of messages, for document-service (which files the attachments), notification-service
 * (which mails the parties a link), the office's tools and dossier-service's home feed and activity
 * trail (the read receipts). No subject, no body, no file names, no client's name.
 */
@Component
class MessageEvents {

    static final String SENT_BY_OFFICE = "portal.message.sent-by-office";
    static final String SENT_BY_CLIENT = "portal.message.sent-by-client";
    static final String READ = "portal.message.read";

    private final CloudEventFactory events;

    MessageEvents(CloudEventFactory events) {
        this.events = events;
    }

    PendingEvent sent(Message message) {
        return events.create(MessageTopics.TOPIC, message.getDossierId(),
                message.isFromOffice() ? SENT_BY_OFFICE : SENT_BY_CLIENT, "messages/" + message.getId(),
                new Sent(message.getId(), message.getDossierId(), message.getSenderAccountId(),
                        message.isFromOffice() ? null : message.getSenderRole(), message.getInReplyTo(),
                        message.getRequestId(), message.getSentAt(),
                        message.getAttachments().stream().map(a -> new AttachmentRef(a.documentId())).toList()));
    }

    /** A client account opened the office's message for the first time: its receipt, without its name. */
    PendingEvent readByClient(Message message, String accountId, Instant readAt) {
        return read(message, ReaderSide.CLIENT, accountId, null, readAt);
    }

    /** The office marked a client's message read for the first time, by {@code staff} (its name from the token). */
    PendingEvent readByOffice(Message message, Caller staff, Instant readAt) {
        String name = staff.name() == null || staff.name().isBlank() ? null : staff.name();
        return read(message, ReaderSide.OFFICE, staff.accountId(), name, readAt);
    }

    private PendingEvent read(Message message, ReaderSide side, String accountId, String readerName, Instant readAt) {
        return events.create(MessageTopics.TOPIC, message.getDossierId(), READ, "messages/" + message.getId(),
                new Read(message.getId(), message.getDossierId(), side, accountId, readerName, readAt));
    }

    /**
     * {@code senderRole} only on a message to the office: CLIENT, or ADVISER for a client's adviser (ADV-1);
     * {@code requestId} only on a client's message that answers a document request; absent otherwise.
     */
    record Sent(String messageId, String dossierId, String senderAccountId, SenderRole senderRole, String inReplyTo,
            String requestId, Instant sentAt, List<AttachmentRef> attachments) {
    }

    enum ReaderSide {
        CLIENT, OFFICE
    }

    /** {@code readerName} is always there: null for a client (no client's name travels), or a token without one. */
    record Read(String messageId, String dossierId, ReaderSide readerSide, String accountId,
            @JsonInclude(JsonInclude.Include.ALWAYS) String readerName, Instant readAt) {
    }

    record AttachmentRef(String documentId) {
    }
}
