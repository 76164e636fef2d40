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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.document.events.DocumentTopics;
import nl.notaris.portal.support.access.DossierAccessAutoConfiguration;
import nl.notaris.portal.support.access.DossierEventsListener;
import nl.notaris.portal.support.events.ProcessedEvents;
import nl.notaris.portal.testsupport.ContractExample;
import nl.notaris.portal.testsupport.DossierEventExamples;
import nl.notaris.portal.testsupport.DossierOwnerStub;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;
import nl.notaris.portal.testsupport.TestCaller;
import nl.notaris.portal.testsupport.TopicReader;

@ServiceIntegrationTest
class DocumentsIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    org.springframework.kafka.config.KafkaListenerEndpointRegistry listeners;
    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    static final String REPLICA = "document-service." + DossierEventsListener.LISTENER_ID;

    @Autowired
    ProcessedEvents processed;

    /** Sends a dossier event made from the contract example; returns it (its id, e.g. to wait for it). */
    ContractExample sendDossierEvent(String dossierId, long version, TestCaller... parties) throws Exception {
        ContractExample event = DossierEventExamples.changed(dossierId, version, parties);
        kafka.send(DossierAccessAutoConfiguration.TOPIC, dossierId, event.json()).get();
        return event;
    }

    /** Waits until the replica has handled an event: everything sent before it on the same key is handled too. */
    void awaitHandled(ContractExample marker) {
        await().atMost(Duration.ofSeconds(20)).until(() -> processed.wasHandled(REPLICA, marker.id()));
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
        awaitHandled(sendDossierEvent(dossierId, 1, ANNA));

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
            // a problem, not a file, though the route answers files
            mvc.perform(get("/api/documents/{id}/content", documentId).with(other.token())).andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(get("/api/documents/{id}/content", documentId)).andExpect(status().isUnauthorized());
    }

    @Test
    void removingAPartyTakesAccessAwayAndAStaleEventDoesNotGiveItBack() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        awaitHandled(sendDossierEvent(dossierId, 1, ANNA, JANSEN_BV));
        mvc.perform(get("/api/dossiers/{id}/documents", dossierId).with(PIET.token())).andExpect(status().isOk());
        String documentId = publish(dossierId, "%PDF-1.4 hello".getBytes(), "akte.pdf", "Concept-akte");
        mvc.perform(get("/api/documents/{id}/content", documentId).with(ANNA.token()))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"));

        awaitHandled(sendDossierEvent(dossierId, 2, JANSEN_BV));
        mvc.perform(get("/api/documents/{id}/content", documentId).with(ANNA.token())).andExpect(status().isNotFound());

        sendDossierEvent(dossierId, 1, ANNA);
        awaitHandled(sendDossierEvent(dossierId, 2, JANSEN_BV));
        mvc.perform(get("/api/documents/{id}/content", documentId).with(ANNA.token())).andExpect(status().isNotFound());
        mvc.perform(get("/api/documents/{id}/content", documentId).with(PIET.token())).andExpect(status().isOk());
    }

    @Test
    void aRestartedConsumerCatchesUpWithWhatWasPublishedWhileItWasDown() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        awaitHandled(sendDossierEvent(dossierId, 1, ANNA));

        var listener = listeners.getListenerContainer(DossierEventsListener.LISTENER_ID);
        listener.stop();
        ContractExample sameEventTwice = DossierEventExamples.changed(dossierId, 3, BOB, PIET);
        try {
            sendDossierEvent(dossierId, 2, BOB);
            kafka.send(DossierAccessAutoConfiguration.TOPIC, dossierId, sameEventTwice.json()).get();
            kafka.send(DossierAccessAutoConfiguration.TOPIC, dossierId, sameEventTwice.json()).get();
            mvc.perform(get("/api/dossiers/{id}/documents", dossierId).with(ANNA.token())).andExpect(status().isOk());
        } finally {
            listener.start();
        }

        awaitHandled(sameEventTwice);
        mvc.perform(get("/api/dossiers/{id}/documents", dossierId).with(PIET.token())).andExpect(status().isOk());
        mvc.perform(get("/api/dossiers/{id}/documents", dossierId).with(ANNA.token())).andExpect(status().isNotFound());
        mvc.perform(get("/api/dossiers/{id}/documents", dossierId).with(BOB.token())).andExpect(status().isOk());
        assertThat(mongo.findById(dossierId, org.bson.Document.class, "dossier_access").get("version", Number.class).longValue())
                .isEqualTo(3L);
    }

    @Test
    void publishingEmitsAnEventWithoutTitleOrContent() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        awaitHandled(sendDossierEvent(dossierId, 1, ANNA));
        String documentId = publish(dossierId, "vertrouwelijk".getBytes(), "brief.txt", "Geheime titel");

        try (TopicReader reader = new TopicReader(DocumentTopics.TOPIC)) {
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
        awaitHandled(sendDossierEvent(dossierId, 1, ANNA));
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

    @Test
    void aDossierCreatedAMomentAgoIsAskedOfItsOwnerOnceInsteadOfAnswering404() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        DossierOwnerStub.instance().knows(dossierId, 1, ANNA);
        int callsBefore = DossierOwnerStub.instance().calls();

        String documentId = publish(dossierId, "%PDF-1.4 direct".getBytes(), "akte.pdf", "Meteen gepubliceerd");

        mvc.perform(get("/api/dossiers/{id}/documents", dossierId).with(ANNA.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].id").value(documentId));
        assertThat(DossierOwnerStub.instance().calls() - callsBefore)
                .as("asked once; afterwards the replica knows the dossier").isEqualTo(1);
        // someone who is no party may hold a grant (ADV-1): that only the owner knows, at this moment
        mvc.perform(get("/api/dossiers/{id}/documents", dossierId).with(BOB.token())).andExpect(status().isNotFound());
        assertThat(DossierOwnerStub.instance().calls() - callsBefore).isEqualTo(2);
    }

    @Test
    void aDossierTheOwnerDoesNotKnowEither404s() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        mvc.perform(get("/api/dossiers/{id}/documents", dossierId).with(ANNA.token())).andExpect(status().isNotFound());
        mvc.perform(multipart("/api/staff/dossiers/{id}/documents", dossierId)
                        .file(new MockMultipartFile("file", "a.pdf", "application/pdf", "x".getBytes()))
                        .param("title", "T").param("category", "DOCUMENT").with(STAFF.token()))
                .andExpect(status().isNotFound());
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
