package nl.notaris.portal.messaging.message;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import nl.notaris.portal.messaging.attachment.Attachment;

/**
 * A message as a client sees it in the list ({@code body} only when opened). {@code read} is the
 * caller's own read state; {@code readByOfficeAt} the office's receipt of the client's message;
 * {@code requestId} the progress step whose document request a client's message answers (else null).
 */
public record MessageView(String id, String dossierId, Direction direction, String subject,
        @JsonInclude(JsonInclude.Include.NON_NULL) String body,
        Instant sentAt, String senderName, String inReplyTo, String requestId, boolean read, Instant readByOfficeAt,
        List<Attachment> attachments) {

    static MessageView listed(Message m, boolean read) {
        return new MessageView(m.getId(), m.getDossierId(), m.getDirection(), m.getSubject(), null, m.getSentAt(),
                m.getSenderName(), m.getInReplyTo(), m.getRequestId(), read, m.getReadByOfficeAt(), m.getAttachments());
    }

    static MessageView opened(Message m) {
        return new MessageView(m.getId(), m.getDossierId(), m.getDirection(), m.getSubject(), m.getBody(),
                m.getSentAt(), m.getSenderName(), m.getInReplyTo(), m.getRequestId(), true, m.getReadByOfficeAt(),
                m.getAttachments());
    }

    /** A message as the office sees it: with its body, both read receipts and the request it answers. */
    public record Staff(String id, String dossierId, Direction direction, String subject, String body,
            Instant sentAt, String senderName, String senderAccountId, String inReplyTo, String requestId,
            Instant readByClientAt, Instant readByOfficeAt, List<Attachment> attachments) {

        static Staff of(Message m) {
            return new Staff(m.getId(), m.getDossierId(), m.getDirection(), m.getSubject(), m.getBody(),
                    m.getSentAt(), m.getSenderName(), m.getSenderAccountId(), m.getInReplyTo(), m.getRequestId(),
                    m.getReadByClientAt(), m.getReadByOfficeAt(), m.getAttachments());
        }
    }

    /** The Berichten tab's numbers (DOS-5): all messages, and the office's messages the caller has not opened. */
    public record Counts(long total, long unread) {
    }
}
