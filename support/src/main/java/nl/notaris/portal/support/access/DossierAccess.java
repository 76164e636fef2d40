package nl.notaris.portal.support.access;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import nl.notaris.portal.support.security.Caller;

/**
 * A service's replica of one dossier: its number, its parties and the access keys they grant, and
 * the grants its clients gave advisers. {@code version} is the dossier's revision: an older or
 * repeated state never overwrites a newer one.
 */
@Document(DossierAccess.COLLECTION)
public record DossierAccess(@Id String dossierId, String number, List<DossierParty> parties, List<String> accessKeys,
        List<AccessGrant> grants, long version) {

    static final String COLLECTION = "dossier_access";

    public DossierAccess {
        grants = grants == null ? List.of() : grants; // stored before dossiers had grants
    }

    public static DossierAccess of(String dossierId, String number, List<DossierParty> parties, long version) {
        return of(dossierId, number, parties, List.of(), version);
    }

    public static DossierAccess of(String dossierId, String number, List<DossierParty> parties,
            List<AccessGrant> grants, long version) {
        List<DossierParty> distinct = parties == null ? List.of() : parties.stream().distinct().toList();
        return new DossierAccess(dossierId, number, distinct,
                distinct.stream().map(DossierParty::accessKey).distinct().toList(), grants, version);
    }

    /** Staff see every dossier; a client only one that grants one of its keys. A grant is not enough here. */
    public boolean isVisibleTo(Caller caller) {
        return caller.isStaff() || caller.mayAccess(accessKeys);
    }

    /** The caller's grant on this dossier, while it lasts. */
    public Optional<AccessGrant> grantOf(Caller caller, Instant now) {
        return grants.stream().filter(grant -> grant.isHeldBy(caller, now)).findFirst();
    }
}
