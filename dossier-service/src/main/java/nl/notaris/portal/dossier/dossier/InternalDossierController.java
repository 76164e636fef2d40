package nl.notaris.portal.dossier.dossier;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import nl.notaris.portal.dossier.parties.Party;
import nl.notaris.portal.support.access.DossierParty;
import nl.notaris.portal.support.security.Caller;

/**
 * For the other services, called with their caller's token: a dossier's access state, the same
 * that its events carry, so that a service whose replica has not heard of a dossier yet can still
 * answer at once. Staff get any dossier; a client only one it may see. Not routed by the gateway.
 */
@RestController
class InternalDossierController {

    private final DossierService service;

    InternalDossierController(DossierService service) {
        this.service = service;
    }

    @GetMapping("/internal/dossiers/{id}/access")
    DossierAccessState access(Caller caller, @PathVariable String id) {
        Dossier dossier = service.getFor(caller, id);
        return new DossierAccessState(dossier.getId(), dossier.getNumber(), dossier.getRevision(),
                dossier.getParties().stream().map(Party::toDossierParty).toList());
    }

    record DossierAccessState(String dossierId, String number, long version, List<DossierParty> parties) {
    }
}
