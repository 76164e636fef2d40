package nl.notaris.portal.identity.accounts;

import java.time.Clock;
import java.time.Instant;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** A password set in Keycloak (e-mail #3); the first one activates the account (ONB-5). */
@Service
public class AccountActivation {

    private final MongoTemplate mongo;
    private final AccountEvents events;
    private final Clock clock;

    AccountActivation(MongoTemplate mongo, AccountEvents events, Clock clock) {
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
    }

    /** Keycloak saw a password set (e-mail #3; the first one activates the account). Repeats are dropped by id. */
    public void passwordSet(String accountId, String keycloakEventId, Instant at) {
        Account account = mongo.findById(accountId, Account.class);
        if (account == null) {
            return;
        }
        if (account.activate(at, clock.instant())) {
            account.record(events.activated(account));
        }
        account.record(events.passwordSet(account, keycloakEventId, at));
        mongo.save(account);
    }
}
