package nl.notaris.portal.identity.accounts;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import nl.notaris.portal.identity.keycloak.KeycloakAdminClient;
import nl.notaris.portal.support.web.NotFoundException;

/**
 * What the signed-in person chooses in "Mijn gegevens": the language (ME-1), the notifications (ME-3), and that the
 * first sign-in's page was seen (ONB-4). A change is told to the other services by the account's event.
 */
@Service
public class AccountPreferences {

    private final MongoTemplate mongo;
    private final KeycloakAdminClient keycloak;
    private final AccountRecords records;
    private final AccountEvents events;
    private final Clock clock;

    AccountPreferences(MongoTemplate mongo, KeycloakAdminClient keycloak, AccountRecords records, AccountEvents events,
            Clock clock) {
        this.mongo = mongo;
        this.keycloak = keycloak;
        this.records = records;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The language a staff member chose last (Keycloak's {@code locale}): staff have no portal account,
     * and the token's claim keeps the language of the sign-in until the next one. Empty when Keycloak
     * does not answer or knows none.
     */
    public Optional<String> staffLanguage(String userId) {
        try {
            return keycloak.findUser(userId).map(user -> user.attribute("locale"));
        } catch (RuntimeException unavailable) {
            return Optional.empty();
        }
    }

    /** ME-1: the language applies at once, to the portal, to Keycloak's pages and e-mails and to the portal's e-mails. */
    public void changeLanguage(String accountId, String language) {
        keycloak.setAttribute(accountId, "locale", language);
        records.find(accountId).ifPresent(account -> {
            if (account.changeLanguage(language, clock.instant())) {
                account.record(events.changed(account));
                mongo.save(account);
            }
        });
    }

    /** Saved at once; notification-service hears it through the account's event before the next e-mail (ME-3). */
    public NotificationPreferences changeNotifications(String accountId, NotificationPreferences preferences) {
        Account account = records.findOrReconcile(accountId)
                .orElseThrow(() -> new NotFoundException("Account " + accountId + " was not found."));
        if (account.changeNotifications(preferences, clock.instant())) {
            account.record(events.changed(account));
            mongo.save(account);
        }
        return account.getNotifications();
    }

    /** The first sign-in opens "Mijn gegevens" (ONB-4); once seen, it no longer does. */
    public void onboarded(String accountId) {
        mongo.updateFirst(query(where("_id").is(accountId).and("onboardedAt").is(null)),
                new Update().set("onboardedAt", clock.instant()), Account.class);
    }
}
