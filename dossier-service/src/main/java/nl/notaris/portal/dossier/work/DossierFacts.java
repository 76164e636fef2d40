package nl.notaris.portal.dossier.work;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Objects;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import nl.notaris.portal.dossier.dossier.Dossier;
import nl.notaris.portal.dossier.parties.Party;
import nl.notaris.portal.support.security.AccessKeys;

/** What the dossiers of this service tell about an item: the dossier's number and the account's name as a party. */
@Component
class DossierFacts {

    /** Number and name, each null when not known. */
    record Known(String dossierNumber, String accountName) {
        static final Known NOTHING = new Known(null, null);
    }

    private final MongoTemplate mongo;

    DossierFacts(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    Known of(String dossierId, String accountId) {
        Query byId = query(where("_id").is(dossierId));
        byId.fields().include("number", "parties");
        Dossier dossier = mongo.findOne(byId, Dossier.class);
        return dossier == null ? Known.NOTHING : new Known(dossier.getNumber(), nameIn(dossier, accountId));
    }

    /**
     * The account's name in a dossier it is a party to, or null: found through the key such a party
     * gives access under, on the {@code client_list} index ({@code accessKeys} first).
     */
    String nameOf(String accountId, String accountType, String companyId) {
        Query party = query(where("accessKeys").is(AccessKeys.ofParty(accountId, accountType, companyId))
                .and("parties.accountId").is(accountId)).limit(1);
        party.fields().include("parties");
        Dossier dossier = mongo.findOne(party, Dossier.class);
        return dossier == null ? null : nameIn(dossier, accountId);
    }

    private static String nameIn(Dossier dossier, String accountId) {
        return dossier.getParties().stream().filter(p -> Objects.equals(p.accountId(), accountId)).map(Party::name)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }
}
