package nl.notaris.portal.document.document;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
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
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.data.mongodb.gridfs.GridFsUpload;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import nl.notaris.portal.document.file.FileType;
import nl.notaris.portal.document.file.FileTypes;
import nl.notaris.portal.document.file.StoredFiles;
import nl.notaris.portal.document.upload.Upload;
import nl.notaris.portal.document.upload.UploadService;
import nl.notaris.portal.support.access.DossierAccessReplica;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.InvalidRequestException;
import nl.notaris.portal.support.web.NotFoundException;

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
    private final Clock clock;

    DocumentService(MongoTemplate mongo, GridFsTemplate gridFs, StoredFiles files, DossierAccessReplica access,
            UploadService uploads, DocumentEvents events, Clock clock) {
        this.mongo = mongo;
        this.gridFs = gridFs;
        this.files = files;
        this.access = access;
        this.uploads = uploads;
        this.events = events;
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
                category, fileName, type.servedAs(), file.getSize(), contentId.toHexString(), clock.instant());
        document.record(events.published(document));
        try {
            return mongo.insert(document);
        } catch (RuntimeException e) {
            gridFs.delete(query(where("_id").is(contentId)));
            throw e;
        }
    }

    public Page<ClientDocument> list(Caller caller, String dossierId, Category category, Pageable pageable) {
        access.require(dossierId, caller);
        Query query = query(where("dossierId").is(dossierId).and("category").is(category));
        long total = mongo.count(query, PublishedDocument.class);
        List<PublishedDocument> documents = mongo.find(Query.of(query).with(pageable).with(NEWEST_FIRST),
                PublishedDocument.class);
        Set<String> read = readDocumentIds(dossierId, caller.accountId());
        return new PageImpl<>(documents.stream().map(d -> ClientDocument.of(d, read.contains(d.getId()))).toList(),
                pageable, total);
    }

    public Map<Category, TabCount> counts(Caller caller, String dossierId) {
        access.require(dossierId, caller);
        Map<Category, TabCount> counts = new EnumMap<>(Category.class);
        for (Category category : Category.tabs()) {
            counts.put(category, new TabCount(0, 0));
        }
        Set<String> read = readDocumentIds(dossierId, caller.accountId());
        Query inDossier = query(where("dossierId").is(dossierId).and("category").in(Category.tabs()));
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
     * The document's content for a caller who may see its dossier; opening it marks it read. The
     * sender of a message may open an attachment that is not filed yet (it is, moments later).
     */
    public Content open(Caller caller, String documentId) {
        PublishedDocument document = mongo.findById(documentId, PublishedDocument.class);
        if (document == null) {
            return uploads.openOwn(caller, documentId)
                    .map(own -> new Content(own.upload().fileName(), own.upload().contentType(), own.upload().length(),
                            own.content()))
                    .orElseThrow(() -> notFound(documentId));
        }
        if (!access.find(document.getDossierId()).map(a -> a.isVisibleTo(caller)).orElse(false)) {
            throw notFound(documentId);
        }
        mongo.save(DocumentRead.of(document, caller.accountId(), clock.instant()));
        return new Content(document.getFileName(), document.getContentType(), document.getSize(),
                files.open(document.getContentId()));
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
            document.record(events.delivered(document, accountId));
        }
        try {
            mongo.insert(document);
            // what the sender delivered is not news to the sender
            mongo.save(DocumentRead.of(document, accountId, document.getPublishedAt()));
        } catch (DuplicateKeyException alreadyFiled) {
            // a repeated event: the document exists
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

    /** A document as the client sees it in a tab. */
    public record ClientDocument(String id, String dossierId, String title, Category category, String fileName,
            String contentType, long size, Instant publishedAt, boolean read) {

        static ClientDocument of(PublishedDocument d, boolean read) {
            return new ClientDocument(d.getId(), d.getDossierId(), d.getTitle(), d.getCategory(), d.getFileName(),
                    d.getContentType(), d.getSize(), d.getPublishedAt(), read);
        }
    }
}
