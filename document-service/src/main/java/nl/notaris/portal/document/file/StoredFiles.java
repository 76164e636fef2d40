package nl.notaris.portal.document.file;

import java.io.InputStream;

import org.bson.types.ObjectId;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.stereotype.Component;

import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;

/**
 * Reads stored files back from GridFS as streams, a few chunks per round trip, so that neither this
 * service nor the database ever holds a large file in one reply (the local wire-protocol server
 * would otherwise answer a whole file's chunks at once).
 */
@Component
public class StoredFiles {

    private static final int CHUNKS_PER_BATCH = 8;

    private final MongoDatabaseFactory databases;

    StoredFiles(MongoDatabaseFactory databases) {
        this.databases = databases;
    }

    public InputStream open(String fileId) {
        GridFSBucket bucket = GridFSBuckets.create(databases.getMongoDatabase());
        return bucket.openDownloadStream(new ObjectId(fileId)).batchSize(CHUNKS_PER_BATCH);
    }
}
