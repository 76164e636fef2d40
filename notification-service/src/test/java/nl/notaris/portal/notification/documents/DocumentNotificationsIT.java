package nl.notaris.portal.notification.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;

import jakarta.mail.internet.MimeMessage;
import nl.notaris.portal.notification.MailIntegrationTest;
import nl.notaris.portal.notification.config.ConsumedTopics;
import nl.notaris.portal.testsupport.ContractExample;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.TestCaller;
import nl.notaris.portal.testsupport.TopicReader;

/** Document, message and questionnaire events become e-mails to the right accounts, through a real SMTP server. */
class DocumentNotificationsIT extends MailIntegrationTest {

    void send(ContractExample documentEvent, String dossierId) throws Exception {
        kafka.send(ConsumedTopics.DOCUMENTS, dossierId, documentEvent.json()).get();
    }

    @Test
    void everyPartyGetsExactlyOneMailWithALinkAndNothingOfTheDocument() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        TestCaller anna = person("anna");
        TestCaller bakkerij = company("bakkerij");
        awaitHandled(sendDossierEvent(dossierId, 1, anna, bakkerij));

        String documentId = "doc-" + UUID.randomUUID();
        send(documentPublished(dossierId, documentId), dossierId);

        for (TestCaller party : List.of(anna, bakkerij)) {
            List<MimeMessage> mails = awaitMails(party.email(), 1);
            assertThat(mails).hasSize(1);
            MimeMessage mail = mails.get(0);
            assertThat(mail.getSubject()).isEqualTo("Nieuw document in het klantenportaal");
            assertThat(mail.getFrom()[0].toString()).isEqualTo("Notariskantoor <portaal@notaris.example>");
            assertThat(mail.getHeader("List-Unsubscribe")).containsExactly(
                    "<https://portaal.notaris.example/mijn-gegevens#notificaties>");
            String body = bodyOf(mail);
            assertThat(body).contains("Notariskantoor")
                    .contains("Er staat een nieuw document voor u klaar in het klantenportaal.")
                    .contains("dossiers/" + dossierId + "?tab=correspondentie")
                    .contains("<a href=\"https://portaal.notaris.example/dossiers/" + dossierId + "?tab")
                    .contains("https://portaal.notaris.example/mijn-gegevens#notificaties")
                    .doesNotContain(documentId)
                    .doesNotContain("CORRESPONDENCE");
        }
    }

    /** NOT-2: several documents within the window are one e-mail that counts them. */
    @Test
    void documentsPublishedTogetherAreOneMail() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        TestCaller anna = person("anna");
        awaitHandled(sendDossierEvent(dossierId, 1, anna));

        send(documentPublished(dossierId, "doc-1"), dossierId);
        send(documentPublished(dossierId, "doc-2").with("data.category", "DOCUMENT"), dossierId);
        send(documentPublished(dossierId, "doc-3"), dossierId);

        MimeMessage mail = awaitMails(anna.email(), 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("3 nieuwe documenten in het klantenportaal");
        assertThat(bodyOf(mail)).contains("Er staan 3 nieuwe documenten voor u klaar in het klantenportaal.")
                .contains("Bekijk ze in uw dossier")
                // two kinds of document: the dossier itself, not one tab
                .contains("<a href=\"https://portaal.notaris.example/dossiers/" + dossierId + "\"");

        // a later document after the window is a mail of its own; the first digest stays one mail
        send(documentPublished(dossierId, "doc-4"), dossierId);
        assertThat(awaitMails(anna.email(), 2).get(1).getSubject()).isEqualTo("Nieuw document in het klantenportaal");
        assertThat(mailsTo(anna.email())).hasSize(2);
    }

    @Test
    void aMessageFromTheOfficeMailsEveryPartyALinkToTheMessagesAndNothingOfTheMessage() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        TestCaller anna = person("anna");
        awaitHandled(sendDossierEvent(dossierId, 1, anna));

        // a client's own message mails nobody; the office's message after it (same key, same order) does
        kafka.send(ConsumedTopics.MESSAGES, dossierId, EventContracts.example("portal.message.sent-by-client")
                .forDossier(dossierId).json()).get();
        String messageId = "msg-" + UUID.randomUUID();
        kafka.send(ConsumedTopics.MESSAGES, dossierId, EventContracts.example("portal.message.sent-by-office")
                .forDossier(dossierId).with("subject", "messages/" + messageId).with("data.messageId", messageId)
                .json()).get();

        List<MimeMessage> mails = awaitMails(anna.email(), 1);
        assertThat(mails).hasSize(1);
        MimeMessage mail = mails.get(0);
        assertThat(mail.getSubject()).isEqualTo("Nieuw bericht in het klantenportaal");
        assertThat(bodyOf(mail)).contains("https://portaal.notaris.example/dossiers/" + dossierId + "?tab=berichten")
                .doesNotContain(messageId);
    }

    @Test
    void aQuestionnaireMailsOnlyItsRecipientALinkAndTheDueDate() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        TestCaller anna = person("anna");
        TestCaller bob = person("bob");
        awaitHandled(sendDossierEvent(dossierId, 1, anna, bob));

        String assignmentId = "asg-" + UUID.randomUUID();
        kafka.send(ConsumedTopics.QUESTIONNAIRES, dossierId, EventContracts.example("portal.questionnaire.assigned")
                .forDossier(dossierId).with("subject", "assignments/" + assignmentId)
                .with("data.assignmentId", assignmentId).with("data.accountId", anna.accountId())
                .with("data.dueDate", "2026-12-12").json()).get();
        // a later questionnaire for bob on the same key: once bob has it, anna's event is handled
        kafka.send(ConsumedTopics.QUESTIONNAIRES, dossierId, EventContracts.example("portal.questionnaire.assigned")
                .forDossier(dossierId).with("data.accountId", bob.accountId()).with("data.dueDate", null).json()).get();
        awaitMails(bob.email(), 1);

        List<MimeMessage> mails = mailsTo(anna.email());
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).getSubject()).isEqualTo("Er staat een vragenlijst voor u klaar");
        assertThat(bodyOf(mails.get(0))).contains("https://portaal.notaris.example/acties/" + assignmentId)
                .contains("vóór 12 december 2026").doesNotContain("aankoop-woning");
        assertThat(bodyOf(mailsTo(bob.email()).get(0))).doesNotContain("vóór");
    }

    @Test
    void aRedeliveredEventSendsNoSecondMail() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        TestCaller anna = person("anna");
        awaitHandled(sendDossierEvent(dossierId, 1, anna));
        ContractExample published = documentPublished(dossierId, "doc-1");
        send(published, dossierId);
        awaitMails(anna.email(), 1);

        send(published, dossierId);
        // same key, so same partition: once the next event's mail is in, the repeat has been handled
        send(documentPublished(dossierId, "doc-2"), dossierId);
        assertThat(awaitMails(anna.email(), 2).get(1).getSubject()).isEqualTo("Nieuw document in het klantenportaal");

        assertThat(mailsTo(anna.email())).hasSize(2);
    }

    @Test
    void anOlderDossierEventDoesNotChangeWhoIsMailed() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        TestCaller anna = person("anna");
        TestCaller bob = person("bob");
        awaitHandled(sendDossierEvent(dossierId, 2, bob));
        sendDossierEvent(dossierId, 1, anna);
        awaitHandled(sendDossierEvent(dossierId, 2, bob));

        send(documentPublished(dossierId, "doc-1"), dossierId);
        awaitMails(bob.email(), 1);
        assertThat(mailsTo(anna.email())).isEmpty();
    }

    /** A batch that fails half-way is retried without mailing again those already mailed (NOT-3). */
    @Test
    void aRetriedBatchMailsNobodyTwice() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        TestCaller anna = person("anna");
        TestCaller unreachable = person("unreachable");
        // the mail server refuses this one recipient (GreenMail takes every address, so the refusal is injected)
        doThrow(new MailSendException("550 mailbox unavailable")).when(mailSender).send(argThat(
                (MimeMessage message) -> recipientIs(message, unreachable.email())));
        awaitHandled(sendDossierEvent(dossierId, 1, anna, unreachable));
        send(documentPublished(dossierId, "doc-1"), dossierId);

        try (TopicReader reader = new TopicReader(ConsumedTopics.DOCUMENT_DIGESTS + ".dlt")) {
            var parked = reader.readUntil(r -> dossierId.equals(r.key()), 1, Duration.ofSeconds(30));
            assertThat(parked).hasSize(1);
            String reason = new String(parked.get(0).headers().lastHeader("kafka_dlt-exception-message").value(),
                    StandardCharsets.UTF_8);
            assertThat(reason).contains(unreachable.accountId()).doesNotContain("@");
        }
        assertThat(mailsTo(anna.email())).hasSize(1);
    }

    @Test
    void aDocumentOfAnUnknownDossierIsRetriedThenDeadLettered() throws Exception {
        String dossierId = "dos-unknown-" + UUID.randomUUID();
        ContractExample published = documentPublished(dossierId, "doc-1");
        send(published, dossierId);

        try (TopicReader reader = new TopicReader(ConsumedTopics.DOCUMENTS + ".dlt")) {
            var parked = reader.readUntil(r -> dossierId.equals(r.key()), 1, Duration.ofSeconds(30));
            assertThat(parked).hasSize(1);
            assertThat(parked.get(0).value()).isEqualTo(published.json());
        }
    }
}
