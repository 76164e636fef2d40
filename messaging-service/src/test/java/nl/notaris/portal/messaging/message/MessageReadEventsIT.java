package nl.notaris.portal.messaging.message;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.JANSEN_BV;
import static nl.notaris.portal.testsupport.TestCaller.PIET;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.messaging.events.MessageTopics;
import nl.notaris.portal.testsupport.DossierOwnerStub;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;
import nl.notaris.portal.testsupport.TestCaller;
import nl.notaris.portal.testsupport.TopicReader;
import nl.notaris.portal.testsupport.UploadsStub;

/**
 * The read receipts as events ({@code portal.message.read}, read back from Kafka and checked against
 * the contract): one per client account the first time it opens the office's message, one when the
 * office first marks a client's message read (with the staff member's name), none on a repeat; and a
 * client's message that answers a progress step's document request ({@code requestId}).
 */
@ServiceIntegrationTest
class MessageReadEventsIT extends IntegrationTest {

    static final String READ = "portal.message.read";
    /** A staff member with a name in the token, as Keycloak gives it to the office's people. */
    static final TestCaller NOTARIS = new TestCaller("s2-notaris", "notaris@example.com", "Mr. N. Notaris", null,
            null, List.of("staff"));

    static final UploadsStub uploads = new UploadsStub();

    @DynamicPropertySource
    static void documentService(DynamicPropertyRegistry registry) {
        registry.add("portal.document-service-url", uploads::url);
    }

    @AfterAll
    static void stop() {
        uploads.stop();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;

    static String dossierOf(TestCaller... parties) {
        String dossierId = "dos-" + UUID.randomUUID();
        DossierOwnerStub.instance().knows(dossierId, 1, parties);
        return dossierId;
    }

    String officeSends(String dossierId, String subject) throws Exception {
        String response = mvc.perform(multipart("/api/staff/dossiers/{id}/messages", dossierId).param("subject", subject)
                        .param("body", "Geheime tekst.").with(STAFF.bearerToken()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    String clientSends(TestCaller client, String dossierId, String json) throws Exception {
        String response = mvc.perform(post("/api/dossiers/{id}/messages", dossierId).with(client.bearerToken())
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    /** The dossier's events of {@code type}, each once, after a settling time that would show one too many. */
    static List<String> events(String dossierId, String type, int expected) {
        try (TopicReader reader = new TopicReader(MessageTopics.TOPIC)) {
            return reader.readDistinctEvents(r -> dossierId.equals(r.key()) && type.equals(JsonPath.read(r.value(),
                    "$.type")), expected, Duration.ofSeconds(20), Duration.ofSeconds(3)).stream()
                    .map(ConsumerRecord::value).toList();
        }
    }

    @Test
    void eachClientAccountsFirstOpenAndTheOfficesFirstMarkAreOneReadEventEach() throws Exception {
        String dossierId = dossierOf(ANNA, JANSEN_BV);
        String fromOffice = officeSends(dossierId, "Geheim onderwerp");
        Instant before = Instant.now().minusSeconds(1);

        for (TestCaller caller : List.of(ANNA, ANNA, PIET, STAFF, PIET)) {
            mvc.perform(get("/api/messages/{id}", fromOffice).with(caller.token())).andExpect(status().isOk());
        }
        String fromAnna = clientSends(ANNA, dossierId, """
                {"subject":"Re: Geheim onderwerp","body":"Mijn geheime antwoord.","inReplyTo":"%s"}""".formatted(fromOffice));
        // her own message is no read of hers; the office's marks: the first one counts, by whom it was
        mvc.perform(get("/api/messages/{id}", fromAnna).with(ANNA.token())).andExpect(status().isOk());
        String marked = mvc.perform(put("/api/staff/messages/{id}/read", fromAnna).with(NOTARIS.token()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mvc.perform(put("/api/staff/messages/{id}/read", fromAnna).with(NOTARIS.token())).andExpect(status().isOk());
        mvc.perform(put("/api/staff/messages/{id}/read", fromAnna).with(STAFF.token())).andExpect(status().isOk());

        List<String> reads = events(dossierId, READ, 3);
        assertThat(reads).hasSize(3).allSatisfy(event -> {
            assertThat(EventContracts.violations(event)).isEmpty();
            assertThat((String) JsonPath.read(event, "$.data.dossierId")).isEqualTo(dossierId);
            assertThat(Instant.parse(JsonPath.read(event, "$.data.readAt"))).isAfter(before);
            assertThat(event).doesNotContain("Geheim").doesNotContain("geheime").doesNotContain("Anna de Vries")
                    .doesNotContain("Piet Jansen");
        });
        List<String> byClients = reads.stream().filter(e -> "CLIENT".equals(JsonPath.read(e, "$.data.readerSide")))
                .toList();
        assertThat(byClients).extracting(e -> (String) JsonPath.read(e, "$.data.accountId"))
                .containsExactlyInAnyOrder(ANNA.accountId(), PIET.accountId());
        assertThat(byClients).allSatisfy(event -> {
            assertThat((String) JsonPath.read(event, "$.data.messageId")).isEqualTo(fromOffice);
            assertThat((String) JsonPath.read(event, "$.subject")).isEqualTo("messages/" + fromOffice);
            assertThat((Object) JsonPath.read(event, "$.data.readerName")).isNull();
            assertThat(event).contains("\"readerName\":null");
        });

        String byOffice = reads.stream().filter(e -> "OFFICE".equals(JsonPath.read(e, "$.data.readerSide")))
                .findFirst().orElseThrow();
        assertThat((String) JsonPath.read(byOffice, "$.data.messageId")).isEqualTo(fromAnna);
        assertThat((String) JsonPath.read(byOffice, "$.data.accountId")).isEqualTo(NOTARIS.accountId());
        assertThat((String) JsonPath.read(byOffice, "$.data.readerName")).isEqualTo("Mr. N. Notaris");
        assertThat(Instant.parse(JsonPath.read(byOffice, "$.data.readAt")))
                .as("the receipt the client sees").isEqualTo(Instant.parse(JsonPath.read(marked, "$.readByOfficeAt")));

        // Anna's read state is her first open; the relay emptied the markers' outbox
        org.bson.Document annasMarker = mongo.findById(fromOffice + ":" + ANNA.accountId(), org.bson.Document.class,
                "message_reads");
        String annasEvent = byClients.stream().filter(e -> ANNA.accountId().equals(JsonPath.read(e, "$.data.accountId")))
                .findFirst().orElseThrow();
        assertThat(annasMarker.getDate("readAt").toInstant()).isEqualTo(Instant.parse(JsonPath.read(annasEvent,
                "$.data.readAt")));
        assertThat(annasMarker.getList("pendingEvents", org.bson.Document.class)).isEmpty();
        assertThat(mongo.findById(fromOffice + ":" + STAFF.accountId(), org.bson.Document.class, "message_reads"))
                .as("the office opening its own message is no read").isNull();
    }

    @Test
    void aClientsMessageThatAnswersADocumentRequestCarriesItsRequestId() throws Exception {
        String dossierId = dossierOf(ANNA);
        uploads.has("up-req-" + dossierId, "test." + ANNA.accountId(), dossierId, "paspoort.pdf", true);

        String answer = clientSends(ANNA, dossierId, """
                {"subject":"Kopie paspoort","body":"Hierbij.","requestId":"step-2_paspoort","uploads":["up-req-%s"]}"""
                .formatted(dossierId));
        String plain = clientSends(ANNA, dossierId, """
                {"subject":"Vraag","body":"Nog een vraag."}""");

        mvc.perform(get("/api/messages/{id}", answer).with(ANNA.token()))
                .andExpect(jsonPath("$.requestId").value("step-2_paspoort"));
        for (var list : List.of(get("/api/dossiers/{id}/messages", dossierId).with(ANNA.token()),
                get("/api/staff/dossiers/{id}/messages", dossierId).with(STAFF.token()))) {
            mvc.perform(list).andExpect(jsonPath("$.items.length()").value(2))
                    .andExpect(jsonPath("$.items[?(@.id == '" + answer + "')].requestId").value("step-2_paspoort"))
                    .andExpect(jsonPath("$.items[?(@.id == '" + plain + "')].requestId").value(
                            org.hamcrest.Matchers.contains((Object) null)));
        }

        List<String> sent = events(dossierId, "portal.message.sent-by-client", 2);
        assertThat(sent).hasSize(2).allSatisfy(event -> assertThat(EventContracts.violations(event)).isEmpty());
        assertThat(sent.get(0)).contains("\"requestId\":\"step-2_paspoort\"");
        assertThat((String) JsonPath.read(sent.get(0), "$.data.messageId")).isEqualTo(answer);
        assertThat(sent.get(1)).as("no request: no requestId").doesNotContain("requestId");
    }
}
