package nl.notaris.portal.notification.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import nl.notaris.portal.notification.recipients.DossierRecipients;
import nl.notaris.portal.testsupport.IntegrationTest;
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

    record Party(String accountId, String email, String accountType, String companyId) {

        String json() {
            return """
                    {"accountId":"%s","email":"%s","accountType":"%s"%s}""".formatted(accountId, email, accountType,
                    companyId == null ? "" : ",\"companyId\":\"" + companyId + "\"");
        }
    }

    static Party person(String name) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return new Party("acc-" + unique, name + "." + unique + "@example.com", "PERSON", null);
    }

    static Party company(String name) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return new Party("acc-" + unique, name + "." + unique + "@example.com", "COMPANY_MAIN", "company-" + unique);
    }

    void sendDossierCreated(String dossierId, long version, Party... parties) throws Exception {
        String event = """
                {"specversion":"1.0","id":"%s","type":"portal.dossier.created","source":"/notary-portal/dossier-service",
                 "subject":"dossiers/%s","time":"2026-11-28T10:00:00Z","datacontenttype":"application/json",
                 "data":{"dossierId":"%s","number":"2026-%s","status":"IN_PROGRESS","version":%d,
                 "parties":[%s]}}""".formatted(UUID.randomUUID(), dossierId, dossierId, dossierId, version,
                String.join(",", Arrays.stream(parties).map(Party::json).toList()));
        kafka.send("portal.dossiers.v1", dossierId, event).get();
    }

    static String documentPublished(String eventId, String dossierId, String documentId) {
        return """
                {"specversion":"1.0","id":"%s","type":"portal.document.published","source":"/notary-portal/document-service",
                 "subject":"documents/%s","time":"2026-11-28T10:05:00Z","datacontenttype":"application/json",
                 "data":{"documentId":"%s","dossierId":"%s","category":"CORRESPONDENCE",
                 "publishedAt":"2026-11-28T10:05:00Z"}}""".formatted(eventId, documentId, documentId, dossierId);
    }

    void sendDocumentPublished(String eventId, String dossierId, String documentId) throws Exception {
        kafka.send("portal.documents.v1", dossierId, documentPublished(eventId, dossierId, documentId)).get();
    }

    void awaitReplica(String dossierId, long version) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            DossierRecipients stored = mongo.findById(dossierId, DossierRecipients.class);
            return stored != null && stored.version() == version;
        });
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
        Party anna = person("anna");
        Party bakkerij = company("bakkerij");
        sendDossierCreated(dossierId, 1, anna, bakkerij);
        awaitReplica(dossierId, 1);

        String eventId = UUID.randomUUID().toString();
        String documentId = "doc-" + UUID.randomUUID();
        sendDocumentPublished(eventId, dossierId, documentId);

        for (Party party : List.of(anna, bakkerij)) {
            List<MimeMessage> mails = awaitMails(party.email(), 1);
            assertThat(mails).hasSize(1);
            MimeMessage mail = mails.get(0);
            assertThat(mail.getSubject()).isEqualTo("Nieuw document in het klantenportaal");
            assertThat(mail.getFrom()[0].toString()).isEqualTo("portaal@notaris.example");
            String body = bodyOf(mail);
            assertThat(body).contains("Er staat een nieuw document voor u klaar in het klantenportaal.")
                    .contains("https://portaal.notaris.example/dossiers/" + dossierId)
                    .contains("<a href=\"https://portaal.notaris.example/dossiers/" + dossierId + "\">")
                    .doesNotContain(documentId)
                    .doesNotContain("CORRESPONDENCE");
        }
    }

    @Test
    void aRedeliveredEventSendsNoSecondMail() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        Party anna = person("anna");
        sendDossierCreated(dossierId, 1, anna);
        awaitReplica(dossierId, 1);
        String eventId = UUID.randomUUID().toString();
        sendDocumentPublished(eventId, dossierId, "doc-1");
        awaitMails(anna.email(), 1);

        sendDocumentPublished(eventId, dossierId, "doc-1");
        // same key, so same partition: once the next event's mail is in, the repeat has been handled
        sendDocumentPublished(UUID.randomUUID().toString(), dossierId, "doc-2");
        awaitMails(anna.email(), 2);
        Thread.sleep(500);

        assertThat(mailsTo(anna.email())).hasSize(2);
    }

    @Test
    void anOlderDossierEventDoesNotChangeWhoIsMailed() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        Party anna = person("anna");
        Party bob = person("bob");
        sendDossierCreated(dossierId, 2, bob);
        awaitReplica(dossierId, 2);
        sendDossierCreated(dossierId, 1, anna);
        Thread.sleep(1_000);

        sendDocumentPublished(UUID.randomUUID().toString(), dossierId, "doc-1");
        awaitMails(bob.email(), 1);
        assertThat(mailsTo(anna.email())).isEmpty();
    }

    /** A batch that fails half-way is retried without mailing again those already mailed (NOT-3). */
    @Test
    void aRetriedBatchMailsNobodyTwice() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        Party anna = person("anna");
        Party unreachable = new Party("acc-broken-" + UUID.randomUUID(), "broken@@example.com", "PERSON", null);
        sendDossierCreated(dossierId, 1, anna, unreachable);
        awaitReplica(dossierId, 1);
        String eventId = UUID.randomUUID().toString();
        sendDocumentPublished(eventId, dossierId, "doc-1");

        try (TopicReader reader = new TopicReader("portal.documents.v1.dlt")) {
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
        String eventId = UUID.randomUUID().toString();
        sendDocumentPublished(eventId, dossierId, "doc-1");

        try (TopicReader reader = new TopicReader("portal.documents.v1.dlt")) {
            var parked = reader.readUntil(r -> dossierId.equals(r.key()), 1, Duration.ofSeconds(30));
            assertThat(parked).hasSize(1);
            assertThat(parked.get(0).value()).isEqualTo(documentPublished(eventId, dossierId, "doc-1"));
        }
    }
}
