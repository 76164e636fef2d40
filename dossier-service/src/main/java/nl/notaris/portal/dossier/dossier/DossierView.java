package nl.notaris.portal.dossier.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import nl.notaris.portal.dossier.parties.Party;
import nl.notaris.portal.dossier.progress.Progress;
import nl.notaris.portal.support.access.AccessGrant;

/**
 * A dossier as a client sees it. An adviser reads it through a client's grant: then {@code sharedBy}
 * names the client who gave it, {@code sharedUntil} its last day and {@code access} what it allows
 * ({@code READ} or {@code READ_DELIVER}), and the progress steps leave out what the office asks of the
 * client. For a party's own dossier those three are absent.
 */
public record DossierView(String id, String number, String description, DossierStatus status, Progress progress,
        Instant updatedAt, @JsonInclude(Include.NON_NULL) String sharedBy,
        @JsonInclude(Include.NON_NULL) LocalDate sharedUntil, @JsonInclude(Include.NON_NULL) AccessGrant.Scope access) {

    public static DossierView of(Dossier dossier) {
        return new DossierView(dossier.getId(), dossier.getNumber(), dossier.getDescription(), dossier.getStatus(),
                dossier.getProgress().forClient(), dossier.getUpdatedAt(), null, null, null);
    }

    public static DossierView of(DossierService.DossierReading reading) {
        Dossier dossier = reading.dossier();
        Grant grant = reading.grant();
        if (grant == null) {
            return of(dossier);
        }
        return new DossierView(dossier.getId(), dossier.getNumber(), dossier.getDescription(), dossier.getStatus(),
                dossier.getProgress().forAdviser(), dossier.getUpdatedAt(), grant.grantedByName(), grant.until(),
                grant.scope());
    }

    /**
     * The list item of the dossier list. {@code lastActivityAt}: the last thing its clients could see
     * happen in it (a change, a document, a message, a questionnaire); its last change for a dossier
     * stored before that was kept.
     */
    public record Summary(String id, String number, String description, DossierStatus status, int progressDone,
            int progressTotal, Instant lastActivityAt, @JsonInclude(Include.NON_NULL) String sharedBy,
            @JsonInclude(Include.NON_NULL) LocalDate sharedUntil,
            @JsonInclude(Include.NON_NULL) AccessGrant.Scope access) {

        public static Summary of(Dossier dossier) {
            return of(dossier, Optional.empty());
        }

        /** With the grant an adviser reads it through ({@link DossierView}); empty for a party's own dossier. */
        public static Summary of(Dossier dossier, Optional<Grant> sharedThrough) {
            Progress progress = dossier.getProgress();
            Instant lastActivity = dossier.getLastActivityAt() != null ? dossier.getLastActivityAt()
                    : dossier.getUpdatedAt();
            Grant grant = sharedThrough.orElse(null);
            return new Summary(dossier.getId(), dossier.getNumber(), dossier.getDescription(), dossier.getStatus(),
                    progress.done(), progress.total(), lastActivity, grant == null ? null : grant.grantedByName(),
                    grant == null ? null : grant.until(), grant == null ? null : grant.scope());
        }
    }

    /**
     * A dossier as staff see it: with its parties. {@code parties} are their e-mail addresses (as
     * always); {@code partyDetails} the same parties in the same order with their names ({@code name}
     * is null for a party stored before names were kept, until the parties are set again).
     * {@code lastActivityAt} is the last change, the same moment as {@code updatedAt}: what the
     * staff list sorts by by default. {@code grantsAllowed}: whether its clients may give others access
     * (ADV-1; the office may forbid it).
     */
    public record Staff(String id, String number, String description, DossierStatus status, List<String> parties,
            List<StaffParty> partyDetails, Progress progress, Instant createdAt, Instant updatedAt,
            Instant lastActivityAt, boolean grantsAllowed) {

        public static Staff of(Dossier dossier) {
            List<Party> parties = dossier.getParties();
            return new Staff(dossier.getId(), dossier.getNumber(), dossier.getDescription(), dossier.getStatus(),
                    parties.stream().map(Party::email).toList(), parties.stream().map(StaffParty::of).toList(),
                    dossier.getProgress(), dossier.getCreatedAt(), dossier.getUpdatedAt(), dossier.getUpdatedAt(),
                    dossier.isGrantsAllowed());
        }
    }

    /** A party in the staff view: its account, e-mail address, display name and kind of account. */
    public record StaffParty(String accountId, String email, String name, String accountType) {

        static StaffParty of(Party party) {
            return new StaffParty(party.accountId(), party.email(), party.name(), party.accountType());
        }
    }
}
