package nl.notaris.portal.dossier.dossier;

import java.time.Instant;
import java.util.List;

import nl.notaris.portal.dossier.parties.Party;
import nl.notaris.portal.dossier.progress.Progress;

/** A dossier as a client sees it. */
public record DossierView(String id, String number, String description, DossierStatus status, Progress progress,
        Instant updatedAt) {

    public static DossierView of(Dossier dossier) {
        return new DossierView(dossier.getId(), dossier.getNumber(), dossier.getDescription(), dossier.getStatus(),
                dossier.getProgress().forClient(), dossier.getUpdatedAt());
    }

    /**
     * The list item of the dossier list. {@code lastActivityAt}: the last thing its clients could see
     * happen in it (a change, a document, a message, a questionnaire); its last change for a dossier
     * stored before that was kept.
     */
    public record Summary(String id, String number, String description, DossierStatus status, int progressDone,
            int progressTotal, Instant lastActivityAt) {

        public static Summary of(Dossier dossier) {
            Progress progress = dossier.getProgress();
            Instant lastActivity = dossier.getLastActivityAt() != null ? dossier.getLastActivityAt()
                    : dossier.getUpdatedAt();
            return new Summary(dossier.getId(), dossier.getNumber(), dossier.getDescription(), dossier.getStatus(),
                    progress.done(), progress.total(), lastActivity);
        }
    }

    /**
     * A dossier as staff see it: with its parties. {@code parties} are their e-mail addresses (as
     * always); {@code partyDetails} the same parties in the same order with their names ({@code name}
     * is null for a party stored before names were kept, until the parties are set again).
     * {@code lastActivityAt} is the last change, the same moment as {@code updatedAt}: what the
     * staff list sorts by by default.
     */
    public record Staff(String id, String number, String description, DossierStatus status, List<String> parties,
            List<StaffParty> partyDetails, Progress progress, Instant createdAt, Instant updatedAt,
            Instant lastActivityAt) {

        public static Staff of(Dossier dossier) {
            List<Party> parties = dossier.getParties();
            return new Staff(dossier.getId(), dossier.getNumber(), dossier.getDescription(), dossier.getStatus(),
                    parties.stream().map(Party::email).toList(), parties.stream().map(StaffParty::of).toList(),
                    dossier.getProgress(), dossier.getCreatedAt(), dossier.getUpdatedAt(), dossier.getUpdatedAt());
        }
    }

    /** A party in the staff view: its account, e-mail address, display name and kind of account. */
    public record StaffParty(String accountId, String email, String name, String accountType) {

        static StaffParty of(Party party) {
            return new StaffParty(party.accountId(), party.email(), party.name(), party.accountType());
        }
    }
}
