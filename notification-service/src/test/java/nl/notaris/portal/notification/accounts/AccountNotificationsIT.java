package nl.notaris.portal.notification.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jakarta.mail.internet.MimeMessage;
import nl.notaris.portal.notification.MailIntegrationTest;
import nl.notaris.portal.notification.config.ConsumedTopics;
import nl.notaris.portal.support.access.DossierAccessAutoConfiguration;
import nl.notaris.portal.support.access.DossierEventsListener;
import nl.notaris.portal.testsupport.ContractExample;
import nl.notaris.portal.testsupport.DossierEventExamples;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.TestCaller;

/**
 * Account events: the onboarding e-mails (always sent), and the replica that makes dossier e-mails
 * reach a company's extra accounts in each account's own language.
 */
class AccountNotificationsIT extends MailIntegrationTest {

    static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    static ContractExample account(String type, String accountId, String email, String language, String accountType,
            String companyId, String state, long version) {
        ContractExample event = EventContracts.example(type).with("subject", "accounts/" + accountId);
        String prefix = type.equals("portal.account.invited") || type.equals("portal.account.password-set")
                ? "data.account." : "data.";
        event.with(prefix + "accountId", accountId).with(prefix + "email", email).with(prefix + "language", language)
                .with(prefix + "accountType", accountType).with(prefix + "state", state).with(prefix + "version", version);
        if (companyId != null) {
            event.with(prefix + "companyId", companyId);
        }
        return event;
    }

    void send(ContractExample event, String accountId) throws Exception {
        kafka.send(ConsumedTopics.ACCOUNTS, accountId, event.json()).get();
    }

    void awaitAccountHandled(ContractExample event) {
        await().atMost(Duration.ofSeconds(20)).until(() -> processed.wasHandled(AccountEventsHandler.CONSUMER, event.id()));
    }

    @Test
    void anInvitationIsMailedInTheAccountsLanguageWithTheLinkToTheInvitationPage() throws Exception {
        String id = UUID.randomUUID().toString();
        String email = unique("uitgenodigd");
        ContractExample invited = account("portal.account.invited", id, email, "en", "PERSON", null, "INVITED", 1)
                .with("data.account.name", "Emma Smith").with("data.invitationToken", "tok-" + id.replace("-", ""));
        send(invited, id);
        send(invited, id);

        MimeMessage mail = awaitMails(email, 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("Your account for the client portal");
        assertThat(mail.getHeader("List-Unsubscribe")).as("always sent, nothing to switch off").isNull();
        assertThat(bodyOf(mail)).as("nothing about the client before the address is confirmed, not even the name")
                .doesNotContain("Emma").doesNotContain("Smith")
                .contains("https://portaal.notaris.example/account-activeren/tok-" + id.replace("-", ""))
                .contains("5 December 2026");
        assertThat(((jakarta.mail.internet.InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Notariskantoor");
        // the repeat was handled before this later event on the same key: still one invitation
        ContractExample passwordSet = account("portal.account.password-set", id, email, "en", "PERSON", null, "ACTIVE", 2)
                .with("data.account.name", "Emma Smith");
        send(passwordSet, id);
        List<MimeMessage> mails = awaitMails(email, 2);
        assertThat(mails).extracting(MimeMessage::getSubject)
                .containsExactly("Your account for the client portal", "Your password has been set");
        assertThat(bodyOf(mails.get(1))).startsWith("Dear Emma Smith,").contains("https://portaal.notaris.example/");
    }

    @Test
    void aCompanysExtraAccountsHearOfItsDossiersEachInItsLanguageUntilRemoved() throws Exception {
        String company = "bedrijf-" + UUID.randomUUID();
        TestCaller main = new TestCaller("main-" + UUID.randomUUID(), unique("hoofd"), "Hoofd", "COMPANY_MAIN", company,
                List.of("client", "company-admin"));
        String extraId = "extra-" + UUID.randomUUID();
        String extraEmail = unique("extra");
        String removedId = "removed-" + UUID.randomUUID();
        String removedEmail = unique("weg");
        send(account("portal.account.changed", main.accountId(), main.email(), "nl", "COMPANY_MAIN", company, "ACTIVE", 1),
                main.accountId());
        ContractExample extra = account("portal.account.changed", extraId, extraEmail, "en", "COMPANY_EXTRA", company, "ACTIVE", 1);
        send(extra, extraId);
        send(account("portal.account.changed", removedId, removedEmail, "nl", "COMPANY_EXTRA", company, "ACTIVE", 1), removedId);
        ContractExample removed = account("portal.account.removed", removedId, removedEmail, "nl", "COMPANY_EXTRA", company,
                "REMOVED", 2);
        send(removed, removedId);
        awaitAccountHandled(extra);
        awaitAccountHandled(removed);

        String dossierId = "dos-" + UUID.randomUUID();
        ContractExample dossier = DossierEventExamples.changed(dossierId, 1, main);
        kafka.send(DossierAccessAutoConfiguration.TOPIC, dossierId, dossier.json()).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> processed.wasHandled(
                "notification-service." + DossierEventsListener.LISTENER_ID, dossier.id()));
        kafka.send(ConsumedTopics.DOCUMENTS, dossierId, EventContracts.example("portal.document.published")
                .forDossier(dossierId).json()).get();

        assertThat(awaitMails(main.email(), 1).get(0).getSubject()).isEqualTo("Nieuw document in het klantenportaal");
        assertThat(awaitMails(extraEmail, 1).get(0).getSubject()).isEqualTo("New document in the client portal");
        assertThat(mailsTo(removedEmail)).as("the removed account is mailed nothing").isEmpty();
    }
}
