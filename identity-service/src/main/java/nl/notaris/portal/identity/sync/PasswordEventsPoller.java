package nl.notaris.portal.identity.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import nl.notaris.portal.identity.accounts.AccountActivation;
import nl.notaris.portal.identity.keycloak.KeycloakAdminClient;
import nl.notaris.portal.identity.keycloak.KeycloakAdminClient.UserEvent;
import nl.notaris.portal.support.events.ProcessedEvents;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * Learns from Keycloak's stored events that a password was set (after an invitation or a forgotten
 * password): the account is activated the first time and the confirmation e-mail (#3, ONB-5) goes
 * out. Keycloak stores the event with the password change, so none is lost while this service is
 * down; each Keycloak event is handled once (its id), and the e-mail event carries that id too.
 */
@Component
class PasswordEventsPoller {

    private static final Logger log = LoggerFactory.getLogger(PasswordEventsPoller.class);
    static final String CONSUMER = "identity-service.keycloak-password-events";
    private static final String CURSOR = "keycloak_event_cursor";
    private static final Duration OVERLAP = Duration.ofMinutes(5);

    private final KeycloakAdminClient keycloak;
    private final AccountActivation activation;
    private final ProcessedEvents processed;
    private final MongoTemplate mongo;
    private final Clock clock;

    PasswordEventsPoller(KeycloakAdminClient keycloak, AccountActivation activation, ProcessedEvents processed,
            MongoTemplate mongo, Clock clock) {
        this.keycloak = keycloak;
        this.activation = activation;
        this.processed = processed;
        this.mongo = mongo;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${portal.accounts.events-initial-delay:3s}", fixedDelayString = "${portal.accounts.events-interval:3s}")
    void poll() {
        try {
            Instant since = since();
            Instant newest = since;
            for (int first = 0;; first += 100) {
                var page = keycloak.events("UPDATE_CREDENTIAL", UserEvent.day(since), first, 100);
                for (UserEvent event : page) {
                    if (event.at().isBefore(since) || !"password".equals(event.details() == null ? null
                            : event.details().get("credential_type"))) {
                        continue;
                    }
                    processed.handleOnce(CONSUMER, event.id(),
                            () -> activation.passwordSet(event.userId(), event.id(), event.at()));
                    newest = newest.isAfter(event.at()) ? newest : event.at();
                }
                if (page.size() < 100) {
                    break;
                }
            }
            // the cursor trails the newest event a little, so events stored late (clock skew) are still seen
            mongo.upsert(query(where("_id").is(CURSOR)), new Update().set("since", newest.minus(OVERLAP)), CURSOR);
        } catch (RuntimeException e) {
            log.warn("Keycloak's events not read this time: {}", e.getClass().getSimpleName());
        }
    }

    private Instant since() {
        org.bson.Document cursor = mongo.findById(CURSOR, org.bson.Document.class, CURSOR);
        if (cursor == null) {
            return clock.instant().minus(Duration.ofDays(1));
        }
        return cursor.getDate("since").toInstant();
    }
}
