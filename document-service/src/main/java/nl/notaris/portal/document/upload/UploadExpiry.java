package nl.notaris.portal.document.upload;

import java.time.Clock;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Removes, every few minutes, uploads that were never sent before they expired (on any replica; removal is idempotent). */
@Component
class UploadExpiry {

    private final UploadService uploads;
    private final Clock clock;

    UploadExpiry(UploadService uploads, Clock clock) {
        this.uploads = uploads;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${portal.uploads.expiry-check:5m}", initialDelayString = "1m")
    void removeExpired() {
        uploads.removeExpired(clock.instant());
    }
}
