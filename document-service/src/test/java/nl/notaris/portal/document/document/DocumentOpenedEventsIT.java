package nl.notaris.portal.document.document;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.PIET;
import static nl.notaris.portal.testsupport.TestCaller.JANSEN_BV;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.document.events.DocumentTopics;
import nl.notaris.portal.document.upload.Upload;
import nl.notaris.portal.testsupport.DossierOwnerStub;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;
import nl.notaris.portal.testsupport.TestCaller;
import nl.notaris.portal.testsupport.TopicReader;

/**
 * {@code portal.document.opened}: every time a client account opens a document's content, one event
 * (read back from Kafka and checked against the contract), {@code first} true the first time that
 * account opens it and false after; the office downloading it publishes nothing. A message's
 * attachment counts too, and so does a file the client delivered itself (read, but not yet opened).
 */
@ServiceIntegrationTest
class DocumentOpenedEventsIT extends IntegrationTest {

    static final String OPENED = "portal.document.opened";

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;

    static String dossierOf(TestCaller... parties) {
        String dossierId = "dos-" + UUID.randomUUID();
        DossierOwnerStub.instance().knows(dossierId, 1, parties);
        return dossierId;
    }

    static byte[] pdf(String text) {
        return ("%PDF-1.4\n" + text).getBytes(StandardCharsets.US_ASCII);
    }

    String publish(String dossierId, String title, String fileName) throws Exception {
        String response = mvc.perform(multipart("/api/staff/dossiers/{id}/documents", dossierId)
                        .file(new MockMultipartFile("file", fileName, "application/pdf", pdf("vertrouwelijke inhoud")))
                        .param("title", title).param("category", "DOCUMENT").with(STAFF.token()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    void open(TestCaller caller, String documentId) throws Exception {
        mvc.perform(get("/api/documents/{id}/content", documentId).with(caller.token())).andExpect(status().isOk());
    }

    String uploadAs(TestCaller caller, String dossierId, String fileName) throws Exception {
        String upload = mvc.perform(multipart("/api/uploads")
                        .file(new MockMultipartFile("file", fileName, "application/pdf", pdf(fileName)))
                        .param("dossierId", dossierId).with(caller.token()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(upload, "$.id");
    }

    /** Files {@code uploadId} as the attachment of a message of {@code type} sent by {@code sender}. */
    void sendWithAttachment(String type, TestCaller sender, String dossierId, String uploadId) throws Exception {
        sendWithAttachment(type, "valid", sender, dossierId, uploadId);
    }

    /** As above, from the contract's example {@code example} of the type. */
    void sendWithAttachment(String type, String example, TestCaller sender, String dossierId, String uploadId)
            throws Exception {
        String messageId = "msg-" + UUID.randomUUID();
        kafka.send(DocumentTopics.MESSAGES, dossierId, EventContracts.example(type, example).forDossier(dossierId)
                .with("subject", "messages/" + messageId).with("data.messageId", messageId)
                .with("data.senderAccountId", sender.accountId())
                .with("data.attachments", List.of(Map.of("documentId", uploadId))).json()).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(uploadId, Upload.class) == null);
    }

    /** Every opened event of the dossier (each once by its id), after a settling time that would show one too many. */
    static List<String> openedEvents(String dossierId, int expected) {
        try (TopicReader reader = new TopicReader(DocumentTopics.TOPIC)) {
            return reader.readDistinctEvents(r -> dossierId.equals(r.key()) && r.value().contains(OPENED), expected,
                    Duration.ofSeconds(20), Duration.ofSeconds(3)).stream().map(ConsumerRecord::value).toList();
        }
    }

    static List<String> of(List<String> events, TestCaller reader) {
        return events.stream().filter(e -> reader.accountId().equals(JsonPath.read(e, "$.data.accountId"))).toList();
    }

    @Test
    void eachOpenByAClientIsAnEventFirstOncePerAccountAndTheOfficesDownloadsNone() throws Exception {
        String dossierId = dossierOf(ANNA, JANSEN_BV);
        String documentId = publish(dossierId, "Geheime titel", "geheim-bestand.pdf");
        Instant before = Instant.now().minusSeconds(1);

        open(ANNA, documentId);
        open(ANNA, documentId);
        open(PIET, documentId);
        // the office looking at it, on its own endpoint or the client's, is not a read
        mvc.perform(get("/api/staff/documents/{id}/content", documentId).with(STAFF.token())).andExpect(status().isOk());
        open(STAFF, documentId);
        open(ANNA, documentId);

        List<String> events = openedEvents(dossierId, 4);
        assertThat(events).hasSize(4).allSatisfy(event -> {
            assertThat(EventContracts.violations(event)).isEmpty();
            assertThat((String) JsonPath.read(event, "$.type")).isEqualTo(OPENED);
            assertThat((String) JsonPath.read(event, "$.subject")).isEqualTo("documents/" + documentId);
            assertThat((String) JsonPath.read(event, "$.data.documentId")).isEqualTo(documentId);
            assertThat((String) JsonPath.read(event, "$.data.dossierId")).isEqualTo(dossierId);
            assertThat(Instant.parse(JsonPath.read(event, "$.data.openedAt"))).isAfter(before);
            assertThat(event).doesNotContain("Geheime titel").doesNotContain("geheim-bestand")
                    .doesNotContain("vertrouwelijke");
        });
        // one partition per dossier: Anna's opens come in the order she made them
        assertThat(of(events, ANNA)).extracting(e -> (Boolean) JsonPath.read(e, "$.data.first"))
                .containsExactly(true, false, false);
        assertThat(of(events, PIET)).extracting(e -> (Boolean) JsonPath.read(e, "$.data.first"))
                .as("each account of a company has its own first time").containsExactly(true);
        assertThat(of(events, STAFF)).isEmpty();
        List<Instant> annas = of(events, ANNA).stream().map(e -> Instant.parse(JsonPath.read(e, "$.data.openedAt")))
                .toList();
        assertThat(annas).isSorted();

        // the read state is as before: the first time is when it became read; the relay emptied the outbox
        String markerId = documentId + ":" + ANNA.accountId();
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(markerId, org.bson.Document.class,
                "document_reads").getList("pendingEvents", org.bson.Document.class).isEmpty());
        assertThat(mongo.findById(markerId, DocumentRead.class).readAt()).isEqualTo(annas.get(0));
        assertThat(mongo.findById(documentId + ":" + STAFF.accountId(), DocumentRead.class)).isNull();
    }

    @Test
    void aMessagesAttachmentAndAFileTheClientDeliveredItselfCountToo() throws Exception {
        String dossierId = dossierOf(ANNA);
        String officeFile = uploadAs(STAFF, dossierId, "concept-akte.pdf");
        sendWithAttachment("portal.message.sent-by-office", STAFF, dossierId, officeFile);
        String ownFile = uploadAs(ANNA, dossierId, "paspoort.pdf");
        // the listener of portal.messages.v1 passes over a read receipt, and files a message that answers a request
        kafka.send(DocumentTopics.MESSAGES, dossierId, EventContracts.example("portal.message.read")
                .forDossier(dossierId).json()).get();
        sendWithAttachment("portal.message.sent-by-client", "valid-for-request", ANNA, dossierId, ownFile);
        await().atMost(Duration.ofSeconds(10)).until(() -> mongo.findById(ownFile + ":" + ANNA.accountId(),
                DocumentRead.class) != null);
        assertThat(mongo.findById(ownFile + ":" + ANNA.accountId(), DocumentRead.class).unopened())
                .as("filed: read (not news to its sender), not yet opened").isTrue();

        open(ANNA, officeFile);
        open(ANNA, ownFile);
        open(ANNA, ownFile);

        List<String> events = openedEvents(dossierId, 3);
        assertThat(events).hasSize(3).allSatisfy(event -> {
            assertThat(EventContracts.violations(event)).isEmpty();
            assertThat((String) JsonPath.read(event, "$.data.accountId")).isEqualTo(ANNA.accountId());
            assertThat(event).doesNotContain("concept-akte").doesNotContain("paspoort");
        });
        assertThat(events.stream().filter(e -> officeFile.equals(JsonPath.read(e, "$.data.documentId"))))
                .as("the office's attachment (category MESSAGE)")
                .extracting(e -> (Boolean) JsonPath.read(e, "$.data.first")).containsExactly(true);
        assertThat(events.stream().filter(e -> ownFile.equals(JsonPath.read(e, "$.data.documentId"))))
                .as("her own delivery was never unread to her, but she opens it a first time")
                .extracting(e -> (Boolean) JsonPath.read(e, "$.data.first")).containsExactly(true, false);
        try (TopicReader parked = new TopicReader(DocumentTopics.MESSAGES + ".dlt")) {
            assertThat(parked.readUntil(r -> dossierId.equals(r.key()), 1, Duration.ofSeconds(2)))
                    .as("nothing of this dossier parked").isEmpty();
        }
    }
}
