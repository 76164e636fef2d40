package nl.notaris.portal.document.document;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.document.events.DocumentTopics;
import nl.notaris.portal.support.audit.StaffActions;
import nl.notaris.portal.testsupport.DossierOwnerStub;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;
import nl.notaris.portal.testsupport.TestCaller;
import nl.notaris.portal.testsupport.TopicReader;

/**
 * Each document the office publishes (a form with the file, or a finished upload of its own) is one
 * DOCUMENT_PUBLISHED record on portal.staff-actions.v1, by who published it, valid against the
 * contract and without title or file name; a refused publication and a client's delivery record
 * nothing. The reader reads on for a moment after the expected records, so one too many shows.
 */
@ServiceIntegrationTest
class StaffActionRecordsIT extends IntegrationTest {

    static final TestCaller COLLEAGUE = new TestCaller("s2-colleague", "collega@notaris.example", "Collega",
            null, null, List.of("staff"));

    @Autowired
    MockMvc mvc;
    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void eachPublicationByStaffIsOneRecordAndARefusedOneOrAClientsDeliveryNone() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        DossierOwnerStub.instance().knows(dossierId, 1, ANNA);

        String byForm = publishForm(STAFF, dossierId, "Geheime titel");
        String upload = upload(COLLEAGUE, dossierId, "concept-akte.pdf");
        String byUpload = publishUpload(COLLEAGUE, dossierId, upload).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString();
        publishUpload(COLLEAGUE, dossierId, upload).andExpect(status().isConflict());
        clientDelivers(ANNA, dossierId);
        String marker = publishForm(STAFF, dossierId, "Brief");

        try (TopicReader reader = new TopicReader(StaffActions.TOPIC)) {
            List<String> records = reader.readDistinctEvents(r -> dossierId.equals(r.key()), 3, Duration.ofSeconds(20),
                    Duration.ofSeconds(3))
                    .stream().map(ConsumerRecord::value).toList();

            assertThat(records).extracting(r -> (String) JsonPath.read(r, "$.data.objectId"))
                    .containsExactlyInAnyOrder(byForm, JsonPath.read(byUpload, "$.id"), marker);
            assertThat(records).allSatisfy(r -> {
                assertThat(EventContracts.violations(r)).isEmpty();
                assertThat((String) JsonPath.read(r, "$.data.action")).isEqualTo("DOCUMENT_PUBLISHED");
                assertThat((String) JsonPath.read(r, "$.data.objectType")).isEqualTo("DOCUMENT");
                assertThat((String) JsonPath.read(r, "$.data.dossierId")).isEqualTo(dossierId);
                assertThat(r).doesNotContain("Geheime titel").doesNotContain("concept-akte");
            });
            assertThat(records).filteredOn(r -> upload.equals(JsonPath.read(r, "$.data.objectId")))
                    .extracting(r -> (String) JsonPath.read(r, "$.data.actorId")).containsExactly(COLLEAGUE.accountId());
            assertThat(records).filteredOn(r -> byForm.equals(JsonPath.read(r, "$.data.objectId")))
                    .extracting(r -> (String) JsonPath.read(r, "$.data.actorName")).containsExactly(STAFF.name());
        }
    }

    String publishForm(TestCaller staff, String dossierId, String title) throws Exception {
        String response = mvc.perform(multipart("/api/staff/dossiers/{id}/documents", dossierId)
                        .file(new MockMultipartFile("file", "brief.pdf", "application/pdf", "%PDF-1.4 brief".getBytes()))
                        .param("title", title).param("category", "CORRESPONDENCE").with(staff.token()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    ResultActions publishUpload(TestCaller staff, String dossierId, String uploadId) throws Exception {
        return mvc.perform(post("/api/staff/dossiers/{id}/documents", dossierId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"uploadId\":\"%s\",\"title\":\"Concept-akte\",\"category\":\"DOCUMENT\"}".formatted(uploadId))
                .with(staff.token()));
    }

    /** A whole tus upload of a small PDF; returns its id. */
    String upload(TestCaller caller, String dossierId, String fileName) throws Exception {
        byte[] bytes = "%PDF-1.7\nakte".getBytes(StandardCharsets.US_ASCII);
        String location = mvc.perform(post("/api/uploads/tus").header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", String.valueOf(bytes.length))
                        .header("Upload-Metadata", "filename " + b64(fileName) + ",dossierId " + b64(dossierId))
                        .with(caller.token()))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        String uploadId = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(patch("/api/uploads/tus/{id}", uploadId).header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", "0").contentType("application/offset+octet-stream").content(bytes)
                .with(caller.token())).andExpect(status().isNoContent());
        return uploadId;
    }

    /** The client's message delivers an upload: filed as a delivered document; waits for its event. */
    void clientDelivers(TestCaller client, String dossierId) throws Exception {
        String uploadId = upload(client, dossierId, "bankafschrift.pdf");
        String messageId = "msg-" + UUID.randomUUID();
        kafka.send(DocumentTopics.MESSAGES, dossierId, EventContracts.example("portal.message.sent-by-client")
                .forDossier(dossierId).with("subject", "messages/" + messageId).with("data.messageId", messageId)
                .with("data.senderAccountId", client.accountId())
                .with("data.attachments", List.of(Map.of("documentId", uploadId))).json()).get();
        try (TopicReader reader = new TopicReader(DocumentTopics.TOPIC)) {
            assertThat(reader.readUntil(r -> dossierId.equals(r.key()) && r.value().contains(uploadId)
                    && r.value().contains("portal.document.delivered"), 1, Duration.ofSeconds(20))).hasSize(1);
        }
    }

    static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }
}
