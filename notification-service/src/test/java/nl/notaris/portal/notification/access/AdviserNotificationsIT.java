package nl.notaris.portal.notification.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

import jakarta.mail.internet.MimeMessage;
import nl.notaris.portal.notification.MailIntegrationTest;
import nl.notaris.portal.notification.config.ConsumedTopics;
import nl.notaris.portal.notification.documents.DocumentDigest;
import nl.notaris.portal.support.access.DossierAccessAutoConfiguration;
import nl.notaris.portal.testsupport.ContractExample;
import nl.notaris.portal.testsupport.DossierEventExamples;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.TestCaller;
import nl.notaris.portal.testsupport.TopicReader;

/**
 * ADV-1 through a real broker and SMTP server, fed with the contracts' examples: an adviser's invitation
 * says who shared which dossier, an existing account is told of a dossier shared with it, and advisers
 * whose grant lasts hear of new documents as they chose.
 */
class AdviserNotificationsIT extends MailIntegrationTest {

    @AfterEach
    void smtpWorksAgain() {
        reset(mailSender);
    }

    static TestCaller adviser(String name) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return new TestCaller("adv-" + unique, name + "." + unique + "@example.com", name, "ADVISER", null,
                List.of("client"));
    }

    /** {@code portal.access.granted} from its contract example, for this dossier, adviser and end date. */
    static ContractExample granted(String example, String dossierId, TestCaller adviser, String until) {
        return EventContracts.example("portal.access.granted", example).forDossier(dossierId)
                .with("data.accountId", adviser.accountId()).with("data.email", adviser.email())
                .with("data.name", adviser.name()).with("data.until", until);
    }

    void send(ContractExample accessEvent, String dossierId) throws Exception {
        kafka.send(ConsumedTopics.ACCESS, dossierId, accessEvent.json()).get();
    }

    @Test
    void anAdvisersInvitationSaysWhoSharedWhichDossierInTheAdvisersLanguage() throws Exception {
        for (String language : List.of("nl", "en")) {
            TestCaller bram = adviser("bram");
            ContractExample invited = EventContracts.example("portal.account.invited", "valid-adviser")
                    .with("subject", "accounts/" + bram.accountId()).with("data.account.accountId", bram.accountId())
                    .with("data.account.email", bram.email()).with("data.account.language", language)
                    .with("data.invitationToken", "tok-" + bram.accountId() + "-0123456789");
            kafka.send(ConsumedTopics.ACCOUNTS, bram.accountId(), invited.json()).get();

            MimeMessage mail = awaitMails(bram.email(), 1).get(0);
            String body = bodyOf(mail);
            assertThat(body).contains("https://portaal.notaris.example/account-activeren/tok-" + bram.accountId())
                    .as("greets neutrally: nobody confirmed the address yet").doesNotContain("Bram Hypotheek");
            if (language.equals("nl")) {
                assertThat(mail.getSubject()).isEqualTo("Een dossier is met u gedeeld in het klantenportaal");
                assertThat(body).contains("Anna de Vries heeft dossier 2026-0001 met u gedeeld in het klantenportaal "
                        + "van het notariskantoor.").contains("5 december 2026");
            } else {
                assertThat(mail.getSubject()).isEqualTo("A file has been shared with you in the client portal");
                assertThat(body).contains("Anna de Vries has shared file 2026-0001 with you in the notary office's "
                        + "client portal.").contains("5 December 2026");
            }
        }
    }

    @Test
    void anExistingAccountIsToldOnceOfTheDossierInItsLanguageAndANewOneNotAtAll() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        TestCaller bram = adviser("bram");
        TestCaller henk = adviser("henk");
        accountIs(bram, "en", false, false, false);

        // a new account: its invitation tells of the dossier (identity-service's event), this one mails nothing
        send(granted("valid", dossierId, henk, "2027-01-31"), dossierId);
        ContractExample toBram = granted("valid-existing-account", dossierId, bram, "2027-01-31");
        send(toBram, dossierId);
        send(toBram, dossierId);

        MimeMessage mail = awaitMails(bram.email(), 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("A file has been shared with you in the client portal");
        assertThat(mail.getHeader("List-Unsubscribe")).as("always sent, whatever the choices").isNull();
        assertThat(bodyOf(mail)).startsWith("Dear bram,")
                .contains("Anna de Vries has shared file 2026-0001 with you in the notary office's client portal.")
                .contains("You have access up to and including 31 January 2027.")
                .contains("https://portaal.notaris.example/dossiers/" + dossierId);
        // handled in order on the dossier's key: by now the repeat and the new account's grant were too
        TestCaller anna = adviser("anna");
        send(granted("valid-existing-account", dossierId, anna, "2027-02-01"), dossierId);
        assertThat(bodyOf(awaitMails(anna.email(), 1).get(0))).as("unknown here: Dutch, greeted by the grant's name")
                .startsWith("Geachte anna,").contains("U heeft toegang tot en met 1 februari 2027.");
        assertThat(mailsTo(bram.email())).hasSize(1);
        assertThat(mailsTo(henk.email())).isEmpty();
    }

    @Test
    void whatKeepsFailingIsParkedOnTheAccessTopicsDeadLetters() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        TestCaller bram = adviser("bram");
        doThrow(new MailSendException("550 mailbox unavailable")).when(mailSender)
                .send(argThat((MimeMessage message) -> recipientIs(message, bram.email())));

        send(granted("valid-existing-account", dossierId, bram, "2027-01-31"), dossierId);

        try (TopicReader reader = new TopicReader(ConsumedTopics.ACCESS + ".dlt")) {
            assertThat(reader.readUntil(r -> dossierId.equals(r.key()), 1, Duration.ofSeconds(30))).hasSize(1);
        }
        assertThat(mailsTo(bram.email())).isEmpty();
    }

    @Test
    void newDocumentsReachTheAdvisersWhoseGrantLastsAndWhoChoseSuchMail() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        TestCaller anna = person("anna");
        TestCaller live = adviser("live");
        TestCaller ended = adviser("ended");
        TestCaller switchedOff = adviser("uit");
        accountIs(live, "en", true, false, false);
        accountIs(ended, "nl", true, true, true);
        accountIs(switchedOff, "nl", false, true, true);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        ContractExample dossier = DossierEventExamples.changed(dossierId, 1, anna)
                .with("data.changes", List.of("GRANTS"))
                .with("data.grants", List.of(grant(live, "READ", now.plus(Duration.ofDays(30))),
                        grant(ended, "READ_DELIVER", now.minusSeconds(60)),
                        grant(switchedOff, "READ", now.plus(Duration.ofDays(30)))));
        kafka.send(DossierAccessAutoConfiguration.TOPIC, dossierId, dossier.json()).get();
        awaitHandled(dossier);

        String documentId = "doc-" + UUID.randomUUID();
        kafka.send(ConsumedTopics.DOCUMENTS, dossierId, documentPublished(dossierId, documentId).json()).get();

        MimeMessage toAdviser = awaitMails(live.email(), 1).get(0);
        assertThat(toAdviser.getSubject()).isEqualTo("New document in the client portal");
        assertThat(bodyOf(toAdviser)).startsWith("Dear live,")
                .contains("https://portaal.notaris.example/dossiers/" + dossierId).doesNotContain(documentId);
        assertThat(awaitMails(anna.email(), 1).get(0).getSubject()).isEqualTo("Nieuw document in het klantenportaal");
        // who hears of it was decided when it was published, in one go: the others have no digest at all
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(query(where("dossierId").is(dossierId)
                .and("accountId").is(live.accountId())), DocumentDigest.class));
        for (TestCaller left : List.of(ended, switchedOff)) {
            assertThat(mongo.exists(query(where("dossierId").is(dossierId).and("accountId").is(left.accountId())),
                    DocumentDigest.class)).as(left.name()).isFalse();
            assertThat(mailsTo(left.email())).as(left.name()).isEmpty();
        }
    }

    static Map<String, String> grant(TestCaller adviser, String scope, Instant expiresAt) {
        return Map.of("grantId", "g-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12),
                "accountId", adviser.accountId(), "scope", scope, "expiresAt", expiresAt.toString());
    }
}
