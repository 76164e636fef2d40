package nl.notaris.portal.dossier.progress;

import java.time.Instant;

/** One step of a dossier's progress list (DOS-4). */
public record ProgressStep(String title, boolean done, Instant doneAt) {
}
