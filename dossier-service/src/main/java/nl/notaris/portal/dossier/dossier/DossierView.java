package nl.notaris.portal.dossier.dossier;

import java.time.Instant;
import java.util.List;

import nl.notaris.portal.dossier.progress.Progress;

/** A dossier as a client sees it. */
public record DossierView(String id, String number, String description, DossierStatus status, Progress progress,
        Instant updatedAt) {

    public static DossierView of(Dossier dossier) {
        return new DossierView(dossier.getId(), dossier.getNumber(), dossier.getDescription(), dossier.getStatus(),
                dossier.getProgress(), dossier.getUpdatedAt());
    }

    /** The list item of the dossier list. */
    public record Summary(String id, String number, String description, DossierStatus status, int progressDone,
            int progressTotal) {

        public static Summary of(Dossier dossier) {
            Progress progress = dossier.getProgress();
            return new Summary(dossier.getId(), dossier.getNumber(), dossier.getDescription(), dossier.getStatus(),
                    progress.done(), progress.total());
        }
    }

    /** A dossier as staff see it: with its parties. */
    public record Staff(String id, String number, String description, DossierStatus status, List<String> parties,
            Progress progress, Instant createdAt, Instant updatedAt) {

        public static Staff of(Dossier dossier) {
            return new Staff(dossier.getId(), dossier.getNumber(), dossier.getDescription(), dossier.getStatus(),
                    dossier.getParties().stream().map(p -> p.email()).toList(), dossier.getProgress(),
                    dossier.getCreatedAt(), dossier.getUpdatedAt());
        }
    }
}
