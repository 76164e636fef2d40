package nl.notaris.portal.notification.documents;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import nl.notaris.portal.notification.config.ConsumedTopics;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts each digest whose window has passed on {@code notification.document-digests.v1}, so its
 * mail is sent, retried and — when it keeps failing — dead-lettered and replayed like any event.
 */
@Component
class DocumentDigestQueue {

    private static final Logger log = LoggerFactory.getLogger(DocumentDigestQueue.class);
    private static final Duration STUCK_AFTER = Duration.ofMinutes(2);

    private final DocumentDigests digests;
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;

    DocumentDigestQueue(DocumentDigests digests, KafkaTemplate<String, String> kafka, JsonMapper json) {
        this.digests = digests;
        this.kafka = kafka;
        this.json = json;
    }

    @Scheduled(fixedDelayString = "${portal.notifications.digest-check:1s}", initialDelayString = "5s")
    void queueDue() {
        List<CompletableFuture<?>> sends = new ArrayList<>();
        for (DocumentDigest due : digests.due(STUCK_AFTER, 500)) {
            digests.queue(due).ifPresent(digest -> sends.add(publish(digest)));
        }
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // those not sent stay queued: picked up again once they count as stuck
            log.warn("Could not queue all due document digests: {}", e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CompletableFuture<?> publish(DocumentDigest digest) {
        String record = json.writeValueAsString(new DigestDue("digest-" + digest.id(), digest.id(), digest.dossierId(),
                digest.accountId(), digest.eventIds().size(), digest.tab()));
        return kafka.send(ConsumedTopics.DOCUMENT_DIGESTS, digest.dossierId(), record);
    }

    /** The record of a digest whose mail is due; {@code id} is the event id the mail is sent once for. */
    record DigestDue(String id, String digestId, String dossierId, String accountId, int count, String tab) {
    }
}
