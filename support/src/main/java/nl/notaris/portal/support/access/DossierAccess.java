package nl.notaris.portal.support.access;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import nl.notaris.portal.support.security.Caller;

/**
 * A service's replica of one dossier: its number, its parties and the access keys they grant.
 * {@code version} is the dossier's revision: an older or repeated state never overwrites a newer one.
 */
@Document(DossierAccess.COLLECTION)
public record DossierAccess(@Id String dossierId, String number, List<DossierParty> parties, List<String> accessKeys,
        long version) {

    static final String COLLECTION = "dossier_access";

    public static DossierAccess of(String dossierId, String number, List<DossierParty> parties, long version) {
        List<DossierParty> distinct = parties == null ? List.of() : parties.stream().distinct().toList();
        return new DossierAccess(dossierId, number, distinct,
                distinct.stream().map(DossierParty::accessKey).distinct().toList(), version);
    }

    /** Staff see every dossier; a client only one that grants one of its keys. */
    public boolean isVisibleTo(Caller caller) {
        return caller.isStaff() || caller.mayAccess(accessKeys);
    }
}
