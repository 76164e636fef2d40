package nl.notaris.portal.dossier.dossier;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import nl.notaris.portal.dossier.parties.Party;
import nl.notaris.portal.support.access.AccessGrant;
import nl.notaris.portal.support.access.DossierParty;
import nl.notaris.portal.support.security.Caller;

/**
 * For the other services, called with their caller's token: a dossier's access state, the same
 * that its events carry, so that a service whose replica has not heard of a dossier yet can still
 * answer at once. Staff get any dossier; a client only one it may see, as a party or through a grant
 * that lasts: support's access rule confirms an adviser's grant here on every call, so a grant works
 * the moment it is made and a revoked or ended one is refused at the next call; that call is recorded
 * as a use of the grant ({@link DossierService#readFor}). Not routed by the gateway.
 */
@RestController
class InternalDossierController {

    private final DossierService service;

    InternalDossierController(DossierService service) {
        this.service = service;
    }

    @GetMapping("/internal/dossiers/{id}/access")
    DossierAccessState access(Caller caller, @PathVariable String id) {
        Dossier dossier = service.readFor(caller, id).dossier();
        return new DossierAccessState(dossier.getId(), dossier.getNumber(), dossier.getRevision(),
                dossier.getParties().stream().map(Party::toDossierParty).toList(), DossierEvents.accessGrants(dossier));
    }

    record DossierAccessState(String dossierId, String number, long version, List<DossierParty> parties,
            List<AccessGrant> grants) {
    }
}
