package nl.notaris.portal.dossier.parties;

import nl.notaris.portal.support.access.DossierParty;
import nl.notaris.portal.support.security.AccessKeys;

/**
 * A portal account that is a party to a dossier. Who may see the dossier through it is the
 * portal's one access rule ({@link AccessKeys}). {@code name} is the account's display name
 * (a person's first and last name, a company main account's company name) as identity-service
 * gave it when the parties were set; {@code null} for a party stored before names were kept. The
 * name stays in this service's documents and staff views: events and the internal access answer
 * carry {@link #toDossierParty()}, whose fields the event contracts fix.
 */
public record Party(String accountId, String email, String accountType, String companyId, String name) {

    public String accessKey() {
        return AccessKeys.ofParty(accountId, accountType, companyId);
    }

    /** The party as dossier events and the internal access answer carry it: without the name. */
    public DossierParty toDossierParty() {
        return new DossierParty(accountId, email, accountType, companyId);
    }
}
