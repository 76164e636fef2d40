package nl.notaris.portal.support.access;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import nl.notaris.portal.support.security.AccessKeys;

/** A party of a dossier as dossier events and the owner's access answer carry it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DossierParty(String accountId, String email, String accountType, String companyId) {

    public String accessKey() {
        return AccessKeys.ofParty(accountId, accountType, companyId);
    }
}
