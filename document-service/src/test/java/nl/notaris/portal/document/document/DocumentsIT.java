package nl.notaris.portal.document.document;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.BOB;
import static nl.notaris.portal.testsupport.TestCaller.JANSEN_BV;
import static nl.notaris.portal.testsupport.TestCaller.PIET;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.document.events.DocumentEvents;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.TestCaller;
import nl.notaris.portal.testsupport.TopicReader;

@SpringBootTest
@AutoConfigureMockMvc
class DocumentsIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    org.springframework.kafka.config.KafkaListenerEndpointRegistry listeners;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    static String dossierEvent(String dossierId, long version, String partiesJson) {
        return """
                {"specversion":"1.0","id":"%s","type":"portal.dossier.changed","source":"/test","subject":"dossiers/%s",
                 "time":"2026-11-28T10:00:00Z","data":{"dossierId":"%s","number":"N-%s","status":"IN_PROGRESS",
                 "version":%d,"parties":[%s],"changes":["PARTIES"]}}""".formatted(UUID.randomUUID(), dossierId,
                dossierId, dossierId, version, partiesJson);
    }

    static String party(TestCaller caller) {
        return """
                {"accountId":"%s","email":"%s","accountType":"%s"%s}""".formatted(caller.accountId(), caller.email(),
                caller.accountType(), caller.companyId() == null ? "" : ",\"companyId\":\"" + caller.companyId() + "\"");
    }

    void sendDossierEvent(String dossierId, long version, String parties) throws Exception {
        kafka.send("portal.dossiers.v1", dossierId, dossierEvent(dossierId, version, parties)).get();
    }

    void awaitStatus(MockHttpServletRequestBuilder request, int expected) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                mvc.perform(request).andExpect(status().is(expected)));
    }

    String publish(String dossierId, byte[] bytes, String fileName, String title) throws Exception {
        String response = mvc.perform(multipart("/api/staff/dossiers/{id}/documents", dossierId)
                        .file(new MockMultipartFile("file", fileName, "application/pdf", bytes))
                        .param("title", title).param("category", "CORRESPONDENCE").with(STAFF.token()))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    @Test
    void aPartyDownloadsExactlyWhatTheOfficePublishedAndOthersGet404() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        sendDossierEvent(dossierId, 1, party(ANNA));
        awaitStatus(get("/api/dossiers/{id}/documents", dossierId).with(ANNA.token()), 200);

        byte[] bytes = new byte[300_000];
        new Random(7).nextBytes(bytes);
        String documentId = publish(dossierId, bytes, "../brief aan \"cliënt\".pdf", "Bevestiging opdracht");

        mvc.perform(get("/api/dossiers/{id}/documents", dossierId).param("category", "CORRESPONDENCE").with(ANNA.token()))
                .andExpect(jsonPath("$.items[0].id").value(documentId))
                .andExpect(jsonPath("$.items[0].title").value("Bevestiging opdracht"))
                .andExpect(jsonPath("$.items[0].read").value(false));
        mvc.perform(get("/api/dossiers/{id}/documents/counts", dossierId).with(ANNA.token()))
                .andExpect(jsonPath("$.CORRESPONDENCE.total").value(1))
                .andExpect(jsonPath("$.CORRESPONDENCE.unread").value(1))
                .andExpect(jsonPath("$.DOCUMENT.total").value(0));

        byte[] downloaded = mvc.perform(get("/api/documents/{id}/content", documentId).with(ANNA.token()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/octet-stream"))
                .andExpect(header().string("Content-Disposition",
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.startsWith("attachment;"),
                                org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("../")))))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(bytes);

        mvc.perform(get("/api/dossiers/{id}/documents/counts", dossierId).with(ANNA.token()))
                .andExpect(jsonPath("$.CORRESPONDENCE.unread").value(0));

        for (TestCaller other : new TestCaller[] { BOB, JANSEN_BV, PIET }) {
            mvc.perform(get("/api/dossiers/{id}/documents", dossierId).with(other.token())).andExpect(status().isNotFound());
            mvc.perform(get("/api/documents/{id}/content", documentId).with(other.token())).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/documents/{id}/content", documentId)).andExpect(status().isUnauthorized());
    }

    @Test
    void removingAPartyTakesAccessAwayAndAStaleEventDoesNotGiveItBack() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        sendDossierEvent(dossierId, 1, party(ANNA) + "," + party(JANSEN_BV));
        awaitStatus(get("/api/dossiers/{id}/documents", dossierId).with(PIET.token()), 200);
        String documentId = publish(dossierId, "%PDF-1.4 hello".getBytes(), "akte.pdf", "Concept-akte");
        mvc.perform(get("/api/documents/{id}/content", documentId).with(ANNA.token()))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"));

        sendDossierEvent(dossierId, 2, party(JANSEN_BV));
        awaitStatus(get("/api/documents/{id}/content", documentId).with(ANNA.token()), 404);

        sendDossierEvent(dossierId, 1, party(ANNA));
        Thread.sleep(1_500);
        mvc.perform(get("/api/documents/{id}/content", documentId).with(ANNA.token())).andExpect(status().isNotFound());
        mvc.perform(get("/api/documents/{id}/content", documentId).with(PIET.token())).andExpect(status().isOk());
    }

    @Test
    void aRestartedConsumerCatchesUpWithWhatWasPublishedWhileItWasDown() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        sendDossierEvent(dossierId, 1, party(ANNA));
        awaitStatus(get("/api/dossiers/{id}/documents", dossierId).with(ANNA.token()), 200);

        listeners.stop();
        try {
            sendDossierEvent(dossierId, 2, party(BOB));
            String sameEventTwice = dossierEvent(dossierId, 3, party(BOB) + "," + party(PIET));
            kafka.send("portal.dossiers.v1", dossierId, sameEventTwice).get();
            kafka.send("portal.dossiers.v1", dossierId, sameEventTwice).get();
            mvc.perform(get("/api/dossiers/{id}/documents", dossierId).with(ANNA.token())).andExpect(status().isOk());
        } finally {
            listeners.start();
        }

        awaitStatus(get("/api/dossiers/{id}/documents", dossierId).with(PIET.token()), 200);
        mvc.perform(get("/api/dossiers/{id}/documents", dossierId).with(ANNA.token())).andExpect(status().isNotFound());
        mvc.perform(get("/api/dossiers/{id}/documents", dossierId).with(BOB.token())).andExpect(status().isOk());
        assertThat(mongo.findById(dossierId, org.bson.Document.class, "dossier_access").get("version", Number.class).longValue())
                .isEqualTo(3L);
    }

    @Test
    void publishingEmitsAnEventWithoutTitleOrContent() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        sendDossierEvent(dossierId, 1, party(ANNA));
        awaitStatus(get("/api/dossiers/{id}/documents", dossierId).with(ANNA.token()), 200);
        String documentId = publish(dossierId, "vertrouwelijk".getBytes(), "brief.txt", "Geheime titel");

        try (TopicReader reader = new TopicReader(DocumentEvents.TOPIC)) {
            var records = reader.readUntil(r -> dossierId.equals(r.key()), 1, Duration.ofSeconds(20));
            assertThat(records).hasSize(1);
            String event = records.get(0).value();
            assertThat((String) JsonPath.read(event, "$.data.documentId")).isEqualTo(documentId);
            assertThat(event).doesNotContain("Geheime titel").doesNotContain("vertrouwelijk");
            assertThat(EventContracts.violations(event)).isEmpty();
        }
    }

    @Test
    void badUploadsAreRejectedWithAProblem() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        mvc.perform(multipart("/api/staff/dossiers/{id}/documents", dossierId)
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", "x".getBytes()))
                        .param("title", "T").param("category", "CORRESPONDENCE").with(STAFF.token()))
                .andExpect(status().isNotFound());
        sendDossierEvent(dossierId, 1, party(ANNA));
        awaitStatus(get("/api/dossiers/{id}/documents", dossierId).with(ANNA.token()), 200);
        mvc.perform(multipart("/api/staff/dossiers/{id}/documents", dossierId)
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", "x".getBytes()))
                        .param("title", "T").param("category", "LETTER").with(STAFF.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("category"));
        mvc.perform(multipart("/api/staff/dossiers/{id}/documents", dossierId)
                        .param("title", "T").param("category", "DOCUMENT").with(STAFF.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
        mvc.perform(multipart("/api/staff/dossiers/{id}/documents", dossierId)
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", "x".getBytes()))
                        .param("title", "T").param("category", "DOCUMENT").with(ANNA.token()))
                .andExpect(status().isForbidden());
    }

    /**
     * The dossier page's queries: a tab's documents (dossierId, category, newest first) and the
     * counts (dossierId) use the dossier_tab index, the caller's read markers (dossierId, accountId)
     * the dossier_reader index; access is read by _id.
     */
    @Test
    void theDossierPageQueriesHaveTheirIndexes() {
        assertThat(indexKeys("documents")).contains(java.util.List.of("dossierId", "category", "publishedAt"));
        assertThat(indexKeys("document_reads")).contains(java.util.List.of("dossierId", "accountId"));
    }

    private java.util.List<java.util.List<String>> indexKeys(String collection) {
        return mongo.getCollection(collection).listIndexes().into(new java.util.ArrayList<>()).stream()
                .map(index -> java.util.List.copyOf(index.get("key", org.bson.Document.class).keySet())).toList();
    }
}
