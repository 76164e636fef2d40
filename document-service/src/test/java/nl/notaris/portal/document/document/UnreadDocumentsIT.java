package nl.notaris.portal.document.document;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.BOB;
import static nl.notaris.portal.testsupport.TestCaller.JANSEN_BV;
import static nl.notaris.portal.testsupport.TestCaller.PIET;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
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

/**
 * For the client's dossier list: the unread documents of a page of dossiers, per account, only for
 * dossiers the caller may see; and a delivered file names the message it came with.
 */
@ServiceIntegrationTest
class UnreadDocumentsIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;

    /** A dossier of these parties, known to this service's replica. */
    String dossierOf(TestCaller... parties) throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        DossierOwnerStub.instance().knows(dossierId, 1, parties);
        mvc.perform(get("/api/dossiers/{id}/documents/counts", dossierId).with(STAFF.token())).andExpect(status().isOk());
        return dossierId;
    }

    String publish(String dossierId, String category) throws Exception {
        String response = mvc.perform(multipart("/api/staff/dossiers/{id}/documents", dossierId)
                        .file(new MockMultipartFile("file", "brief.pdf", "application/pdf", pdf()))
                        .param("title", "Brief").param("category", category).with(STAFF.token()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    static byte[] pdf() {
        return "%PDF-1.7\nbrief".getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void perDossierTheDocumentsTheCallersAccountHasNotOpenedOnlyForDossiersItMaySee() throws Exception {
        String busy = dossierOf(ANNA);
        String quiet = dossierOf(ANNA);
        String bobs = dossierOf(BOB);
        String opened = publish(busy, "CORRESPONDENCE");
        publish(busy, "CORRESPONDENCE");
        publish(busy, "DOCUMENT");
        publish(bobs, "DOCUMENT");
        mvc.perform(get("/api/documents/{id}/content", opened).with(ANNA.token())).andExpect(status().isOk());

        mvc.perform(get("/api/documents/unread-counts").param("dossierId", busy, quiet, bobs, "dos-unknown")
                        .with(ANNA.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$['" + busy + "']").value(2))
                .andExpect(jsonPath("$['" + quiet + "']").value(0))
                .andExpect(jsonPath("$['" + bobs + "']").doesNotExist());
        mvc.perform(get("/api/documents/unread-counts").param("dossierId", bobs).with(BOB.token()))
                .andExpect(jsonPath("$['" + bobs + "']").value(1));
    }

    @Test
    void eachAccountOfACompanyHasItsOwnCount() throws Exception {
        String dossierId = dossierOf(JANSEN_BV);
        String documentId = publish(dossierId, "DOCUMENT");
        mvc.perform(get("/api/documents/{id}/content", documentId).with(PIET.token())).andExpect(status().isOk());

        mvc.perform(get("/api/documents/unread-counts").param("dossierId", dossierId).with(PIET.token()))
                .andExpect(jsonPath("$['" + dossierId + "']").value(0));
        mvc.perform(get("/api/documents/unread-counts").param("dossierId", dossierId).with(JANSEN_BV.token()))
                .andExpect(jsonPath("$['" + dossierId + "']").value(1));
    }

    @Test
    void noIdsOrMoreThanAPageAreRefusedNamingTheParameter() throws Exception {
        String[] many = IntStream.range(0, 101).mapToObj(i -> "dos-" + i).toArray(String[]::new);
        mvc.perform(get("/api/documents/unread-counts").param("dossierId", many).with(ANNA.token()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("dossierId"));
        mvc.perform(get("/api/documents/unread-counts").with(ANNA.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("dossierId"));
        mvc.perform(get("/api/documents/unread-counts").param("dossierId", "x")).andExpect(status().isUnauthorized());
    }

    /** What the client sent with a message is its own (not unread to it), and carries the message's id. */
    @Test
    void aDeliveredFileNamesItsMessage() throws Exception {
        String dossierId = dossierOf(ANNA);
        String upload = mvc.perform(multipart("/api/uploads")
                        .file(new MockMultipartFile("file", "paspoort.pdf", "application/pdf", pdf()))
                        .param("dossierId", dossierId).with(ANNA.token()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String uploadId = JsonPath.read(upload, "$.id");
        String messageId = "msg-" + UUID.randomUUID();
        kafka.send(DocumentTopics.MESSAGES, dossierId, EventContracts.example("portal.message.sent-by-client")
                .forDossier(dossierId).with("subject", "messages/" + messageId).with("data.messageId", messageId)
                .with("data.senderAccountId", ANNA.accountId())
                .with("data.attachments", List.of(Map.of("documentId", uploadId))).json()).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(uploadId, Upload.class) == null);

        mvc.perform(get("/api/dossiers/{id}/documents", dossierId).param("category", "DELIVERED").with(ANNA.token()))
                .andExpect(jsonPath("$.items[0].id").value(uploadId))
                .andExpect(jsonPath("$.items[0].messageId").value(messageId));
        mvc.perform(get("/api/documents/unread-counts").param("dossierId", dossierId).with(ANNA.token()))
                .andExpect(jsonPath("$['" + dossierId + "']").value(0));
        String published = publish(dossierId, "CORRESPONDENCE");
        mvc.perform(get("/api/dossiers/{id}/documents", dossierId).param("category", "CORRESPONDENCE").with(ANNA.token()))
                .andExpect(jsonPath("$.items[0].id").value(published))
                .andExpect(jsonPath("$.items[0].messageId").isEmpty());
    }
}
