package nl.notaris.portal.messaging.message;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import nl.notaris.portal.messaging.attachment.Attachment;

/**
 * A message as a client sees it in the list ({@code body} only when opened). {@code read} is the
 * caller's own read state; {@code readByOfficeAt} the office's receipt of the client's message;
 * {@code requestId} the progress step whose document request a client's message answers (else null);
 * {@code senderRole} who wrote it: the office, a client, or a client's adviser (ADV-1).
 */
public record MessageView(String id, String dossierId, Direction direction, String subject,
        @JsonInclude(JsonInclude.Include.NON_NULL) String body,
        Instant sentAt, String senderName, SenderRole senderRole, String inReplyTo, String requestId, boolean read,
        Instant readByOfficeAt, List<Attachment> attachments) {

    static MessageView listed(Message m, boolean read) {
        return new MessageView(m.getId(), m.getDossierId(), m.getDirection(), m.getSubject(), null, m.getSentAt(),
                m.getSenderName(), m.getSenderRole(), m.getInReplyTo(), m.getRequestId(), read, m.getReadByOfficeAt(),
                m.getAttachments());
    }

    static MessageView opened(Message m) {
        return new MessageView(m.getId(), m.getDossierId(), m.getDirection(), m.getSubject(), m.getBody(),
                m.getSentAt(), m.getSenderName(), m.getSenderRole(), m.getInReplyTo(), m.getRequestId(), true,
                m.getReadByOfficeAt(), m.getAttachments());
    }

    /**
     * A message as the office sees it: with its body, both read receipts, the request it answers, and
     * {@code senderRole}: an adviser's message (ADV-1) is not the client's.
     */
    public record Staff(String id, String dossierId, Direction direction, String subject, String body,
            Instant sentAt, String senderName, String senderAccountId, SenderRole senderRole, String inReplyTo,
            String requestId, Instant readByClientAt, Instant readByOfficeAt, List<Attachment> attachments) {

        static Staff of(Message m) {
            return new Staff(m.getId(), m.getDossierId(), m.getDirection(), m.getSubject(), m.getBody(),
                    m.getSentAt(), m.getSenderName(), m.getSenderAccountId(), m.getSenderRole(), m.getInReplyTo(),
                    m.getRequestId(), m.getReadByClientAt(), m.getReadByOfficeAt(), m.getAttachments());
        }
    }

    /** The Berichten tab's numbers (DOS-5): all messages, and the office's messages the caller has not opened. */
    public record Counts(long total, long unread) {
    }
}
