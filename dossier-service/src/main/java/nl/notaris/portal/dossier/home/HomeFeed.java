package nl.notaris.portal.dossier.home;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * What Home is built from, written from the events: the items ({@link HomeItem}) and each account's
 * read state — one small document per item and account ({@code home_reads}, the same moment the tabs
 * mark a document or message read, from their events), and the moment of "Alles gezien" per account
 * ({@code home_accounts}). Every write is an upsert of a fixed id, so a repeated event changes nothing.
 */
@Component
class HomeFeed {

    static final String READS = "home_reads";
    static final String ACCOUNTS = "home_accounts";

    private final MongoTemplate mongo;

    HomeFeed(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    void add(HomeItem item) {
        if (item.kind() == HomeItem.Kind.QUESTIONNAIRE) {
            // a completion that came first has closed it already: that stays
            Update update = new Update().setOnInsert("open", true);
            update.setOnInsert("kind", item.kind()).setOnInsert("dossierId", item.dossierId()).setOnInsert("at", item.at())
                    .setOnInsert("assignmentId", item.assignmentId()).setOnInsert("accountId", item.accountId())
                    .set("dueDate", item.dueDate());
            upsert(item.id(), update);
            return;
        }
        mongo.save(item);
    }

    /** The questionnaire was completed: no longer needed, and seen by whoever completed it. */
    void questionnaireCompleted(String assignmentId, String dossierId, String accountId, Instant at) {
        String id = HomeItem.questionnaireId(assignmentId);
        upsert(id, new Update().set("open", false).setOnInsert("kind", HomeItem.Kind.QUESTIONNAIRE)
                .setOnInsert("dossierId", dossierId).setOnInsert("assignmentId", assignmentId)
                .setOnInsert("accountId", accountId).setOnInsert("at", at));
        read(id, accountId, at);
    }

    /** The account has seen the item: opened the document or message, or followed the item's link. */
    void read(String itemId, String accountId, Instant at) {
        try {
            mongo.upsert(query(where("_id").is(itemId + "|" + accountId)),
                    new Update().setOnInsert("itemId", itemId).setOnInsert("accountId", accountId).setOnInsert("at", at),
                    READS);
        } catch (DuplicateKeyException concurrent) {
            // the same read, recorded at the same moment by another event
        }
    }

    Optional<String> dossierOf(String itemId) {
        return Optional.ofNullable(mongo.findById(itemId, HomeItem.class)).map(HomeItem::dossierId);
    }

    /** "Alles gezien": everything that happened until {@code at} is seen by the account. */
    void seenAll(String accountId, Instant at) {
        mongo.upsert(query(where("_id").is(accountId)), new Update().max("seenAllAt", at), ACCOUNTS);
    }

    private void upsert(String id, Update update) {
        try {
            mongo.upsert(query(where("_id").is(id)), update, HomeItem.class);
        } catch (DuplicateKeyException concurrent) {
            mongo.updateFirst(query(where("_id").is(id)), update, HomeItem.class);
        }
    }
}
