package nl.notaris.portal.document.file;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.bson.types.ObjectId;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSDownloadStream;

/**
 * Reads stored files back from GridFS as streams, a few megabytes of chunks per round trip, so that
 * neither this service nor the database ever holds a large file in one reply (the local wire-protocol
 * server would otherwise answer a whole file's chunks at once). Copying a stream to a response
 * ({@link InputStream#transferTo}) goes one whole chunk at a time instead of 16 KB pieces.
 */
@Component
public class StoredFiles {

    /** About this many bytes of chunks per reply of the database (at least one chunk). */
    static final int BYTES_PER_BATCH = 2 * 1024 * 1024;

    private final MongoDatabaseFactory databases;

    StoredFiles(MongoDatabaseFactory databases) {
        this.databases = databases;
    }

    public InputStream open(String fileId) {
        GridFSBucket bucket = GridFSBuckets.create(databases.getMongoDatabase());
        GridFSDownloadStream stream = bucket.openDownloadStream(new ObjectId(fileId));
        int chunkSize = stream.getGridFSFile().getChunkSize();
        return new ChunkedStream(stream.batchSize(Math.max(1, BYTES_PER_BATCH / Math.max(1, chunkSize))), chunkSize);
    }

    /** A GridFS download stream whose {@link #transferTo} copies a chunk per write. */
    static final class ChunkedStream extends FilterInputStream {

        private final int chunkSize;

        ChunkedStream(InputStream in, int chunkSize) {
            super(in);
            this.chunkSize = chunkSize;
        }

        @Override
        public long transferTo(OutputStream out) throws IOException {
            byte[] buffer = new byte[Math.max(8192, chunkSize)];
            long transferred = 0;
            int read;
            while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                out.write(buffer, 0, read);
                transferred += read;
            }
            return transferred;
        }
    }
}
