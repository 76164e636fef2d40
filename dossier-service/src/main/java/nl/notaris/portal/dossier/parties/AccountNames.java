package nl.notaris.portal.dossier.parties;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * The display names of client accounts, as identity-service's account events give them (collection
 * {@code account_names}): what the activity trail and a fulfilled request name a client by. An extra
 * account of a company is not a party of a dossier, so its name is known only from here; a party's
 * name in the dossier is the fallback for an account whose events have not come yet.
 */
@Component
public class AccountNames {

    static final String COLLECTION = "account_names";

    private final MongoTemplate mongo;

    AccountNames(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Keeps the name of a version of the account; an older version than the one kept changes nothing. */
    public void remember(String accountId, String name, long version) {
        if (name == null || name.isBlank()) {
            return;
        }
        try {
            mongo.upsert(query(where("_id").is(accountId).and("version").lt(version)),
                    new Update().set("name", name.trim()).set("version", version), COLLECTION);
        } catch (org.springframework.dao.DuplicateKeyException newerKept) {
            // a newer version is kept already
        }
    }

    /**
     * The account's name: from its events, else its name as a party of the dossier (read only then: most
     * names are known from the events).
     */
    public Optional<String> nameOf(String accountId, Supplier<List<Party>> parties) {
        Document kept = mongo.findOne(query(where("_id").is(accountId)), Document.class, COLLECTION);
        if (kept != null && kept.getString("name") != null) {
            return Optional.of(kept.getString("name"));
        }
        return parties.get().stream().filter(p -> accountId.equals(p.accountId()) && p.name() != null)
                .map(Party::name).findFirst();
    }
}
