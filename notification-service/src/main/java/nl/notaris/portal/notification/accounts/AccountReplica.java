package nl.notaris.portal.notification.accounts;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Reads and keeps the account replica (version-guarded: an older or repeated state never overwrites a newer one). */
@Component
public class AccountReplica {

    private final MongoTemplate mongo;

    AccountReplica(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<KnownAccount> find(String accountId) {
        return Optional.ofNullable(mongo.findById(accountId, KnownAccount.class));
    }

    /** Every account of a company, the removed ones too (callers decide who receives mail). */
    public List<KnownAccount> ofCompany(String companyId) {
        return mongo.find(query(where("companyId").is(companyId)), KnownAccount.class);
    }

    void apply(KnownAccount state) {
        try {
            mongo.upsert(query(where("_id").is(state.accountId()).and("version").lt(state.version())),
                    new Update().set("email", state.email()).set("name", state.name()).set("language", state.language())
                            .set("accountType", state.accountType()).set("companyId", state.companyId())
                            .set("state", state.state()).set("notifications", state.notifications())
                            .set("version", state.version()),
                    KnownAccount.class);
        } catch (DuplicateKeyException newerStored) {
            // the replica holds this version or a newer one already
        }
    }
}
