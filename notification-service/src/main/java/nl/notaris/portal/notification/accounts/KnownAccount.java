package nl.notaris.portal.notification.accounts;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import nl.notaris.portal.notification.mail.Language;
import nl.notaris.portal.notification.mail.MailKind;

/**
 * This service's replica of an account, kept from {@code portal.accounts.v1}: where, to whom (the name the
 * e-mails greet, when the events give one) and in which language to mail it, and to which company it
 * belongs (a company's accounts all hear about the company's dossiers). {@code version} guards against
 * stale events.
 */
@Document("accounts")
public record KnownAccount(@Id String accountId, String email, String name, String language, String accountType,
        @Indexed String companyId, String state, NotificationChoices notifications, long version) {

    /** Whether this account wants this kind of e-mail; all kinds until its events say otherwise. */
    public boolean wants(MailKind kind) {
        return (notifications == null ? NotificationChoices.ALL_ON : notifications).wants(kind);
    }

    public Language mailLanguage() {
        return Language.fromTag(language);
    }

    /** Removed and blocked accounts get nothing. */
    public boolean receivesMail() {
        return !"REMOVED".equals(state) && !"BLOCKED".equals(state);
    }
}
