package nl.notaris.portal.document.upload;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How large one uploaded file may be, how long an upload that is never sent is kept, and the size of
 * the GridFS chunks a tus upload is stored in ({@code portal.uploads.*}). The chunk size, 1 MB, divides
 * the web app's 5 MB tus chunks, so a PATCH leaves no partial chunk to save with the upload (GridFS's
 * 255 KB default left one of up to 255 KB after each PATCH). Each chunk costs two writes (the chunk and
 * the upload's progress): through the gateway to the local wire-protocol server, 100 MB went in at about
 * 55 MB/s in 256 KB chunks, 80–95 MB/s in 1 MB chunks and 100–110 MB/s in 5 MB chunks. A PATCH holds one
 * chunk in the heap while it fills (and a download one chunk of the file): 1 MB per upload in flight
 * stays small beside the 16 MB young generation of the production JVM settings, 5 MB would not. The
 * database's document limit is 16 MB.
 */
@ConfigurationProperties("portal.uploads")
public record UploadLimits(DataSize maxFileSize, Duration expireAfter, DataSize chunkSize) {

    static final DataSize LARGEST_CHUNK = DataSize.ofMegabytes(8);

    public UploadLimits {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(50) : maxFileSize;
        expireAfter = expireAfter == null ? Duration.ofHours(24) : expireAfter;
        chunkSize = chunkSize == null ? DataSize.ofMegabytes(1) : chunkSize;
        if (chunkSize.toBytes() < 1024 || chunkSize.compareTo(LARGEST_CHUNK) > 0) {
            throw new IllegalArgumentException("portal.uploads.chunk-size must be between 1KB and " + LARGEST_CHUNK);
        }
    }
}
