package nl.notaris.portal.messaging.message;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import nl.notaris.portal.messaging.attachment.Attachment;
import nl.notaris.portal.messaging.attachment.AttachmentLimits;
import nl.notaris.portal.support.access.DossierAccess;
import nl.notaris.portal.support.access.DossierAccessReplica;
import nl.notaris.portal.support.audit.StaffAction;
import nl.notaris.portal.support.audit.StaffActions;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.uploads.DocumentServiceUploads;
import nl.notaris.portal.support.uploads.DocumentServiceUploads.Upload;
import nl.notaris.portal.support.web.InvalidRequestException;
import nl.notaris.portal.support.web.NotFoundException;
import nl.notaris.portal.support.web.ProblemException;

/**
 * Messages between the office and a dossier's parties (MSG-1..6, STF-4). An adviser whose grant on the
 * dossier lasts (ADV-1) sees only its own messages and, when the grant allows delivering, writes new
 * ones with files; the messages of the client and of the office stay theirs (404, as if absent).
 */
@Service
public class MessageService {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "sentAt");

    private final MongoTemplate mongo;
    private final DossierAccessReplica access;
    private final DocumentServiceUploads uploads;
    private final AttachmentLimits limits;
    private final MessageEvents events;
    private final StaffActions staffActions;
    private final Clock clock;
    private final String officeName;

    MessageService(MongoTemplate mongo, DossierAccessReplica access, DocumentServiceUploads uploads,
            AttachmentLimits limits, MessageEvents events, StaffActions staffActions, Clock clock,
            @Value("${portal.office-name:Notariskantoor}") String officeName) {
        this.mongo = mongo;
        this.access = access;
        this.uploads = uploads;
        this.limits = limits;
        this.events = events;
        this.staffActions = staffActions;
        this.clock = clock;
        this.officeName = officeName;
    }

    /** A client writes to the office (MSG-3, MSG-4), delivering its uploads as attachments (MSG-5, DOC-5). */
    public Message sendByClient(Caller caller, String dossierId, String subject, String body, String inReplyTo,
            List<String> uploadIds) {
        return sendByClient(caller, dossierId, subject, body, inReplyTo, null, uploadIds);
    }

    /**
     * As {@link #sendByClient(Caller, String, String, String, String, List)}, answering a progress step's
     * document request ({@code requestId}, checked for its form and that files come with it by the
     * controller): the id is stored and carried in the sent event; dossier-service owns the requests and
     * passes over one it does not know, so it is not looked up here. An adviser whose grant allows
     * delivering writes as {@link SenderRole#ADVISER}: a reply only to its own messages, and never an
     * answer to the client's requests (those it does not see).
     */
    public Message sendByClient(Caller caller, String dossierId, String subject, String body, String inReplyTo,
            String requestId, List<String> uploadIds) {
        if (!caller.hasRole("client")) {
            throw new AccessDeniedException("Only clients write as a party; the office uses the staff API.");
        }
        SenderRole role = access.requireDelivering(dossierId, caller).isVisibleTo(caller) ? SenderRole.CLIENT
                : SenderRole.ADVISER;
        if (role == SenderRole.ADVISER && requestId != null) {
            throw new InvalidRequestException("requestId", "The client's document requests are answered by the client; "
                    + "send the files without requestId.");
        }
        checkReplyTo(dossierId, inReplyTo, role == SenderRole.ADVISER ? caller.accountId() : null);
        List<Attachment> attachments = new ArrayList<>();
        for (String uploadId : distinctWithinLimit(uploadIds, "uploads")) {
            Upload upload = uploads.find(uploadId).filter(u -> dossierId.equals(u.dossierId()))
                    .orElseThrow(() -> uploadNotFound(uploadId));
            if (!upload.isComplete()) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, "uploads", "'" + upload.fileName()
                        + "' has not finished uploading.", "upload.unfinished", Map.of("file", upload.fileName()));
            }
            attachments.add(Attachment.of(upload));
        }
        return save(Message.send(role, dossierId, subject, body, inReplyTo, requestId, caller.accountId(),
                caller.name(), attachments, clock.instant()), caller);
    }

    /** The office writes to a dossier's parties, with files (STF-4). */
    public Message sendByOffice(Caller staff, String dossierId, String subject, String body, String inReplyTo,
            List<MultipartFile> files) {
        access.require(dossierId, staff);
        checkReplyTo(dossierId, inReplyTo, null);
        List<MultipartFile> present = files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
        if (present.size() > limits.maxAttachments()) {
            throw tooMany("files");
        }
        // streamed on from this service's temporary file, never held in memory; document-service finds the type
        List<Attachment> attachments = present.stream().map(file -> Attachment.of(uploads.store(dossierId,
                file.getOriginalFilename() == null ? "document" : file.getOriginalFilename(),
                MediaType.APPLICATION_OCTET_STREAM, file.getResource()))).toList();
        return save(Message.send(SenderRole.OFFICE, dossierId, subject, body, inReplyTo, null, staff.accountId(),
                officeName, attachments, clock.instant()), staff);
    }

    /** The dossier's messages for a party; for an adviser whose grant lasts, only the adviser's own. */
    public Page<MessageView> list(Caller caller, String dossierId, Pageable pageable) {
        Query inDossier = query(readable(access.requireReading(dossierId, caller), caller));
        long total = mongo.count(inDossier, Message.class);
        List<Message> messages = mongo.find(Query.of(inDossier).with(pageable).with(NEWEST_FIRST), Message.class);
        Set<String> read = readMessageIds(dossierId, caller.accountId());
        return new PageImpl<>(messages.stream()
                .map(m -> MessageView.listed(m, !m.isFromOffice() || read.contains(m.getId()))).toList(), pageable, total);
    }

    /** The Berichten tab's numbers, of the messages {@link #list} gives the caller (none of the office's for an adviser). */
    public MessageView.Counts counts(Caller caller, String dossierId) {
        DossierAccess dossier = access.requireReading(dossierId, caller);
        if (!dossier.isVisibleTo(caller)) {
            return new MessageView.Counts(mongo.count(query(readable(dossier, caller)), Message.class), 0);
        }
        Query fromOffice = query(where("dossierId").is(dossierId).and("direction").is(Direction.INCOMING));
        fromOffice.fields().include("_id");
        Set<String> read = readMessageIds(dossierId, caller.accountId());
        long unread = mongo.find(fromOffice, org.bson.Document.class, "messages").stream()
                .filter(m -> !read.contains(m.get("_id").toString())).count();
        return new MessageView.Counts(mongo.count(query(where("dossierId").is(dossierId)), Message.class), unread);
    }

    /**
     * Opens a message; for a client opening the office's message that marks it read (MSG-2) and is the
     * office's receipt. The first time an account opens it, its read marker is made with the
     * {@code portal.message.read} event (CLIENT) in one write; opening it again changes and publishes
     * nothing (the marker keeps the first moment).
     */
    public Message open(Caller caller, String messageId) {
        Message message = visible(caller, messageId);
        if (message.isFromOffice() && !caller.isStaff()) {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            try {
                mongo.insert(MessageRead.of(message, caller.accountId(), now,
                        events.readByClient(message, caller.accountId(), now)));
            } catch (DuplicateKeyException openedBefore) {
                // this account read it before: no new receipt
            }
            mongo.updateFirst(query(where("_id").is(messageId).and("readByClientAt").is(null)),
                    new Update().set("readByClientAt", now), Message.class);
        }
        return message;
    }

    public Page<MessageView.Staff> listForStaff(Caller staff, String dossierId, Pageable pageable) {
        access.require(dossierId, staff);
        Query inDossier = query(where("dossierId").is(dossierId));
        long total = mongo.count(inDossier, Message.class);
        return new PageImpl<>(mongo.find(Query.of(inDossier).with(pageable).with(NEWEST_FIRST), Message.class)
                .stream().map(MessageView.Staff::of).toList(), pageable, total);
    }

    /**
     * The office marks a client's message read: the client sees the receipt. The first time, the
     * receipt and its {@code portal.message.read} event (OFFICE, by the staff member) are one write on
     * the message (its outbox); marking it again keeps the first time and publishes nothing.
     */
    public Message markReadByOffice(Caller staff, String messageId) {
        Message message = visible(staff, messageId);
        if (message.isFromOffice()) {
            throw new InvalidRequestException("messageId", "This is the office's own message; mark a client's message read.");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        mongo.updateFirst(query(where("_id").is(messageId).and("readByOfficeAt").is(null)),
                new Update().set("readByOfficeAt", now).push("pendingEvents", events.readByOffice(message, staff, now)),
                Message.class);
        return mongo.findById(messageId, Message.class);
    }

    /**
     * The message when the caller may see it: staff and the dossier's parties any of its messages, an
     * adviser whose grant lasts only its own; otherwise 404, as if it did not exist.
     */
    private Message visible(Caller caller, String messageId) {
        Message message = mongo.findById(messageId, Message.class);
        if (message == null) {
            throw notFound(messageId);
        }
        if (access.find(message.getDossierId()).filter(a -> a.isVisibleTo(caller)).isPresent()) {
            return message;
        }
        if (!caller.accountId().equals(message.getSenderAccountId())) {
            throw notFound(messageId);
        }
        try {
            access.requireReading(message.getDossierId(), caller);
        } catch (NotFoundException e) {
            throw notFound(messageId);
        }
        return message;
    }

    /** The dossier's messages the caller may see: all for staff and parties, its own for an adviser (ADV-1). */
    private static Criteria readable(DossierAccess dossier, Caller caller) {
        Criteria inDossier = where("dossierId").is(dossier.dossierId());
        return dossier.isVisibleTo(caller) ? inDossier : inDossier.and("senderAccountId").is(caller.accountId());
    }

    /**
     * An upload that a message names but that is gone (expired or removed) or not the sender's: 400
     * {@code message.upload-not-found}, its id in {@code upload}.
     */
    private static ProblemException uploadNotFound(String uploadId) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "uploads", "Upload " + uploadId + " was not found.",
                "message.upload-not-found", Map.of("upload", uploadId));
    }

    private static NotFoundException notFound(String messageId) {
        return new NotFoundException("Message " + messageId + " was not found.");
    }

    /**
     * The uploads become the message's before the message exists, so none can be removed under it.
     * The office's message is saved with the record of the staff member's action; a client's has none.
     */
    private Message save(Message message, Caller sender) {
        for (Attachment attachment : message.getAttachments()) {
            if (!uploads.markSent(attachment.documentId(), message.getId())) {
                throw uploadNotFound(attachment.documentId());
            }
        }
        message.record(events.sent(message));
        if (message.isFromOffice()) {
            message.record(staffActions.recorded(sender, StaffAction.messageSent(message.getDossierId(),
                    message.getId())));
        }
        return mongo.insert(message);
    }

    /**
     * A reply answers a message of the dossier; an adviser's only one of its own ({@code ownMessagesOf}),
     * the others being unknown to it, so they are answered alike.
     */
    private void checkReplyTo(String dossierId, String inReplyTo, String ownMessagesOf) {
        Criteria repliedTo = where("_id").is(inReplyTo).and("dossierId").is(dossierId);
        if (ownMessagesOf != null) {
            repliedTo = repliedTo.and("senderAccountId").is(ownMessagesOf);
        }
        if (inReplyTo != null && !mongo.exists(query(repliedTo), Message.class)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "inReplyTo",
                    "The message replied to is not a message of this dossier.", "message.reply-to-unknown", Map.of());
        }
    }

    private List<String> distinctWithinLimit(List<String> ids, String field) {
        List<String> distinct = ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids));
        if (distinct.size() > limits.maxAttachments()) {
            throw tooMany(field);
        }
        return distinct;
    }

    /** 413 {@code upload.too-many-files} with {@code max}. */
    private ProblemException tooMany(String field) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, field, "A message can carry at most "
                + limits.maxAttachments() + " files.", "upload.too-many-files",
                Map.of("max", String.valueOf(limits.maxAttachments())));
    }

    private Set<String> readMessageIds(String dossierId, String accountId) {
        return mongo.find(query(where("dossierId").is(dossierId).and("accountId").is(accountId)), MessageRead.class)
                .stream().map(MessageRead::messageId).collect(Collectors.toSet());
    }
}
