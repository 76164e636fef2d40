package nl.notaris.portal.dossier.dossier;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import nl.notaris.portal.dossier.events.DossierTopics;
import nl.notaris.portal.dossier.parties.Party;
import nl.notaris.portal.support.access.AccessGrant;
import nl.notaris.portal.support.access.DossierParty;
import nl.notaris.portal.support.events.CloudEventFactory;
import nl.notaris.portal.support.events.PendingEvent;

/**
 * The events of dossiers. They carry the dossier's parties, its grants that are not revoked and its
 * revision, so that services keep their access replicas from them alone.
 */
@Component
public class DossierEvents {

    public static final String CREATED = "portal.dossier.created";
    public static final String CHANGED = "portal.dossier.changed";

    private final CloudEventFactory events;

    DossierEvents(CloudEventFactory events) {
        this.events = events;
    }

    public PendingEvent created(Dossier dossier) {
        return events.create(DossierTopics.TOPIC, dossier.getId(), CREATED, "dossiers/" + dossier.getId(),
                data(dossier, List.of()));
    }

    public PendingEvent changed(Dossier dossier, Set<Dossier.Change> changes) {
        return events.create(DossierTopics.TOPIC, dossier.getId(), CHANGED, "dossiers/" + dossier.getId(),
                data(dossier, changes.stream().map(Enum::name).sorted().toList()));
    }

    private static DossierEventData data(Dossier dossier, List<String> changes) {
        return new DossierEventData(dossier.getId(), dossier.getNumber(), dossier.getStatus().name(),
                dossier.getRevision(), dossier.getParties().stream().map(Party::toDossierParty).toList(),
                accessGrants(dossier), changes.isEmpty() ? null : changes);
    }

    /** The grants as the access rule knows them: the live and the expired ones (whose end every service checks), not the revoked. */
    public static List<AccessGrant> accessGrants(Dossier dossier) {
        return dossier.getGrants().stream().filter(grant -> !grant.isRevoked()).map(Grant::toAccessGrant).toList();
    }

    /**
     * The contract's data (contracts/events/portal.dossier.*.schema.json): parties without their names,
     * grants without the adviser's address and name.
     */
    record DossierEventData(String dossierId, String number, String status, long version,
            List<DossierParty> parties, List<AccessGrant> grants, List<String> changes) {
    }
}
