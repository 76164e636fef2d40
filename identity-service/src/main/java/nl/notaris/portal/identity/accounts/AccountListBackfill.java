package nl.notaris.portal.identity.accounts;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Accounts stored before the office's list existed have no {@code searchText} (nor {@code createdAt},
 * {@code updatedAt}), so the list's search would not find them. At start-up this fills them in, from
 * the account's own fields ({@link Account#beforeSave()}), for every account that lacks the search text.
 * Idempotent: each update applies only while the document still lacks it, so a second run, another
 * replica running at the same time, or a save in between (which fills it too) changes nothing twice;
 * it leaves {@code @Version} alone, so no concurrent save fails because of it. A failure (database not
 * reachable) does not stop the service: the next start-up tries again. Finding the accounts without
 * the field uses no index: one scan of the collection (some thousands of small documents) per start-up.
 */
@Component
class AccountListBackfill implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountListBackfill.class);

    private static final String COLLECTION = "accounts";

    private final MongoTemplate mongo;

    AccountListBackfill(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            int filled = fill();
            if (filled > 0) {
                log.info("Filled the list fields of {} account(s) stored before the list existed", filled);
            }
        } catch (RuntimeException e) {
            log.warn("Account list fields not filled this time: {}", e.getClass().getSimpleName());
        }
    }

    /** Returns how many accounts it changed. */
    int fill() {
        int filled = 0;
        try (Stream<Account> missing = mongo.stream(query(where("searchText").exists(false)), Account.class)) {
            for (Account account : (Iterable<Account>) missing::iterator) {
                account.beforeSave();
                Update update = new Update().set("searchText", account.getSearchText());
                if (account.getCreatedAt() != null) {
                    update.set("createdAt", account.getCreatedAt());
                }
                if (account.getUpdatedAt() != null) {
                    update.set("updatedAt", account.getUpdatedAt());
                }
                // by collection name: an update of the entity class would count the version up
                filled += (int) mongo.updateFirst(query(where("_id").is(account.getId()).and("searchText").exists(false)),
                        update, COLLECTION).getModifiedCount();
            }
        }
        return filled;
    }
}
