package nl.notaris.portal.notification.documents;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import nl.notaris.portal.notification.config.ConsumedTopics;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts each digest whose window has passed on {@code notification.document-digests.v1}, so its
 * mail is sent, retried and — when it keeps failing — dead-lettered and replayed like any event.
 * A digest is looked at when its window ends ({@link #wakeAt}), so its mail does not wait for the next
 * periodic check; that check stays, for digests of another replica or from before a restart.
 */
@Component
class DocumentDigestQueue {

    private static final Logger log = LoggerFactory.getLogger(DocumentDigestQueue.class);
    private static final Duration STUCK_AFTER = Duration.ofMinutes(2);

    private final DocumentDigests digests;
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final TaskScheduler scheduler;
    private static final long WAKE_SLOT_MILLIS = 100;
    /** The moments (epoch milliseconds) a look for due digests is planned at. */
    private final Set<Long> plannedWakes = ConcurrentHashMap.newKeySet();

    DocumentDigestQueue(DocumentDigests digests, KafkaTemplate<String, String> kafka, JsonMapper json,
            TaskScheduler scheduler) {
        this.digests = digests;
        this.kafka = kafka;
        this.json = json;
        this.scheduler = scheduler;
    }

    /**
     * Looks for due digests at {@code at}, rounded up to a tenth of a second: the ends of the windows of
     * documents published together are one look.
     */
    void wakeAt(Instant at) {
        long slot = Math.ceilDiv(at.toEpochMilli(), WAKE_SLOT_MILLIS) * WAKE_SLOT_MILLIS;
        if (plannedWakes.add(slot)) {
            scheduler.schedule(() -> {
                plannedWakes.remove(slot);
                queueDue();
            }, Instant.ofEpochMilli(slot));
        }
    }

    @Scheduled(fixedDelayString = "${portal.notifications.digest-check:1s}",
            initialDelayString = "${portal.notifications.digest-check:1s}")
    synchronized void queueDue() {
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
