package nl.notaris.portal.notification.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import nl.notaris.portal.notification.config.ConsumedTopics;
import nl.notaris.portal.support.access.DossierAccessAutoConfiguration;
import nl.notaris.portal.support.access.DossierEventsListener;
import nl.notaris.portal.support.events.ProcessedEvents;
import nl.notaris.portal.testsupport.ContractExample;
import nl.notaris.portal.testsupport.DossierEventExamples;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.TestCaller;
import nl.notaris.portal.testsupport.TopicReader;

/** Document events become one e-mail per party, through a real SMTP server (GreenMail). */
@SpringBootTest(properties = { "portal.consumer.retries=1", "portal.url=https://portaal.notaris.example" })
class DocumentNotificationsIT extends IntegrationTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;

    @Autowired
    ProcessedEvents processed;
    @MockitoSpyBean
    JavaMailSender mailSender;

    static boolean recipientIs(MimeMessage message, String email) {
        try {
            return message != null && Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equals(email));
        } catch (MessagingException e) {
            return false;
        }
    }

    static TestCaller person(String name) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return new TestCaller("acc-" + unique, name + "." + unique + "@example.com", name, "PERSON", null,
                List.of("client"));
    }

    static TestCaller company(String name) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return new TestCaller("acc-" + unique, name + "." + unique + "@example.com", name, "COMPANY_MAIN",
                "company-" + unique, List.of("client", "company-admin"));
    }

    /** Sends a dossier event made from the contract example and returns it. */
    ContractExample sendDossierEvent(String dossierId, long version, TestCaller... parties) throws Exception {
        ContractExample event = DossierEventExamples.changed(dossierId, version, parties);
        kafka.send(DossierAccessAutoConfiguration.TOPIC, dossierId, event.json()).get();
        return event;
    }

    /** Waits until the replica handled the event, and with it everything sent before it on the same key. */
    void awaitHandled(ContractExample dossierEvent) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> processed.wasHandled("notification-service." + DossierEventsListener.LISTENER_ID,
                        dossierEvent.id()));
    }

    static ContractExample documentPublished(String dossierId, String documentId) {
        return EventContracts.example("portal.document.published").forDossier(dossierId)
                .with("subject", "documents/" + documentId).with("data.documentId", documentId);
    }

    void send(ContractExample documentEvent, String dossierId) throws Exception {
        kafka.send(ConsumedTopics.DOCUMENTS, dossierId, documentEvent.json()).get();
    }

    static List<MimeMessage> mailsTo(String email) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(email))) {
                found.add(message);
            }
        }
        return found;
    }

    List<MimeMessage> awaitMails(String email, int count) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> mailsTo(email).size() >= count);
        try {
            return mailsTo(email);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain text and HTML bodies of a (multipart) message, joined. */
    static String bodyOf(Part part) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof String text) {
            return text;
        }
        StringBuilder bodies = new StringBuilder();
        Multipart multipart = (Multipart) content;
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart child = multipart.getBodyPart(i);
            bodies.append(bodyOf(child)).append('\n');
        }
        return bodies.toString();
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
            assertThat(mail.getFrom()[0].toString()).isEqualTo("portaal@notaris.example");
            assertThat(bodyOf(mail)).contains("Notariskantoor");
            String body = bodyOf(mail);
            assertThat(body).contains("Er staat een nieuw document voor u klaar in het klantenportaal.")
                    .contains("https://portaal.notaris.example/dossiers/" + dossierId)
                    .contains("<a href=\"https://portaal.notaris.example/dossiers/" + dossierId + "\"")
                    .doesNotContain(documentId)
                    .doesNotContain("CORRESPONDENCE");
        }
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
        awaitMails(anna.email(), 2);

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
        ContractExample published = documentPublished(dossierId, "doc-1");
        String eventId = published.id();
        send(published, dossierId);

        try (TopicReader reader = new TopicReader(ConsumedTopics.DOCUMENTS + ".dlt")) {
            var parked = reader.readUntil(r -> dossierId.equals(r.key()), 1, Duration.ofSeconds(30));
            assertThat(parked).hasSize(1);
            String reason = new String(parked.get(0).headers().lastHeader("kafka_dlt-exception-message").value(),
                    StandardCharsets.UTF_8);
            assertThat(reason).contains(eventId).contains(unreachable.accountId()).doesNotContain("@");
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
