package nl.notaris.portal.notification.accounts;

import java.time.Instant;
import java.time.ZoneId;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import nl.notaris.portal.notification.config.ConsumedTopics;
import nl.notaris.portal.notification.events.TopicHandler;
import nl.notaris.portal.notification.mail.Language;
import nl.notaris.portal.notification.mail.MailKind;
import nl.notaris.portal.notification.mail.MailModel;
import nl.notaris.portal.notification.mail.MailTemplates;
import nl.notaris.portal.notification.mail.NotificationMailer;
import nl.notaris.portal.notification.mail.PortalLinks;
import nl.notaris.portal.support.events.ProcessedEvents;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the account replica from {@code portal.accounts.v1}, and sends the onboarding e-mails that
 * are always sent, whatever the preferences (NOT-2): the invitation (#1, ONB-1) with the link to the
 * invitation page (an adviser's telling who shared which dossier, ADV-1), and the confirmation that a
 * password was set (#3, ONB-5). Once per event and address.
 */
@Component
class AccountEventsHandler implements TopicHandler {

    static final String CONSUMER = "notification-service.accounts";
    private static final String ADVISER = "ADVISER";
    private static final ZoneId OFFICE_ZONE = ZoneId.of("Europe/Amsterdam");

    private final AccountReplica replica;
    private final ProcessedEvents processed;
    private final MailTemplates templates;
    private final NotificationMailer mailer;
    private final PortalLinks links;
    private final JsonMapper json;
    private final String officeName;

    AccountEventsHandler(AccountReplica replica, ProcessedEvents processed, MailTemplates templates,
            NotificationMailer mailer, PortalLinks links, JsonMapper json,
            @Value("${portal.office-name:Notariskantoor}") String officeName) {
        this.replica = replica;
        this.processed = processed;
        this.templates = templates;
        this.mailer = mailer;
        this.links = links;
        this.json = json;
        this.officeName = officeName;
    }

    @Override
    public String topic() {
        return ConsumedTopics.ACCOUNTS;
    }

    @Override
    public void handle(ConsumerRecord<String, String> record) {
        AccountEvent event = json.readValue(record.value(), AccountEvent.class);
        if (event.type() == null || !event.type().startsWith("portal.account.")) {
            return;
        }
        KnownAccount account = event.account();
        processed.handleOnce(CONSUMER, event.id(), () -> replica.apply(account));
        Language language = account.mailLanguage();
        switch (event.type()) {
            // E-mail #1 goes to an address nobody has confirmed yet (a typing error reaches a stranger): it says
            // nothing about the client, not even the name; the mails after the confirmation greet by name.
            // An adviser's says who shared which dossier (ADV-1): the client typed the address for the adviser.
            case "portal.account.invited" -> mailer.sendOnce(event.id(), account.accountId(), account.email(),
                    templates.render(ADVISER.equals(account.accountType()) ? MailKind.ADVISER_INVITED
                            : MailKind.ACCOUNT_INVITED, language, new MailModel(
                            links.invitation(event.data().invitationToken()), officeName)
                            .withValidUntil(date(event.data().expiresAt(), language))
                            .withSharing(event.data().invitedByName(), event.data().dossierNumber())));
            case "portal.account.password-set" -> mailer.sendOnce(event.id(), account.accountId(), account.email(),
                    templates.render(MailKind.PASSWORD_SET, language, new MailModel(links.home(), officeName)
                            .withRecipientName(account.name())));
            default -> {
                // the replica is all other account events are for
            }
        }
    }

    private static String date(Instant instant, Language language) {
        return instant == null ? null : language.longDate(instant.atZone(OFFICE_ZONE).toLocalDate());
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AccountEvent(String id, String type, Data data) {

        /** The account's state: the data itself, or its {@code account} field for invited and password-set. */
        KnownAccount account() {
            return data.account() != null ? data.account().known()
                    : new AccountState(data.accountId(), data.email(), data.name(), data.language(),
                            data.accountType(), data.companyId(), data.state(), data.notifications(),
                            data.version() == null ? 0 : data.version()).known();
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(AccountState account, String invitationToken, Instant expiresAt, String invitedByName,
            String dossierNumber, String accountId, String email, String name, String language, String accountType,
            String companyId, String state, NotificationChoices notifications, Long version) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AccountState(String accountId, String email, String name, String language, String accountType,
            String companyId, String state, NotificationChoices notifications, long version) {

        KnownAccount known() {
            return new KnownAccount(accountId, email, name, language, accountType, companyId, state, notifications,
                    version);
        }
    }
}
