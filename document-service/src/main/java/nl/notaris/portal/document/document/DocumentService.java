package nl.notaris.portal.document.document;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.gridfs.GridFsResource;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import nl.notaris.portal.support.access.DossierAccessReplica;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.InvalidRequestException;
import nl.notaris.portal.support.web.NotFoundException;

/** Publishing documents to a dossier (STF-3) and giving clients their documents (DOC-1..4). */
@Service
public class DocumentService {

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Direction.DESC, "publishedAt");

    private final MongoTemplate mongo;
    private final GridFsTemplate gridFs;
    private final DossierAccessReplica access;
    private final DocumentEvents events;
    private final Clock clock;

    DocumentService(MongoTemplate mongo, GridFsTemplate gridFs, DossierAccessReplica access, DocumentEvents events,
            Clock clock) {
        this.mongo = mongo;
        this.gridFs = gridFs;
        this.access = access;
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
        String fileName = SafeFileName.of(file.getOriginalFilename());
        try (InputStream in = new BufferedInputStream(file.getInputStream())) {
            in.mark(16);
            String contentType = ContentTypes.sniff(in.readNBytes(16));
            in.reset();
            ObjectId contentId = gridFs.store(in, fileName, contentType, new Document("dossierId", dossierId));
            PublishedDocument document = new PublishedDocument(new ObjectId().toHexString(), dossierId, title.trim(),
                    category, fileName, contentType, file.getSize(), contentId.toHexString(), clock.instant());
            document.record(events.published(document));
            try {
                return mongo.insert(document);
            } catch (RuntimeException e) {
                gridFs.delete(query(where("_id").is(contentId)));
                throw e;
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not store the uploaded file", e);
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
        for (Category category : Category.values()) {
            counts.put(category, new TabCount(0, 0));
        }
        Set<String> read = readDocumentIds(dossierId, caller.accountId());
        Query inDossier = query(where("dossierId").is(dossierId));
        inDossier.fields().include("_id", "category");
        for (Document row : mongo.find(inDossier, Document.class, "documents")) {
            Category category = Category.valueOf(row.getString("category"));
            TabCount count = counts.get(category);
            boolean unread = !read.contains(row.get("_id").toString());
            counts.put(category, new TabCount(count.total() + 1, count.unread() + (unread ? 1 : 0)));
        }
        return counts;
    }

    /** The document's content for a caller who may see its dossier; opening it marks it read. */
    public Content open(Caller caller, String documentId) {
        PublishedDocument document = mongo.findById(documentId, PublishedDocument.class);
        if (document == null || !access.find(document.getDossierId()).map(a -> a.isVisibleTo(caller)).orElse(false)) {
            throw new NotFoundException("Document " + documentId + " was not found.");
        }
        GridFsResource resource = gridFs.getResource(gridFs.findOne(query(where("_id").is(new ObjectId(document.getContentId())))));
        mongo.save(DocumentRead.of(document, caller.accountId(), clock.instant()));
        return new Content(document, resource);
    }

    private Set<String> readDocumentIds(String dossierId, String accountId) {
        Query reads = query(where("dossierId").is(dossierId).and("accountId").is(accountId));
        return mongo.find(reads, DocumentRead.class).stream().map(DocumentRead::documentId).collect(Collectors.toSet());
    }

    public record TabCount(long total, long unread) {
    }

    public record Content(PublishedDocument document, GridFsResource resource) {
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
