package nl.notaris.portal.dossier.work;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Makes the work queue's items that come from time passing rather than from an event: overdue
 * questionnaires and invitations nobody accepted ({@link WorkQueue#raiseDue}). Every
 * {@code portal.work.check-interval} (default 5 minutes); safe to run on every instance at once.
 */
@Component
public class DueWorkJob {

    private final WorkQueue queue;

    DueWorkJob(WorkQueue queue) {
        this.queue = queue;
    }

    @Scheduled(initialDelayString = "${portal.work.check-initial-delay:30s}",
            fixedDelayString = "${portal.work.check-interval:5m}")
    public void run() {
        queue.raiseDue();
    }
}
