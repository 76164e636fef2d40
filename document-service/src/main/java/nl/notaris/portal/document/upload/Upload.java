package nl.notaris.portal.document.upload;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A file on its way in. Its bytes go straight into GridFS's chunk collection under the upload's id,
 * so any replica of this service can continue it, and the finished file is stored once: the
 * delivered document later points at the same GridFS file. {@code tail} holds the bytes after the
 * last full chunk (less than one chunk); {@code chunkSize} is the GridFS chunk size the upload was
 * started with (none on uploads started before it was recorded: 255 KB). {@code messageId} is the message that named the upload
 * when it was sent; from then on it cannot be removed. An upload that is never sent expires.
 */
@Document("uploads")
public record Upload(@Id String id, String ownerAccountId, String dossierId, String fileName, long length,
        long offset, int chunks, byte[] tail, UploadStatus status, String contentType, String messageId,
        Instant createdAt, @Indexed Instant expiresAt, Integer chunkSize) {

    /** GridFS's default chunk size, that of uploads started before the chunk size was recorded. */
    static final int EARLIER_CHUNK_SIZE = 255 * 1024;

    /** The size of this upload's GridFS chunks: fixed when it starts, so a resumed upload keeps it. */
    public int chunkBytes() {
        return chunkSize == null ? EARLIER_CHUNK_SIZE : chunkSize;
    }

    public boolean isOwnedBy(String accountId) {
        return ownerAccountId.equals(accountId);
    }

    public boolean isComplete() {
        return status == UploadStatus.COMPLETE;
    }

    public boolean isSent() {
        return messageId != null;
    }
}
