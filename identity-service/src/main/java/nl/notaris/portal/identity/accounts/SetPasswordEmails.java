package nl.notaris.portal.identity.accounts;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;

import nl.notaris.portal.identity.keycloak.KeycloakAdminClient;

/**
 * Sends the set-password e-mails (#2) that the invitation page marked due ({@link InvitationLinks#confirm}),
 * so that page never waits for Keycloak. An e-mail is claimed before it is sent, by moving its due
 * time past the longest call to Keycloak with a conditional update: one replica sends it, and another
 * takes it over only when the claim ran out (the sender died). While Keycloak fails it is tried again
 * after growing pauses; once Keycloak refuses it, or the account no longer waits for its password, or a
 * day went by (the client can ask for a new invitation on the page), it is dropped.
 */
@Component
class SetPasswordEmails {

    private static final Logger log = LoggerFactory.getLogger(SetPasswordEmails.class);
    /** Longer than a call to Keycloak can take (token, connect and read timeouts). */
    private static final Duration CLAIM = Duration.ofMinutes(1);
    private static final Duration LONGEST_PAUSE = Duration.ofMinutes(10);
    private static final Duration GIVE_UP_AFTER = Duration.ofDays(1);
    private static final int PER_RUN = 50;

    private final MongoTemplate mongo;
    private final KeycloakAdminClient keycloak;
    private final OnboardingSettings settings;
    private final Clock clock;
    private final Duration firstPause;

    SetPasswordEmails(MongoTemplate mongo, KeycloakAdminClient keycloak, OnboardingSettings settings, Clock clock,
            @Value("${portal.accounts.password-email-retry-delay:10s}") Duration firstPause) {
        this.mongo = mongo;
        this.keycloak = keycloak;
        this.settings = settings;
        this.clock = clock;
        this.firstPause = firstPause;
    }

    @Scheduled(initialDelayString = "${portal.accounts.password-emails-initial-delay:1s}",
            fixedDelayString = "${portal.accounts.password-emails-interval:1s}")
    void sendDue() {
        try {
            for (int i = 0; i < PER_RUN; i++) {
                Invitation claimed = claimNext();
                if (claimed == null) {
                    return;
                }
                send(claimed);
            }
        } catch (RuntimeException e) {
            log.warn("Set-password e-mails not sent this time: {}", e.getClass().getSimpleName());
        }
    }

    /** The next due e-mail, claimed for this replica; null when none is due. */
    private Invitation claimNext() {
        Instant now = clock.instant();
        return mongo.findAndModify(query(where("passwordEmailDueAt").lte(now)).with(Sort.by("passwordEmailDueAt")),
                new Update().set("passwordEmailDueAt", now.plus(CLAIM)).inc("passwordEmailTries", 1),
                FindAndModifyOptions.options().returnNew(true), Invitation.class);
    }

    private void send(Invitation claimed) {
        Account account = mongo.findById(claimed.accountId(), Account.class);
        if (account == null || account.getState() != AccountState.INVITED) {
            finish(claimed, null);
            return;
        }
        try {
            keycloak.sendSetPasswordEmail(account.getId(), settings.signInUrl(), settings.passwordLinkValidFor().toSeconds());
        } catch (HttpClientErrorException.NotFound | HttpClientErrorException.BadRequest refused) {
            log.warn("Keycloak refused the set-password e-mail for account {} ({}); not tried again", account.getId(),
                    refused.getStatusCode().value());
            finish(claimed, null);
            return;
        } catch (RuntimeException e) {
            tryAgainLater(claimed, account, e);
            return;
        }
        // should this update fail, the claim runs out and the e-mail goes a second time: better than never
        finish(claimed, clock.instant());
        log.info("Set-password e-mail sent for account {}", account.getId());
    }

    private void tryAgainLater(Invitation claimed, Account account, RuntimeException cause) {
        Instant now = clock.instant();
        if (claimed.usedAt() != null && now.isAfter(claimed.usedAt().plus(GIVE_UP_AFTER))) {
            log.warn("Set-password e-mail for account {} given up after {} tries: {}", account.getId(),
                    claimed.passwordEmailTries(), cause.getClass().getSimpleName());
            finish(claimed, null);
            return;
        }
        Duration pause = pause(claimed.passwordEmailTries());
        mongo.updateFirst(stillClaimed(claimed), new Update().set("passwordEmailDueAt", now.plus(pause)),
                Invitation.class);
        log.warn("Set-password e-mail for account {} not sent (try {}), again in {}: {}", account.getId(),
                claimed.passwordEmailTries(), pause, cause.getClass().getSimpleName());
    }

    /** No longer due: sent at {@code sentAt}, or dropped when that is null. */
    private void finish(Invitation claimed, Instant sentAt) {
        Update update = new Update().unset("passwordEmailDueAt");
        if (sentAt != null) {
            update.set("passwordEmailSentAt", sentAt);
        }
        mongo.updateFirst(stillClaimed(claimed), update, Invitation.class);
    }

    /** The invitation, unless another replica took the e-mail over after this one's claim ran out. */
    private static org.springframework.data.mongodb.core.query.Query stillClaimed(Invitation claimed) {
        return query(where("_id").is(claimed.tokenHash()).and("passwordEmailDueAt").is(claimed.passwordEmailDueAt()));
    }

    /** The first pause after the first failure, doubling up to ten minutes. */
    private Duration pause(int tries) {
        Duration pause = firstPause.multipliedBy(1L << Math.min(Math.max(tries - 1, 0), 20));
        return pause.compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause;
    }
}
