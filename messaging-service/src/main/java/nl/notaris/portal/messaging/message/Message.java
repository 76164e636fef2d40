package nl.notaris.portal.messaging.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.types.ObjectId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import nl.notaris.portal.messaging.attachment.Attachment;
import nl.notaris.portal.support.events.PendingEvent;

/**
 * A message of a dossier, from the office to its parties or from a client (or a client's adviser,
 * ADV-1) to the office. It records
 * its own event, so the message and the event are one write. The read receipts are the first time a
 * party read the office's message, and the time the office marked a client's message read.
 */
@Document("messages")
@CompoundIndex(name = "dossier_newest", def = "{'dossierId': 1, 'sentAt': -1}")
public class Message {

    @Id
    private String id;
    private String dossierId;
    private Direction direction;
    private String subject;
    private String body;
    private String inReplyTo;
    /** A client's message that delivers what a progress step asked for: that step's id (dossier-service's). */
    private String requestId;
    private String senderAccountId;
    private String senderName;
    /** Not set on messages from before advisers: those are the office's or a client's, as their direction says. */
    private SenderRole senderRole;
    private Instant sentAt;
    private List<Attachment> attachments = new ArrayList<>();
    private Instant readByClientAt;
    private Instant readByOfficeAt;
    private List<PendingEvent> pendingEvents = new ArrayList<>();
    @Version
    private Long version;

    protected Message() {
    }

    /** A message written in {@code role}: the office's comes in to the client, a client's or an adviser's goes out. */
    static Message send(SenderRole role, String dossierId, String subject, String body, String inReplyTo,
            String requestId, String senderAccountId, String senderName, List<Attachment> attachments, Instant now) {
        Message message = new Message();
        message.id = new ObjectId().toHexString();
        message.dossierId = dossierId;
        message.direction = role == SenderRole.OFFICE ? Direction.INCOMING : Direction.OUTGOING;
        message.senderRole = role;
        message.subject = subject.strip();
        message.body = body.strip();
        message.inReplyTo = inReplyTo;
        message.requestId = requestId;
        message.senderAccountId = senderAccountId;
        message.senderName = senderName;
        message.sentAt = now;
        message.attachments = new ArrayList<>(attachments);
        return message;
    }

    void record(PendingEvent event) {
        pendingEvents.add(event);
    }

    List<PendingEvent> getPendingEvents() {
        return List.copyOf(pendingEvents);
    }

    public boolean isFromOffice() {
        return direction == Direction.INCOMING;
    }

    public String getId() {
        return id;
    }

    public String getDossierId() {
        return dossierId;
    }

    public Direction getDirection() {
        return direction;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getInReplyTo() {
        return inReplyTo;
    }

    public String getRequestId() {
        return requestId;
    }

    public String getSenderAccountId() {
        return senderAccountId;
    }

    public String getSenderName() {
        return senderName;
    }

    public SenderRole getSenderRole() {
        if (senderRole != null) {
            return senderRole;
        }
        return isFromOffice() ? SenderRole.OFFICE : SenderRole.CLIENT;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public List<Attachment> getAttachments() {
        return List.copyOf(attachments);
    }

    public Instant getReadByClientAt() {
        return readByClientAt;
    }

    public Instant getReadByOfficeAt() {
        return readByOfficeAt;
    }
}
