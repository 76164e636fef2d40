package nl.notaris.portal.document.upload;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How large one uploaded file may be, how long an upload that is never sent is kept, and the size of
 * the GridFS chunks a tus upload is stored in ({@code portal.uploads.*}). The chunk size: 256 KB
 * divides the web app's 5 MB tus chunks, so a PATCH leaves no partial chunk to save with the upload
 * (GridFS's 255 KB default left one of up to 255 KB after each PATCH); and a chunk stays a normal
 * heap object (a G1 region is 1 MB at this service's heap size: an array of half a region or more is
 * allocated apart, and 1 MB chunks measured 45–140 MB heap growth per 100 MB upload against 10–50
 * MB). Larger chunks cost the local wire-protocol server less CPU; the database's document limit is
 * 16 MB. With the serial collector and the 16 MB young generation of the production settings, 1 MB
 * chunks took 100 MB in faster on one warm stack (80–95 against about 55 MB/s) but not in the benchmark
 * run (58 MB/s), and they outgrew the survivor spaces: a 1 GB download left 108 MB and a 1 GB upload 87 MB
 * in the old generation, against 3 MB and 1 MB with 256 KB chunks.
 */
@ConfigurationProperties("portal.uploads")
public record UploadLimits(DataSize maxFileSize, Duration expireAfter, DataSize chunkSize) {

    static final DataSize LARGEST_CHUNK = DataSize.ofMegabytes(8);

    public UploadLimits {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(50) : maxFileSize;
        expireAfter = expireAfter == null ? Duration.ofHours(24) : expireAfter;
        chunkSize = chunkSize == null ? DataSize.ofKilobytes(256) : chunkSize;
        if (chunkSize.toBytes() < 1024 || chunkSize.compareTo(LARGEST_CHUNK) > 0) {
            throw new IllegalArgumentException("portal.uploads.chunk-size must be between 1KB and " + LARGEST_CHUNK);
        }
    }
}
