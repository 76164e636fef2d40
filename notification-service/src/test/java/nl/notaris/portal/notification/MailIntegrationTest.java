package nl.notaris.portal.notification;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

import com.icegreen.greenmail.util.GreenMail;
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

/**
 * Events in, e-mails out: a real broker, a real SMTP server (GreenMail) and the events of the
 * contracts. Short windows and retries keep the tests quick; the mail sender is a spy so a test can
 * make the SMTP server refuse one recipient, and the database a spy so it can fail one write. Tests tell their mails apart by unique addresses.
 */
@AutoConfigureMockMvc
@SpringBootTest(properties = { "portal.consumer.retries=3", "portal.consumer.max-interval=1s",
        "portal.url=https://portaal.notaris.example", "portal.notifications.document-window=1s",
        // no periodic check during a test: a digest's mail goes because its window's end was planned
        "portal.notifications.digest-check=1h" })
public abstract class MailIntegrationTest extends IntegrationTest {

    /** One SMTP server for all test classes, like the Spring context they share (its port is in that context). */
    protected static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        smtp.start();
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired
    protected KafkaTemplate<String, String> kafka;
    @Autowired
    protected ProcessedEvents processed;
    @MockitoSpyBean
    protected JavaMailSender mailSender;
    @MockitoSpyBean
    protected MongoTemplate mongo;

    protected static TestCaller person(String name) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return new TestCaller("acc-" + unique, name + "." + unique + "@example.com", name, "PERSON", null,
                List.of("client"));
    }

    protected static TestCaller company(String name) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return new TestCaller("acc-" + unique, name + "." + unique + "@example.com", name, "COMPANY_MAIN",
                "company-" + unique, List.of("client", "company-admin"));
    }

    protected static TestCaller extraAccountOf(TestCaller company, String name) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return new TestCaller("acc-" + unique, name + "." + unique + "@example.com", name, "COMPANY_EXTRA",
                company.companyId(), List.of("client"));
    }

    /** Sends a dossier event made from the contract example and returns it. */
    protected ContractExample sendDossierEvent(String dossierId, long version, TestCaller... parties) throws Exception {
        ContractExample event = DossierEventExamples.changed(dossierId, version, parties);
        kafka.send(DossierAccessAutoConfiguration.TOPIC, dossierId, event.json()).get();
        return event;
    }

    /** Waits until the replica handled the event, and with it everything sent before it on the same key. */
    protected void awaitHandled(ContractExample dossierEvent) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> processed.wasHandled("notification-service." + DossierEventsListener.LISTENER_ID,
                        dossierEvent.id()));
    }

    /** The account as identity-service tells of it: name, language and e-mail choices; waits until it is known here. */
    protected void accountIs(TestCaller account, String language, boolean documents, boolean questionnaires,
            boolean messages) throws Exception {
        ContractExample event = EventContracts.example("portal.account.changed")
                .with("subject", "accounts/" + account.accountId()).with("data.accountId", account.accountId())
                .with("data.email", account.email()).with("data.name", account.name()).with("data.language", language)
                .with("data.accountType", account.accountType()).with("data.state", "ACTIVE")
                .with("data.version", System.nanoTime())
                .with("data.notifications", Map.of("documents", documents, "questionnaires", questionnaires,
                        "messages", messages));
        if (account.companyId() != null) {
            event.with("data.companyId", account.companyId());
        }
        kafka.send(ConsumedTopics.ACCOUNTS, account.accountId(), event.json()).get();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> processed.wasHandled("notification-service.accounts", event.id()));
    }

    protected static ContractExample documentPublished(String dossierId, String documentId) {
        return EventContracts.example("portal.document.published").forDossier(dossierId)
                .with("subject", "documents/" + documentId).with("data.documentId", documentId);
    }

    protected static List<MimeMessage> mailsTo(String email) throws MessagingException {
        List<MimeMessage> found = new ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(email))) {
                found.add(message);
            }
        }
        return found;
    }

    protected static List<MimeMessage> awaitMails(String email, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> mailsTo(email).size() >= count);
        try {
            return mailsTo(email);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static boolean recipientIs(MimeMessage message, String email) {
        try {
            return message != null && Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equals(email));
        } catch (MessagingException e) {
            return false;
        }
    }

    /** The plain text and HTML bodies of a (multipart) message, joined. */
    protected static String bodyOf(Part part) throws MessagingException, IOException {
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
}
