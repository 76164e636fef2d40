package nl.notaris.portal.document.document;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.data.mongodb.gridfs.GridFsUpload;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import nl.notaris.portal.document.file.FileType;
import nl.notaris.portal.document.file.FileTypes;
import nl.notaris.portal.document.file.StoredFiles;
import nl.notaris.portal.document.upload.Upload;
import nl.notaris.portal.document.upload.UploadService;
import nl.notaris.portal.support.access.DossierAccess;
import nl.notaris.portal.support.access.DossierAccessReplica;
import nl.notaris.portal.support.audit.StaffAction;
import nl.notaris.portal.support.audit.StaffActions;
import nl.notaris.portal.support.events.PendingEvent;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.InvalidRequestException;
import nl.notaris.portal.support.web.NotFoundException;
import nl.notaris.portal.support.web.ProblemException;

/**
 * Publishing documents to a dossier (STF-3), giving clients their documents (DOC-1..4), and filing
 * the files that came with a message (DOC-3, DOC-5, MSG-6).
 */
@Service
public class DocumentService {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "publishedAt");

    private final MongoTemplate mongo;
    private final GridFsTemplate gridFs;
    private final StoredFiles files;
    private final DossierAccessReplica access;
    private final UploadService uploads;
    private final DocumentEvents events;
    private final StaffActions staffActions;
    private final Clock clock;

    DocumentService(MongoTemplate mongo, GridFsTemplate gridFs, StoredFiles files, DossierAccessReplica access,
            UploadService uploads, DocumentEvents events, StaffActions staffActions, Clock clock) {
        this.mongo = mongo;
        this.gridFs = gridFs;
        this.files = files;
        this.access = access;
        this.uploads = uploads;
        this.events = events;
        this.staffActions = staffActions;
        this.clock = clock;
    }

    /** Streams the file into GridFS, then saves its metadata and the published event in one write. */
    public PublishedDocument publish(Caller staff, String dossierId, MultipartFile file, String title,
            Category category) {
        access.require(dossierId, staff);
        if (file == null || file.isEmpty()) {
            throw new InvalidRequestException("file", "The file is missing or empty.");
        }
        FileType type = FileTypes.detect(file::getInputStream);
        String fileName = type.accepted() ? type.downloadName(file.getOriginalFilename())
                : nl.notaris.portal.document.file.SafeFileName.of(file.getOriginalFilename());
        ObjectId contentId = new ObjectId();
        try (InputStream in = file.getInputStream()) {
            gridFs.store(GridFsUpload.fromStream(in).id(contentId).filename(fileName).contentType(type.servedAs())
                    .metadata(new Document("dossierId", dossierId)).build());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the uploaded file", e);
        }
        PublishedDocument document = new PublishedDocument(new ObjectId().toHexString(), dossierId, title.trim(),
                category, fileName, type.servedAs(), file.getSize(), contentId.toHexString(), clock.instant())
                .publishedBy(staff.accountId());
        recordPublished(document, staff);
        try {
            return mongo.insert(document);
        } catch (RuntimeException e) {
            gridFs.delete(query(where("_id").is(contentId)));
            throw e;
        }
    }

    /**
     * Publishes a complete upload of the staff member's own (tus or {@code POST /api/uploads}) as a
     * document: its type was checked on content and its name made safe when its last byte came in,
     * its size when it started. The document takes the upload's id and GridFS file (stored once); its
     * metadata and the published event are one write, as for a multipart publication. An upload is
     * published once: again is 409. An upload that is not the caller's (a client's, a colleague's),
     * unknown, unfinished or for another dossier is a 400 naming {@code uploadId}.
     */
    public PublishedDocument publishUpload(Caller staff, String dossierId, String uploadId, String title,
            Category category) {
        access.require(dossierId, staff);
        if (uploadId == null || uploadId.isBlank()) {
            throw new InvalidRequestException("uploadId", "uploadId is required: the id of your finished upload.");
        }
        Upload upload = uploads.findOwn(staff, uploadId).orElseThrow(() -> notOwnUpload(staff, uploadId));
        if (!upload.isComplete()) {
            throw new InvalidRequestException("uploadId", "'" + upload.fileName() + "' has not finished uploading ("
                    + upload.offset() + " of " + upload.length() + " bytes received); publish it once every byte is in.");
        }
        if (!upload.dossierId().equals(dossierId)) {
            throw new InvalidRequestException("uploadId", "'" + upload.fileName()
                    + "' was uploaded for another dossier; upload it for this dossier to publish it here.");
        }
        if (upload.isSent()) {
            throw conflict("'" + upload.fileName()
                    + "' was sent with a message; it cannot also be published as a document.");
        }
        Upload taken = uploads.take(upload).orElseThrow(() -> takenMeanwhile(upload));
        PublishedDocument document = PublishedDocument.fromUpload(taken.id(), dossierId, title.trim(), category,
                taken.fileName(), taken.contentType(), taken.length(), staff.accountId(), clock.instant());
        recordPublished(document, staff);
        try {
            return mongo.insert(document);
        } catch (DuplicateKeyException alreadyADocument) {
            throw alreadyPublished(uploadId);
        } catch (RuntimeException e) {
            uploads.putBack(taken);
            throw e;
        }
    }

    /** The published event and the record of the staff member's action, both saved with the document. */
    private void recordPublished(PublishedDocument document, Caller staff) {
        document.record(events.published(document));
        document.record(staffActions.recorded(staff, StaffAction.documentPublished(document.getDossierId(),
                document.getId())));
    }

    /** No upload of the caller's with this id: published already (409), or unknown or someone else's (400, alike). */
    private RuntimeException notOwnUpload(Caller staff, String uploadId) {
        PublishedDocument published = mongo.findById(uploadId, PublishedDocument.class);
        boolean publishedFromThisUpload = published != null && uploadId.equals(published.getContentId());
        if (publishedFromThisUpload && staff.accountId().equals(published.getPublishedBy())) {
            return alreadyPublished(uploadId);
        }
        return new InvalidRequestException("uploadId", "Upload " + uploadId
                + " is not one of your uploads: upload the file first (/api/uploads/tus), then publish its id.");
    }

    private RuntimeException takenMeanwhile(Upload upload) {
        if (mongo.findById(upload.id(), PublishedDocument.class) != null) {
            return alreadyPublished(upload.id());
        }
        return conflict("'" + upload.fileName()
                + "' was sent, removed or expired at the same moment; upload it again to publish it.");
    }

    private static ProblemException alreadyPublished(String uploadId) {
        return conflict("Upload " + uploadId + " was already published as document " + uploadId
                + "; an upload is published once.");
    }

    /** A 409 that names {@code uploadId}, like the 400s of publishing an upload. */
    private static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "uploadId", detail);
    }

    /**
     * A tab of the dossier's documents for a party, or for an adviser whose grant lasts (what the grant
     * shows: {@link GrantedDocuments}).
     */
    public Page<ClientDocument> list(Caller caller, String dossierId, Category category, Pageable pageable) {
        DossierAccess dossier = access.requireReading(dossierId, caller);
        Query query = query(GrantedDocuments.readableOf(where("dossierId").is(dossierId).and("category").is(category),
                dossier, caller));
        long total = mongo.count(query, PublishedDocument.class);
        List<PublishedDocument> documents = mongo.find(Query.of(query).with(pageable).with(NEWEST_FIRST),
                PublishedDocument.class);
        Set<String> read = readDocumentIds(dossierId, caller.accountId());
        return new PageImpl<>(documents.stream().map(d -> ClientDocument.of(d, read.contains(d.getId()))).toList(),
                pageable, total);
    }

    /**
     * A dossier's documents of one category as the office sees them: who opened each and when. The
     * reads of the whole page are one query ({@code document_readers} index).
     */
    public Page<StaffDocument> listForStaff(Caller staff, String dossierId, Category category, Pageable pageable) {
        access.require(dossierId, staff);
        Query query = query(where("dossierId").is(dossierId).and("category").is(category));
        long total = mongo.count(query, PublishedDocument.class);
        List<PublishedDocument> documents = mongo.find(Query.of(query).with(pageable).with(NEWEST_FIRST),
                PublishedDocument.class);
        Map<String, List<Reader>> readers = readersOf(documents.stream().map(PublishedDocument::getId).toList());
        return new PageImpl<>(documents.stream().map(d -> StaffDocument.of(d, staff.accountId(),
                readers.getOrDefault(d.getId(), List.of()))).toList(), pageable, total);
    }

    private Map<String, List<Reader>> readersOf(List<String> documentIds) {
        if (documentIds.isEmpty()) {
            return Map.of();
        }
        Query reads = query(where("documentId").in(documentIds));
        return mongo.find(reads, DocumentRead.class).stream().collect(Collectors.groupingBy(DocumentRead::documentId,
                Collectors.mapping(r -> new Reader(r.accountId(), r.readAt()), Collectors.toList())));
    }

    /** The tabs' numbers, of the documents {@link #list} gives the caller. */
    public Map<Category, TabCount> counts(Caller caller, String dossierId) {
        DossierAccess dossier = access.requireReading(dossierId, caller);
        Map<Category, TabCount> counts = new EnumMap<>(Category.class);
        for (Category category : Category.tabs()) {
            counts.put(category, new TabCount(0, 0));
        }
        Set<String> read = readDocumentIds(dossierId, caller.accountId());
        Query inDossier = query(GrantedDocuments.readableOf(
                where("dossierId").is(dossierId).and("category").in(Category.tabs()), dossier, caller));
        inDossier.fields().include("_id", "category");
        for (Document row : mongo.find(inDossier, Document.class, "documents")) {
            Category category = Category.valueOf(row.getString("category"));
            TabCount count = counts.get(category);
            boolean unread = !read.contains(row.get("_id").toString());
            counts.put(category, new TabCount(count.total() + 1, count.unread() + (unread ? 1 : 0)));
        }
        return counts;
    }

    /**
     * The document's content for a caller who may see its dossier; a client account opening it marks it
     * read and publishes {@code portal.document.opened} (every time; {@code first} the first time). Staff
     * may use this endpoint too, but the office looking at a document is not a read and publishes
     * nothing (as {@link #openForStaff}). An adviser may open what its live grant shows
     * ({@link GrantedDocuments}), checked at each request (a Range request too), so a revoked grant
     * stops a download that would resume; that is no read of the client's either (dossier-service
     * records the grant's use). The sender of a message may open an attachment that is not filed yet
     * (it is, moments later): an upload is no document yet, so that is no read either.
     */
    public Content open(Caller caller, String documentId) {
        PublishedDocument document = mongo.findById(documentId, PublishedDocument.class);
        if (document == null) {
            return uploads.openOwn(caller, documentId)
                    .map(own -> new Content(own.upload().fileName(), own.upload().contentType(), own.upload().length(),
                            own.content()))
                    .orElseThrow(() -> notFound(documentId));
        }
        DossierAccess dossier = readableDossierOf(document, caller);
        if (dossier.isVisibleTo(caller) && !caller.isStaff()) {
            markOpened(document, caller.accountId());
        }
        return new Content(document.getFileName(), document.getContentType(), document.getSize(),
                files.open(document.getContentId()));
    }

    /** The document's dossier when the caller may read the document; otherwise 404 for the document. */
    private DossierAccess readableDossierOf(PublishedDocument document, Caller caller) {
        DossierAccess dossier;
        try {
            dossier = access.requireReading(document.getDossierId(), caller);
        } catch (NotFoundException e) {
            throw notFound(document.getId());
        }
        if (!GrantedDocuments.readable(document, dossier, caller)) {
            throw notFound(document.getId());
        }
        return dossier;
    }

    /**
     * Any document's content for the office, whichever dossier it is in (404 for an unknown id).
     * The office looking at a document does not count as a read: {@code readBy} tells who of the
     * dossier opened it, and the client's read state stays the client's.
     */
    public Content openForStaff(Caller staff, String documentId) {
        if (!staff.isStaff()) {
            throw new AccessDeniedException("staff only");
        }
        PublishedDocument document = mongo.findById(documentId, PublishedDocument.class);
        if (document == null) {
            throw notFound(documentId);
        }
        return new Content(document.getFileName(), document.getContentType(), document.getSize(),
                files.open(document.getContentId()));
    }

    /**
     * Records that a client account opened the document, with its {@code portal.document.opened} event
     * in the same single-document write ({@code document_reads} is an outbox). An account that opened it
     * before gets an event with {@code first} false pushed onto its marker (one write, the usual case).
     * The first time, the marker is made (read from now on; opening it again keeps that moment) with an
     * event with {@code first} true; a marker made when the account's own delivery was filed
     * ({@code unopened}) is opened once, also {@code first}. Each step is one atomic write whose
     * condition decides {@code first}, so two first opens at the same moment make one first and one repeat.
     */
    private void markOpened(PublishedDocument document, String accountId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String id = DocumentRead.idOf(document.getId(), accountId);
        if (pushOpened(query(where("_id").is(id).and("unopened").ne(true)), new Update(),
                events.opened(document, accountId, now, false))) {
            return;
        }
        try {
            mongo.insert(DocumentRead.opened(document, accountId, now, events.opened(document, accountId, now, true)));
            return;
        } catch (DuplicateKeyException markedMeanwhile) {
            // the account's own delivery (unopened), or another open of the account a moment ago
        }
        if (!pushOpened(query(where("_id").is(id).and("unopened").is(true)), new Update().unset("unopened"),
                events.opened(document, accountId, now, true))) {
            pushOpened(query(where("_id").is(id)), new Update(), events.opened(document, accountId, now, false));
        }
    }

    /** Pushes {@code event} onto the read marker that {@code marker} finds, with {@code change}; whether one was found. */
    private boolean pushOpened(Query marker, Update change, PendingEvent event) {
        return mongo.updateFirst(marker, change.push("pendingEvents", event), DocumentRead.class).getMatchedCount() > 0;
    }

    /**
     * Files the uploads a message names as documents of the dossier, once: a repeated event finds
     * them filed. A client's files are delivered documents (their tab, and an event for the office's
     * tools); the office's are shown with the message.
     */
    public void fileAttachments(String messageId, String dossierId, String senderAccountId, boolean fromClient,
            List<String> documentIds, Instant sentAt) {
        for (Upload upload : uploads.completedFor(senderAccountId, dossierId, documentIds)) {
            file(PublishedDocument.attachedTo(messageId, upload.id(), dossierId,
                    fromClient ? Category.DELIVERED : Category.MESSAGE, upload.fileName(), upload.contentType(),
                    upload.length(), sentAt), upload, senderAccountId, fromClient);
        }
    }

    /** Files the PDF of a completed questionnaire, uploaded by the client, as delivered by the client; once. */
    public void fileCompletedQuestionnaire(String assignmentId, String dossierId, String accountId, String pdfUploadId,
            Instant completedAt) {
        for (Upload upload : uploads.completedFor(accountId, dossierId, List.of(pdfUploadId))) {
            file(PublishedDocument.completedQuestionnaire(assignmentId, upload.id(), dossierId, upload.fileName(),
                    upload.contentType(), upload.length(), completedAt), upload, accountId, true);
        }
    }

    private void file(PublishedDocument document, Upload upload, String accountId, boolean delivered) {
        if (delivered) {
            document.deliveredBy(accountId).record(events.delivered(document, accountId));
        }
        try {
            mongo.insert(document);
        } catch (DuplicateKeyException alreadyFiled) {
            // a repeated event: the document exists
        }
        try {
            // what the sender delivered is not news to the sender (read), though it has not opened it yet
            mongo.insert(DocumentRead.delivered(document, accountId));
        } catch (DuplicateKeyException alreadyMarked) {
            // marked before (a repeated event), or the sender opened it in between: its marker stays as it is
        }
        uploads.delivered(upload);
    }

    private Set<String> readDocumentIds(String dossierId, String accountId) {
        Query reads = query(where("dossierId").is(dossierId).and("accountId").is(accountId));
        return mongo.find(reads, DocumentRead.class).stream().map(DocumentRead::documentId).collect(Collectors.toSet());
    }

    private static NotFoundException notFound(String documentId) {
        return new NotFoundException("Document " + documentId + " was not found.");
    }

    public record TabCount(long total, long unread) {
    }

    /** What a download serves: the server's file name and type, and the content. */
    public record Content(String fileName, String contentType, long size, InputStream stream) {
    }

    /** An account that opened a document, and when it first did. */
    public record Reader(String accountId, Instant readAt) {
    }

    /**
     * A document as the office sees it in a dossier: the client's fields ({@code read}: whether the
     * calling staff member opened it) and who opened it ({@code readBy}, earliest first).
     */
    public record StaffDocument(String id, String dossierId, String title, Category category, String fileName,
            String contentType, long size, Instant publishedAt, boolean read, List<Reader> readBy) {

        static StaffDocument of(PublishedDocument d, String staffAccountId, List<Reader> readBy) {
            List<Reader> byTime = readBy.stream().sorted(java.util.Comparator.comparing(Reader::readAt,
                    java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))).toList();
            return new StaffDocument(d.getId(), d.getDossierId(), d.getTitle(), d.getCategory(), d.getFileName(),
                    d.getContentType(), d.getSize(), d.getPublishedAt(),
                    byTime.stream().anyMatch(r -> r.accountId().equals(staffAccountId)), byTime);
        }
    }

    /**
     * A document as the client sees it in a tab. {@code messageId}: the message a delivered file came
     * with (null for anything else), so the tab can name that message.
     */
    public record ClientDocument(String id, String dossierId, String title, Category category, String fileName,
            String contentType, long size, Instant publishedAt, boolean read, String messageId) {

        static ClientDocument of(PublishedDocument d, boolean read) {
            return new ClientDocument(d.getId(), d.getDossierId(), d.getTitle(), d.getCategory(), d.getFileName(),
                    d.getContentType(), d.getSize(), d.getPublishedAt(), read, d.getMessageId());
        }
    }
}
