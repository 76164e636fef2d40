package nl.notaris.portal.document.upload;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Arrays;

import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Writes an upload's bytes as GridFS chunks ({@code fs.chunks}: fixed-size chunks numbered from 0,
 * of the upload's {@link Upload#chunkBytes() chunk size}) as they arrive, and makes them a GridFS file
 * ({@code fs.files}) when the last byte is in. At most one chunk is held in memory, and a full chunk
 * goes to the database as it is read (no copy). Progress is saved after every chunk, and what arrived
 * of a chunk when the connection dropped is saved too, so a resumed upload continues at the last byte
 * received.
 *
 * <p>Every chunk is found by its key, {@code files_id} and {@code n}, on GridFS's own index. The GridFS driver
 * makes that index only when it stores a file into an empty bucket; an upload that comes first would leave
 * a bucket without it (each chunk written or read then a scan of all chunks), so the first append makes it.
 */
class UploadChunks {

    private static final String CHUNKS = "fs.chunks";
    private static final String FILES = "fs.files";
    private static final Logger log = LoggerFactory.getLogger(UploadChunks.class);

    private final MongoTemplate mongo;
    private volatile boolean indexed;

    UploadChunks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** What an append got to: the new offset, and whether the sender went away before the end. */
    record Progress(long offset, boolean interrupted) {
    }

    /**
     * Appends the body to the upload, never past its declared length. Returns the progress; throws
     * {@link ConcurrentAppendException} when another request moved the upload on meanwhile.
     */
    Progress append(Upload upload, InputStream body) {
        createIndexesOnce();
        int chunkSize = upload.chunkBytes();
        byte[] buffer = new byte[chunkSize];
        byte[] tail = upload.tail() == null ? new byte[0] : upload.tail();
        System.arraycopy(tail, 0, buffer, 0, tail.length);
        int filled = tail.length;
        long offset = upload.offset();
        long saved = upload.offset();
        int chunks = upload.chunks();
        boolean interrupted = false;
        try {
            while (offset < upload.length()) {
                int wanted = (int) Math.min(chunkSize - filled, upload.length() - offset);
                int read = body.read(buffer, filled, wanted);
                if (read < 0) {
                    break;
                }
                filled += read;
                offset += read;
                if (filled == chunkSize) {
                    writeChunk(upload.id(), chunks, buffer, filled);
                    chunks++;
                    filled = 0;
                    saveProgress(upload.id(), saved, offset, chunks, new byte[0]);
                    saved = offset;
                }
            }
        } catch (IOException senderGone) {
            interrupted = true;
        }
        if (offset != saved || filled != tail.length) {
            saveProgress(upload.id(), saved, offset, chunks, Arrays.copyOf(buffer, filled));
        }
        return new Progress(offset, interrupted);
    }

    /** Writes the tail as the last chunk and the GridFS file entry; the upload's bytes are then one GridFS file. */
    void seal(Upload upload, Instant now) {
        byte[] tail = upload.tail() == null ? new byte[0] : upload.tail();
        if (tail.length > 0) {
            writeChunk(upload.id(), upload.chunks(), tail, tail.length);
        }
        mongo.getCollection(FILES).replaceOne(new Document("_id", new ObjectId(upload.id())),
                new Document("_id", new ObjectId(upload.id())).append("length", upload.length())
                        .append("chunkSize", upload.chunkBytes()).append("uploadDate", java.util.Date.from(now))
                        .append("filename", upload.fileName())
                        .append("metadata", new Document("dossierId", upload.dossierId()).append("uploadId", upload.id())),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    /**
     * The first bytes of a sealed upload, at least {@code bytes} of them where the file has as many: its
     * first chunks, each read by its key (a GridFS download stream asks for all chunks, sorted).
     */
    InputStream head(Upload upload, int bytes) {
        ObjectId fileId = new ObjectId(upload.id());
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        for (int n = 0; head.size() < bytes; n++) {
            Document chunk = mongo.getCollection(CHUNKS).find(new Document("files_id", fileId).append("n", n)).first();
            if (chunk == null) {
                break;
            }
            head.writeBytes(chunk.get("data", Binary.class).getData());
        }
        return new ByteArrayInputStream(head.toByteArray());
    }

    void delete(String uploadId) {
        mongo.getCollection(CHUNKS).deleteMany(new Document("files_id", new ObjectId(uploadId)));
        mongo.getCollection(FILES).deleteOne(new Document("_id", new ObjectId(uploadId)));
    }

    private void writeChunk(String uploadId, int n, byte[] data, int length) {
        ObjectId fileId = new ObjectId(uploadId);
        Document chunk = new Document("files_id", fileId).append("n", n)
                .append("data", new Binary(length == data.length ? data : Arrays.copyOf(data, length)));
        mongo.getCollection(CHUNKS).replaceOne(new Document("files_id", fileId).append("n", n), chunk,
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    private void saveProgress(String uploadId, long from, long to, int chunks, byte[] tail) {
        var result = mongo.updateFirst(query(where("_id").is(uploadId).and("offset").is(from)),
                new Update().set("offset", to).set("chunks", chunks).set("tail", tail), Upload.class);
        if (result.getMatchedCount() == 0) {
            throw new ConcurrentAppendException();
        }
    }

    /** GridFS's indexes, as its driver makes them; made by the first upload rather than at start-up (a slow database must not stop the start). */
    private void createIndexesOnce() {
        if (indexed) {
            return;
        }
        try {
            mongo.indexOps(CHUNKS).createIndex(new Index().on("files_id", Sort.Direction.ASC).on("n", Sort.Direction.ASC).unique());
            mongo.indexOps(FILES).createIndex(new Index().on("filename", Sort.Direction.ASC).on("uploadDate", Sort.Direction.ASC));
            indexed = true;
        } catch (RuntimeException e) {
            log.warn("Could not create GridFS's indexes; the next upload tries again: {}", e.getMessage());
        }
    }

    static class ConcurrentAppendException extends RuntimeException {
        ConcurrentAppendException() {
            super("Another request is appending to this upload.");
        }
    }
}
