package nl.notaris.portal.notification.documents;

import java.time.Duration;
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
        for (DocumentDigest due : digests.due(STUCK_AFTER, 100)) {
            digests.queue(due).ifPresent(this::publish);
        }
    }

    private void publish(DocumentDigest digest) {
        String record = json.writeValueAsString(new DigestDue("digest-" + digest.id(), digest.id(), digest.dossierId(),
                digest.accountId(), digest.eventIds().size(), digest.tab()));
        try {
            kafka.send(ConsumedTopics.DOCUMENT_DIGESTS, digest.dossierId(), record).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // stays queued: picked up again once it counts as stuck
            log.warn("Could not queue document digest {}: {}", digest.id(), e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The record of a digest whose mail is due; {@code id} is the event id the mail is sent once for. */
    record DigestDue(String id, String digestId, String dossierId, String accountId, int count, String tab) {
    }
}
