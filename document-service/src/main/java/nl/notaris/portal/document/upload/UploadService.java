package nl.notaris.portal.document.upload;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;
import org.springframework.data.mongodb.gridfs.GridFsUpload;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

import nl.notaris.portal.document.file.FileType;
import nl.notaris.portal.document.file.FileTypes;
import nl.notaris.portal.document.file.SafeFileName;
import nl.notaris.portal.document.file.StoredFiles;
import nl.notaris.portal.support.access.DossierAccessReplica;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.InvalidRequestException;
import nl.notaris.portal.support.web.NotFoundException;

/**
 * Files on their way into a dossier (MSG-5, DOC-5, DOC-6): resumable (tus) or in one multipart
 * request. An upload belongs to the account that made it, client or staff, for a dossier it may
 * deliver to (staff see every dossier; an adviser needs a live grant that allows delivering, ADV-1,
 * checked again at each tus PATCH, so a revoked grant stops an upload halfway); nobody else sees it,
 * staff neither. The office publishes its own
 * complete uploads as documents (STF-3), which takes them ({@link #take}). The content's type is
 * checked once every byte is in; a refused file is deleted at once. A message that names the upload
 * marks it sent (it can no longer be removed), and its event turns it into a delivered document
 * (same bytes, stored once).
 */
@Service
public class UploadService {

    private static final Logger log = LoggerFactory.getLogger(UploadService.class);

    private final MongoTemplate mongo;
    private final GridFsTemplate gridFs;
    private final UploadChunks chunks;
    private final StoredFiles files;
    private final DossierAccessReplica access;
    private final UploadLimits limits;
    private final Clock clock;

    UploadService(MongoTemplate mongo, GridFsTemplate gridFs, StoredFiles files, DossierAccessReplica access,
            UploadLimits limits, Clock clock) {
        this.mongo = mongo;
        this.gridFs = gridFs;
        this.files = files;
        this.chunks = new UploadChunks(mongo);
        this.access = access;
        this.limits = limits;
        this.clock = clock;
    }

    /** Starts a resumable upload of {@code length} bytes (tus creation). */
    public Upload start(Caller caller, String dossierId, String fileName, long length) {
        if (dossierId == null || dossierId.isBlank()) {
            throw new InvalidRequestException("dossierId", "dossierId is required (in the upload's metadata).");
        }
        DossierIds.requirePossible(dossierId);
        if (length < 1) {
            throw UploadRefusals.empty("Upload-Length", SafeFileName.of(fileName));
        }
        checkSize(fileName, length);
        requireDossier(dossierId, caller);
        Instant now = clock.instant();
        Upload upload = new Upload(new ObjectId().toHexString(), caller.accountId(), dossierId,
                SafeFileName.of(fileName), length, 0, 0, new byte[0], UploadStatus.UPLOADING, null, null, now,
                now.plus(limits.expireAfter()), (int) limits.chunkSize().toBytes());
        return mongo.insert(upload);
    }

    /**
     * Appends the bytes of a tus PATCH at {@code offset}. When the last byte is in, the content is
     * checked: a refused type deletes the upload and answers 415 naming the file.
     */
    public Upload append(Caller caller, String uploadId, long offset, InputStream body) {
        Upload upload = own(caller, uploadId);
        requireDossier(upload.dossierId(), caller);
        if (upload.isComplete() || upload.offset() != offset) {
            log.info("Upload {} is at byte {}, a PATCH came for byte {}", uploadId, upload.offset(), offset);
            throw new OffsetMismatchException(upload.offset());
        }
        UploadChunks.Progress progress;
        try {
            progress = chunks.append(upload, body);
        } catch (UploadChunks.ConcurrentAppendException e) {
            throw UploadRefusals.busy();
        }
        if (progress.interrupted()) {
            log.info("Upload {} interrupted at byte {} of {}; it continues from there", uploadId, progress.offset(),
                    upload.length());
        }
        Upload stored = own(caller, uploadId);
        if (!progress.interrupted() && stored.offset() == stored.length()) {
            return complete(stored);
        }
        return stored;
    }

    /** A file sent in one multipart request, checked and stored at once. */
    public Upload store(Caller caller, String dossierId, MultipartFile file) {
        if (dossierId == null || dossierId.isBlank()) {
            throw new InvalidRequestException("dossierId", "dossierId is required.");
        }
        DossierIds.requirePossible(dossierId);
        if (file == null) {
            throw new InvalidRequestException("file", "The file is missing or empty.");
        }
        String fileName = SafeFileName.of(file.getOriginalFilename());
        if (file.isEmpty()) {
            throw UploadRefusals.empty("file", fileName);
        }
        checkSize(fileName, file.getSize());
        requireDossier(dossierId, caller);
        FileType type = FileTypes.detect(file::getInputStream);
        if (!type.accepted()) {
            throw new RefusedFileTypeException(fileName, type);
        }
        ObjectId id = new ObjectId();
        String name = type.downloadName(fileName);
        try (InputStream in = file.getInputStream()) {
            gridFs.store(GridFsUpload.fromStream(in).id(id).filename(name).contentType(type.mediaType())
                    .metadata(new org.bson.Document("dossierId", dossierId).append("uploadId", id.toHexString()))
                    .build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant now = clock.instant();
        Upload upload = new Upload(id.toHexString(), caller.accountId(), dossierId, name, file.getSize(),
                file.getSize(), 0, null, UploadStatus.COMPLETE, type.mediaType(), null, now,
                now.plus(limits.expireAfter()), null);
        return mongo.insert(upload);
    }

    public Upload get(Caller caller, String uploadId) {
        return completedIfAllIn(own(caller, uploadId));
    }

    /** Removes an upload that no message names yet; one that a message names is the message's (409). */
    public void delete(Caller caller, String uploadId) {
        Upload upload = own(caller, uploadId);
        if (!upload.isSent() && removeIf(where("_id").is(uploadId).and("messageId").is(null))) {
            return;
        }
        throw UploadRefusals.alreadySent(own(caller, uploadId).fileName());
    }

    /**
     * A message names the upload: messaging-service says so, as the sender, before it saves the
     * message. From then on the upload cannot be removed, and it is kept a whole expiry period from
     * now for the message's event to file it. Saying so again changes nothing.
     */
    public Upload markSent(Caller caller, String uploadId, String messageId) {
        Upload upload = completedIfAllIn(own(caller, uploadId));
        if (!upload.isComplete()) {
            throw UploadRefusals.unfinished(upload.fileName());
        }
        if (!upload.isSent()) {
            mongo.updateFirst(query(where("_id").is(uploadId).and("messageId").is(null)), new Update()
                    .set("messageId", messageId).set("expiresAt", clock.instant().plus(limits.expireAfter())),
                    Upload.class);
        }
        return own(caller, uploadId);
    }

    /**
     * The uploads a message of {@code senderAccountId} names, for its dossier: complete ones only.
     * Used when the message is sent; an upload that is gone or not the sender's is left out.
     */
    public List<Upload> completedFor(String senderAccountId, String dossierId, List<String> uploadIds) {
        return mongo.find(query(where("_id").in(uploadIds).and("ownerAccountId").is(senderAccountId)
                .and("dossierId").is(dossierId).and("status").is(UploadStatus.COMPLETE)), Upload.class);
    }

    /** An upload that became a delivered document: its record goes, its GridFS file stays. */
    public void delivered(Upload upload) {
        mongo.remove(query(where("_id").is(upload.id())), Upload.class);
    }

    /** An upload the caller made, if there is one with this id (empty for someone else's: nothing leaks). */
    public Optional<Upload> findOwn(Caller caller, String uploadId) {
        Upload upload = ObjectId.isValid(uploadId) ? mongo.findById(uploadId, Upload.class) : null;
        return upload != null && upload.isOwnedBy(caller.accountId()) ? Optional.of(completedIfAllIn(upload))
                : Optional.empty();
    }

    /**
     * Takes a complete upload of its owner that no message names, for publishing it as a document:
     * its record goes in one atomic step, its GridFS file stays (the document points at it). Empty
     * when it no longer qualifies: another request took, sent or removed it meanwhile, or it expired.
     * Taking it first means a removal or the expiry can never delete the bytes of a published
     * document; a publication that then fails puts the record back ({@link #putBack}).
     */
    public Optional<Upload> take(Upload upload) {
        return Optional.ofNullable(mongo.findAndRemove(query(where("_id").is(upload.id())
                .and("ownerAccountId").is(upload.ownerAccountId()).and("status").is(UploadStatus.COMPLETE)
                .and("messageId").is(null)), Upload.class));
    }

    /** Puts back an upload that {@link #take} took when what it was taken for failed. */
    public void putBack(Upload upload) {
        mongo.insert(upload);
    }

    /** The content of a complete upload the caller made (the sender may open an attachment before it is filed). */
    public Optional<Opened> openOwn(Caller caller, String uploadId) {
        Upload upload = ObjectId.isValid(uploadId) ? mongo.findById(uploadId, Upload.class) : null;
        if (upload == null || !upload.isComplete() || !upload.isOwnedBy(caller.accountId())) {
            return Optional.empty();
        }
        return Optional.of(new Opened(upload, files.open(uploadId)));
    }

    public record Opened(Upload upload, InputStream content) {
    }

    /** Removes uploads that have expired (a message that names one extended its time); returns how many. */
    public int removeExpired(Instant now) {
        List<Upload> expired = mongo.find(query(where("expiresAt").lt(now)), Upload.class);
        int removed = (int) expired.stream()
                .filter(upload -> removeIf(where("_id").is(upload.id()).and("expiresAt").lt(now))).count();
        if (removed > 0) {
            log.info("Removed {} expired upload(s)", removed);
        }
        return removed;
    }

    /**
     * The upload, completed if every byte is in but it is not complete: the request that brought the last
     * byte failed before it could check and seal the file (the database did not answer in time, the
     * instance stopped). Its sender's tus client asks the offset, finds it at the end and goes on; the
     * next look at the upload (that HEAD, the message or publication that names it) completes it.
     */
    private Upload completedIfAllIn(Upload upload) {
        return !upload.isComplete() && upload.offset() == upload.length() ? complete(upload) : upload;
    }

    private Upload complete(Upload upload) {
        chunks.seal(upload, clock.instant());
        FileType type = FileTypes.detect(() -> chunks.head(upload, FileTypes.HEAD), () -> files.open(upload.id()));
        if (!type.accepted()) {
            removeIf(where("_id").is(upload.id()));
            throw new RefusedFileTypeException(upload.fileName(), type);
        }
        String name = type.downloadName(upload.fileName());
        mongo.updateFirst(query(where("_id").is(upload.id())), new Update().set("status", UploadStatus.COMPLETE)
                .set("contentType", type.mediaType()).set("fileName", name).unset("tail"), Upload.class);
        mongo.getCollection("fs.files").updateOne(new org.bson.Document("_id", new ObjectId(upload.id())),
                new org.bson.Document("$set", new org.bson.Document("filename", name)
                        .append("metadata._contentType", type.mediaType())));
        return mongo.findById(upload.id(), Upload.class);
    }

    private void checkSize(String fileName, long length) {
        if (length > limits.maxFileSize().toBytes()) {
            throw UploadRefusals.tooLarge(SafeFileName.of(fileName), limits.maxFileSize().toBytes(),
                    limits.maxFileSize().toMegabytes());
        }
    }

    /** The dossier must be one the caller may deliver to; otherwise 404, as if it did not exist. */
    private void requireDossier(String dossierId, Caller caller) {
        try {
            access.requireDelivering(dossierId, caller);
        } catch (NotFoundException e) {
            throw UploadRefusals.dossierNotFound();
        }
    }

    private Upload own(Caller caller, String uploadId) {
        Upload upload = ObjectId.isValid(uploadId) ? mongo.findById(uploadId, Upload.class) : null;
        if (upload == null || !upload.isOwnedBy(caller.accountId())) {
            throw UploadRefusals.notFound(uploadId);
        }
        return upload;
    }

    /**
     * Removes the upload that matches {@code upload}, then its bytes; false when it no longer matched
     * (a message named it, or its time was extended, in the meantime).
     */
    private boolean removeIf(Criteria upload) {
        Upload removed = mongo.findAndRemove(query(upload), Upload.class);
        if (removed == null) {
            return false;
        }
        chunks.delete(removed.id());
        return true;
    }
}
