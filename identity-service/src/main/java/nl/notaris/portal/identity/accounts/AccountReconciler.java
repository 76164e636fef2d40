package nl.notaris.portal.identity.accounts;

import java.time.Clock;
import java.time.Instant;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import nl.notaris.portal.identity.keycloak.KeycloakAdminClient.UserRepresentation;

/**
 * Keeps the portal's record of a Keycloak user that the portal did not invite itself (the demo accounts, or one an
 * administrator made in Keycloak): created when new, and changed when its language or enabled state changed. Every
 * change is told to the other services by the account's event.
 */
@Service
public class AccountReconciler {

    private final MongoTemplate mongo;
    private final AccountEvents events;
    private final Clock clock;

    AccountReconciler(MongoTemplate mongo, AccountEvents events, Clock clock) {
        this.mongo = mongo;
        this.events = events;
        this.clock = clock;
    }

    /** Returns whether something was recorded; a user without a client's account type is not the portal's. */
    public boolean reconcile(UserRepresentation user, boolean hasPassword) {
        AccountType type;
        try {
            type = AccountType.valueOf(String.valueOf(user.attribute("account_type")));
        } catch (IllegalArgumentException notAClient) {
            return false;
        }
        String language = "en".equals(user.attribute("locale")) ? "en" : "nl";
        Instant now = clock.instant();
        Account account = mongo.findById(user.id(), Account.class);
        if (account == null) {
            account = Account.known(user.id(), user.email() == null ? user.username() : user.email(),
                    user.firstName(), user.lastName(), type, user.attribute("company_id"),
                    user.attribute("company_name"), language, user.attribute("phone_number"),
                    hasPassword ? AccountState.ACTIVE : AccountState.INVITED, now);
            account.block(!user.enabled(), now);
            if (hasPassword) {
                // in use before the portal knew it: its first sign-in lies behind it
                account.onboarded(now);
            }
            account.record(events.changed(account));
            mongo.insert(account);
            return true;
        }
        boolean changed = account.changeLanguage(language, now) | account.block(!user.enabled(), now);
        if (changed) {
            account.record(events.changed(account));
            mongo.save(account);
        }
        return changed;
    }
}
