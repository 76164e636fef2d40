package nl.notaris.portal.notification.access;

import java.time.LocalDate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import nl.notaris.portal.notification.accounts.AccountReplica;
import nl.notaris.portal.notification.accounts.KnownAccount;
import nl.notaris.portal.notification.config.ConsumedTopics;
import nl.notaris.portal.notification.events.TopicHandler;
import nl.notaris.portal.notification.mail.Language;
import nl.notaris.portal.notification.mail.MailKind;
import nl.notaris.portal.notification.mail.MailModel;
import nl.notaris.portal.notification.mail.MailTemplates;
import nl.notaris.portal.notification.mail.NotificationMailer;
import nl.notaris.portal.notification.mail.PortalLinks;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client shared a dossier with an adviser's existing account (ADV-1, {@code portal.access.granted} with
 * {@code newAccount} false): the account is mailed who shared which dossier, until when, and the link to
 * the dossier, in its own language, once per event. A new account hears of it through its invitation
 * (identity-service's {@code portal.account.invited}), so then nothing is sent here; a removed or blocked
 * account gets nothing either.
 */
@Component
class AccessEventsHandler implements TopicHandler {

    static final String GRANTED = "portal.access.granted";

    private final AccountReplica accounts;
    private final MailTemplates templates;
    private final NotificationMailer mailer;
    private final PortalLinks links;
    private final JsonMapper json;
    private final String officeName;

    AccessEventsHandler(AccountReplica accounts, MailTemplates templates, NotificationMailer mailer, PortalLinks links,
            JsonMapper json, @Value("${portal.office-name:Notariskantoor}") String officeName) {
        this.accounts = accounts;
        this.templates = templates;
        this.mailer = mailer;
        this.links = links;
        this.json = json;
        this.officeName = officeName;
    }

    @Override
    public String topic() {
        return ConsumedTopics.ACCESS;
    }

    @Override
    public void handle(ConsumerRecord<String, String> record) {
        AccessEvent event = json.readValue(record.value(), AccessEvent.class);
        if (!GRANTED.equals(event.type()) || !Boolean.FALSE.equals(event.data().newAccount())) {
            return;
        }
        Granted granted = event.data();
        var known = accounts.find(granted.accountId());
        if (known.isPresent() && !known.get().receivesMail()) {
            return;
        }
        // the account's own address and language when this service knows the account; the grant's otherwise
        Language language = known.map(KnownAccount::mailLanguage).orElse(Language.fromTag(granted.language()));
        String email = known.map(KnownAccount::email).orElse(granted.email());
        MailModel model = new MailModel(links.dossier(granted.dossierId()), officeName)
                .withRecipientName(known.map(KnownAccount::name).orElse(granted.name()))
                .withSharing(granted.grantedByName(), granted.dossierNumber())
                .withValidUntil(language.longDate(granted.until()));
        mailer.sendOnce(event.id(), granted.accountId(), email, templates.render(MailKind.ACCESS_GRANTED, language, model));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AccessEvent(String id, String type, Granted data) {
    }

    /** The fields of {@code portal.access.granted} this mail needs; the other access events have fewer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Granted(String dossierId, String dossierNumber, String accountId, String email, String name,
            LocalDate until, String grantedByName, Boolean newAccount, String language) {
    }
}
