package nl.notaris.portal.document.upload;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How large one uploaded file may be, and how long an upload that is never sent is kept
 * ({@code portal.uploads.*}).
 */
@ConfigurationProperties("portal.uploads")
public record UploadLimits(DataSize maxFileSize, Duration expireAfter) {

    public UploadLimits {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(50) : maxFileSize;
        expireAfter = expireAfter == null ? Duration.ofHours(24) : expireAfter;
    }
}
