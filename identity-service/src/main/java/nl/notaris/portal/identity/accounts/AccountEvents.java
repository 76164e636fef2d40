package nl.notaris.portal.identity.accounts;

import java.time.Instant;

import org.springframework.stereotype.Component;

import nl.notaris.portal.identity.events.AccountTopics;
import nl.notaris.portal.support.events.CloudEventFactory;
import nl.notaris.portal.support.events.PendingEvent;

/**
 * The events of accounts. Each carries the account's state (address, name for the e-mails' greeting,
 * language, type, company, revision) so that notification-service keeps its replica from them alone; a
 * removed account's event leaves the name out, as that replica needs it no longer. The invitation also
 * carries the token of its link, which only lets someone ask for the set-password e-mail to be
 * sent to the account's own address; an adviser's invitation also names who shared which dossier.
 */
@Component
class AccountEvents {

    static final String INVITED = "portal.account.invited";
    static final String ACTIVATED = "portal.account.activated";
    static final String CHANGED = "portal.account.changed";
    static final String REMOVED = "portal.account.removed";
    static final String PASSWORD_SET = "portal.account.password-set";

    private final CloudEventFactory events;

    AccountEvents(CloudEventFactory events) {
        this.events = events;
    }

    PendingEvent invited(Account account, String invitationToken, Instant expiresAt) {
        return events.create(AccountTopics.TOPIC, account.getId(), INVITED, subject(account),
                Invited.of(account, invitationToken, expiresAt));
    }

    PendingEvent activated(Account account) {
        return events.create(AccountTopics.TOPIC, account.getId(), ACTIVATED, subject(account), State.of(account));
    }

    PendingEvent changed(Account account) {
        return events.create(AccountTopics.TOPIC, account.getId(), CHANGED, subject(account), State.of(account));
    }

    PendingEvent removed(Account account) {
        return events.create(AccountTopics.TOPIC, account.getId(), REMOVED, subject(account),
                State.of(account).withoutName());
    }

    /** Derived from Keycloak's event: its id is the event's id, so a repeat sends no second e-mail. */
    PendingEvent passwordSet(Account account, String keycloakEventId, Instant at) {
        return events.create("keycloak-" + keycloakEventId, AccountTopics.TOPIC, account.getId(), PASSWORD_SET,
                subject(account), new PasswordSet(State.of(account), at));
    }

    private static String subject(Account account) {
        return "accounts/" + account.getId();
    }

    record State(String accountId, String email, String name, String language, String accountType,
            String companyId, String state, NotificationPreferences notifications, long version) {

        static State of(Account a) {
            return new State(a.getId(), a.getEmail(), a.addressedAs(), a.getLanguage(), a.getType().name(),
                    a.getCompanyId(), a.getState().name(), a.getNotifications(), a.getRevision());
        }

        State withoutName() {
            return new State(accountId, email, null, language, accountType, companyId, state, notifications, version);
        }
    }

    /** An adviser's invitation also tells who shared which dossier (ADV-1); absent for any other account. */
    record Invited(State account, String invitationToken, Instant expiresAt, String invitedByName,
            String dossierNumber) {

        static Invited of(Account account, String invitationToken, Instant expiresAt) {
            AdviserInvitation adviser = account.getAdviserInvitation();
            return new Invited(State.of(account), invitationToken, expiresAt,
                    adviser == null ? null : adviser.invitedByName(), adviser == null ? null : adviser.dossierNumber());
        }
    }

    record PasswordSet(State account, Instant setAt) {
    }
}
