package nl.notaris.portal.document.document;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.BOB;
import static nl.notaris.portal.testsupport.TestCaller.PIET;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.bson.types.ObjectId;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

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
 * The office's workspace on documents: staff upload with tus like clients do, each upload their own,
 * and publish a finished one with a JSON request (once); the office sees who opened each document,
 * what the clients delivered, and downloads any document.
 */
@ServiceIntegrationTest
class StaffDocumentsIT extends IntegrationTest {

    /** A second staff member: a colleague's uploads are not yours either. */
    static final TestCaller COLLEAGUE = new TestCaller("s2-colleague", "collega@notaris.example", "Collega",
            null, null, List.of("staff"));

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

    static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 9);
        return bytes;
    }

    static String b64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** tus creation as {@code caller}; returns the upload id (the Location's last segment). */
    String create(TestCaller caller, String dossierId, String fileName, long length) throws Exception {
        String location = mvc.perform(post("/api/uploads/tus").header("Tus-Resumable", "1.0.0")
                        .header("Upload-Length", String.valueOf(length))
                        .header("Upload-Metadata", "filename " + b64(fileName) + ",dossierId " + b64(dossierId))
                        .with(caller.token()))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    ResultActions append(TestCaller caller, String uploadId, long offset, byte[] bytes, int from, int to)
            throws Exception {
        return mvc.perform(patch("/api/uploads/tus/{id}", uploadId).header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", String.valueOf(offset)).contentType("application/offset+octet-stream")
                .content(java.util.Arrays.copyOfRange(bytes, from, to)).with(caller.token()));
    }

    /** A whole tus upload in two PATCHes, as a browser resumes one; returns its id. */
    String upload(TestCaller caller, String dossierId, String fileName, byte[] bytes) throws Exception {
        String uploadId = create(caller, dossierId, fileName, bytes.length);
        int half = bytes.length / 2;
        append(caller, uploadId, 0, bytes, 0, half).andExpect(status().isNoContent());
        append(caller, uploadId, half, bytes, half, bytes.length).andExpect(status().isNoContent())
                .andExpect(header().string("Upload-Offset", String.valueOf(bytes.length)));
        return uploadId;
    }

    ResultActions publish(TestCaller caller, String dossierId, String uploadId, String title, String category)
            throws Exception {
        Map<String, String> body = new java.util.LinkedHashMap<>();
        if (uploadId != null) {
            body.put("uploadId", uploadId);
        }
        if (title != null) {
            body.put("title", title);
        }
        body.put("category", category);
        return mvc.perform(post("/api/staff/dossiers/{id}/documents", dossierId).contentType(MediaType.APPLICATION_JSON)
                .content(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body))
                .with(caller.token()));
    }

    static void refusedOnUploadId(ResultActions answer, int status, String detail) throws Exception {
        answer.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("uploadId"))
                .andExpect(jsonPath("$.detail").value(Matchers.containsString(detail)));
    }

    @Test
    void staffPublishTheirOwnResumableUploadOnceWithTheFormsEvent() throws Exception {
        String dossierId = dossierOf(ANNA);
        byte[] deed = pdf(700_000);
        String uploadId = upload(STAFF, dossierId, "../concept \"akte\".pdf", deed);
        mvc.perform(get("/api/uploads/{id}", uploadId).with(STAFF.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPLETE"))
                .andExpect(jsonPath("$.contentType").value("application/pdf"));

        publish(STAFF, dossierId, uploadId, "  Concept-akte levering  ", "DOCUMENT")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/documents/" + uploadId + "/content"))
                .andExpect(jsonPath("$.id").value(uploadId))
                .andExpect(jsonPath("$.dossierId").value(dossierId))
                .andExpect(jsonPath("$.title").value("Concept-akte levering"))
                .andExpect(jsonPath("$.category").value("DOCUMENT"))
                .andExpect(jsonPath("$.fileName").value(Matchers.allOf(Matchers.endsWith(".pdf"),
                        Matchers.not(Matchers.containsString("/")), Matchers.not(Matchers.containsString("\"")))))
                .andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andExpect(jsonPath("$.size").value(deed.length));

        refusedOnUploadId(publish(STAFF, dossierId, uploadId, "Nog een keer", "DOCUMENT"), 409, "already published");
        assertThat(mongo.findById(uploadId, Upload.class)).as("the upload became the document").isNull();
        mvc.perform(get("/api/uploads/{id}", uploadId).with(STAFF.token())).andExpect(status().isNotFound());
        assertThat(mongo.getCollection("fs.files").countDocuments(new org.bson.Document("_id", new ObjectId(uploadId))))
                .as("stored once").isEqualTo(1);

        // a later publication on the same key: the event of the second attempt would have come before it
        String marker = upload(STAFF, dossierId, "brief.pdf", pdf(20_000));
        publish(STAFF, dossierId, marker, "Brief", "CORRESPONDENCE").andExpect(status().isCreated());
        try (TopicReader reader = new TopicReader(DocumentTopics.TOPIC)) {
            var events = reader.readDistinctEvents(r -> dossierId.equals(r.key()), 2, Duration.ofSeconds(20));
            assertThat(events).extracting(r -> (String) JsonPath.read(r.value(), "$.data.documentId"))
                    .as("one event per publication, the refused one none").containsExactly(uploadId, marker);
            String event = events.get(0).value();
            assertThat((String) JsonPath.read(event, "$.type")).isEqualTo("portal.document.published");
            assertThat((String) JsonPath.read(event, "$.data.category")).isEqualTo("DOCUMENT");
            assertThat(event).doesNotContain("Concept-akte").doesNotContain("akte.pdf");
            assertThat(EventContracts.violations(event)).isEmpty();
        }

        mvc.perform(get("/api/dossiers/{id}/documents", dossierId).param("category", "DOCUMENT").with(ANNA.token()))
                .andExpect(jsonPath("$.items[*].id").value(Matchers.contains(uploadId)))
                .andExpect(jsonPath("$.items[0].read").value(false));
        byte[] downloaded = mvc.perform(get("/api/documents/{id}/content", uploadId).with(ANNA.token()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(deed);
    }

    @Test
    void oneRefusedFileOfFiveLeavesTheOtherFourPublished() throws Exception {
        String dossierId = dossierOf(ANNA);
        List<String> uploadIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            uploadIds.add(upload(STAFF, dossierId, "bijlage-" + i + ".pdf", pdf(1_000 + i)));
        }
        mvc.perform(delete("/api/uploads/{id}", uploadIds.get(2)).with(STAFF.token())).andExpect(status().isNoContent());

        List<Integer> statuses = new ArrayList<>();
        for (String uploadId : uploadIds) {
            statuses.add(publish(STAFF, dossierId, uploadId, "Bijlage", "DOCUMENT").andReturn().getResponse().getStatus());
        }
        assertThat(statuses).containsExactly(201, 201, 400, 201, 201);
        mvc.perform(get("/api/staff/dossiers/{id}/documents", dossierId).param("category", "DOCUMENT")
                        .with(STAFF.token()))
                .andExpect(jsonPath("$.totalItems").value(4))
                .andExpect(jsonPath("$.items[*].id").value(Matchers.containsInAnyOrder(uploadIds.get(0),
                        uploadIds.get(1), uploadIds.get(3), uploadIds.get(4))));
    }

    @Test
    void eachUploadIsItsUploadersClientOrStaff() throws Exception {
        String dossierId = dossierOf(ANNA);
        String annas = upload(ANNA, dossierId, "paspoort.pdf", pdf(3_000));
        String staffs = upload(STAFF, dossierId, "concept.pdf", pdf(4_000));

        // a client's upload is not the office's to publish, and stays the client's
        refusedOnUploadId(publish(STAFF, dossierId, annas, "Paspoort", "DOCUMENT"), 400, "not one of your uploads");
        mvc.perform(get("/api/uploads/{id}", annas).with(ANNA.token())).andExpect(status().isOk());
        mvc.perform(get("/api/uploads/{id}", annas).with(STAFF.token())).andExpect(status().isNotFound());
        mvc.perform(delete("/api/uploads/{id}", annas).with(STAFF.token())).andExpect(status().isNotFound());

        // a staff upload is not a client's, nor a colleague's
        publish(ANNA, dossierId, staffs, "Concept", "DOCUMENT").andExpect(status().isForbidden());
        refusedOnUploadId(publish(COLLEAGUE, dossierId, staffs, "Concept", "DOCUMENT"), 400, "not one of your uploads");
        for (TestCaller other : List.of(ANNA, BOB, COLLEAGUE)) {
            mvc.perform(get("/api/uploads/{id}", staffs).with(other.token())).andExpect(status().isNotFound());
            mvc.perform(head("/api/uploads/tus/{id}", staffs).header("Tus-Resumable", "1.0.0").with(other.token()))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/api/documents/{id}/content", staffs).with(other.token())).andExpect(status().isNotFound());
            mvc.perform(delete("/api/uploads/{id}", staffs).with(other.token())).andExpect(status().isNotFound());
            mvc.perform(patch("/api/uploads/{id}", staffs).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"messageId\":\"m1\"}").with(other.token())).andExpect(status().isNotFound());
        }
        // its owner sees it, may open it before publishing, and publishes it
        mvc.perform(get("/api/uploads/{id}", staffs).with(STAFF.token())).andExpect(status().isOk());
        mvc.perform(get("/api/documents/{id}/content", staffs).with(STAFF.token())).andExpect(status().isOk());
        publish(STAFF, dossierId, staffs, "Concept", "DOCUMENT").andExpect(status().isCreated());
        // staff upload for dossiers they are no party of; a client still only for its own
        create(STAFF, dossierOf(BOB), "x.pdf", 10);
        mvc.perform(post("/api/uploads/tus").header("Tus-Resumable", "1.0.0").header("Upload-Length", "10")
                        .header("Upload-Metadata", "filename " + b64("x.pdf") + ",dossierId " + b64(dossierOf(BOB)))
                        .with(ANNA.token()))
                .andExpect(status().isNotFound());
    }

    @Test
    void anUploadThatCannotBePublishedIsRefusedOnUploadId() throws Exception {
        String dossierId = dossierOf(ANNA);
        refusedOnUploadId(publish(STAFF, dossierId, new ObjectId().toHexString(), "T", "DOCUMENT"), 400,
                "not one of your uploads");
        refusedOnUploadId(publish(STAFF, dossierId, "../niet-een-id", "T", "DOCUMENT"), 400, "not one of your uploads");
        refusedOnUploadId(publish(STAFF, dossierId, null, "T", "DOCUMENT"), 400, "uploadId is required");

        byte[] scan = pdf(50_000);
        String unfinished = create(STAFF, dossierId, "half.pdf", scan.length);
        append(STAFF, unfinished, 0, scan, 0, 20_000).andExpect(status().isNoContent());
        refusedOnUploadId(publish(STAFF, dossierId, unfinished, "T", "DOCUMENT"), 400,
                "'half.pdf' has not finished uploading (20000 of 50000 bytes");
        append(STAFF, unfinished, 20_000, scan, 20_000, scan.length).andExpect(status().isNoContent());

        refusedOnUploadId(publish(STAFF, dossierOf(ANNA), unfinished, "T", "DOCUMENT"), 400, "another dossier");
        publish(STAFF, dossierId, unfinished, " ", "DOCUMENT").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("title"));
        publish(STAFF, dossierId, unfinished, "T", "DELIVERED").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("category"));
        publish(STAFF, "dos-" + UUID.randomUUID(), unfinished, "T", "DOCUMENT").andExpect(status().isNotFound());
        mvc.perform(get("/api/uploads/{id}", unfinished).with(STAFF.token()))
                .andExpect(jsonPath("$.status").value("COMPLETE"));

        // one a message names is the message's
        mvc.perform(patch("/api/uploads/{id}", unfinished).contentType(MediaType.APPLICATION_JSON)
                .content("{\"messageId\":\"msg-1\"}").with(STAFF.token())).andExpect(status().isOk());
        refusedOnUploadId(publish(STAFF, dossierId, unfinished, "T", "DOCUMENT"), 409, "sent with a message");
        assertThat(mongo.findById(unfinished, Upload.class)).as("still the message's").isNotNull();
    }

    @Test
    void readByTellsWhoOpenedEachDocumentOfThePage() throws Exception {
        String dossierId = dossierOf(ANNA, PIET);
        String first = upload(STAFF, dossierId, "brief-1.pdf", pdf(2_000));
        String second = upload(STAFF, dossierId, "brief-2.pdf", pdf(2_100));
        publish(STAFF, dossierId, first, "Eerste brief", "CORRESPONDENCE").andExpect(status().isCreated());
        publish(STAFF, dossierId, second, "Tweede brief", "CORRESPONDENCE").andExpect(status().isCreated());

        Instant before = Instant.now();
        mvc.perform(get("/api/documents/{id}/content", first).with(ANNA.token())).andExpect(status().isOk());
        String annaReadAt = readAt(dossierId, first, ANNA);
        Thread.sleep(20);
        mvc.perform(get("/api/documents/{id}/content", first).with(PIET.token())).andExpect(status().isOk());
        mvc.perform(get("/api/documents/{id}/content", first).with(ANNA.token())).andExpect(status().isOk());
        // the office looking at it is not a read
        mvc.perform(get("/api/staff/documents/{id}/content", second).with(STAFF.token())).andExpect(status().isOk());

        String page = mvc.perform(get("/api/staff/dossiers/{id}/documents", dossierId).param("category", "CORRESPONDENCE")
                        .with(STAFF.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].id").value(Matchers.contains(second, first)))
                .andExpect(jsonPath("$.items[0].readBy").isEmpty())
                .andExpect(jsonPath("$.items[0].read").value(false))
                .andExpect(jsonPath("$.items[1].readBy[*].accountId").value(Matchers.contains(ANNA.accountId(),
                        PIET.accountId())))
                .andExpect(jsonPath("$.items[1].title").value("Eerste brief"))
                .andReturn().getResponse().getContentAsString();
        Instant annaFirst = Instant.parse(JsonPath.read(page, "$.items[1].readBy[0].readAt"));
        assertThat(annaFirst).as("the first time Anna opened it").isAfterOrEqualTo(before.minusSeconds(1))
                .isEqualTo(Instant.parse(annaReadAt));
        assertThat(Instant.parse(JsonPath.<String>read(page, "$.items[1].readBy[1].readAt"))).isAfterOrEqualTo(annaFirst);
    }

    String readAt(String dossierId, String documentId, TestCaller reader) throws Exception {
        String page = mvc.perform(get("/api/staff/dossiers/{id}/documents", dossierId).param("category", "CORRESPONDENCE")
                .with(STAFF.token())).andReturn().getResponse().getContentAsString();
        List<String> times = JsonPath.read(page, "$.items[?(@.id == '" + documentId + "')].readBy[?(@.accountId == '"
                + reader.accountId() + "')].readAt");
        assertThat(times).hasSize(1);
        return times.get(0);
    }

    @Test
    void staffListWhatTheClientDeliveredAndDownloadAnyDocument() throws Exception {
        String dossierId = dossierOf(ANNA);
        byte[] scan = pdf(300_000);
        String uploadId = upload(ANNA, dossierId, "../bank\u202Eafschrift.pdf", scan);
        String messageId = "msg-" + UUID.randomUUID();
        kafka.send(DocumentTopics.MESSAGES, dossierId, EventContracts.example("portal.message.sent-by-client")
                .forDossier(dossierId).with("subject", "messages/" + messageId).with("data.messageId", messageId)
                .with("data.senderAccountId", ANNA.accountId())
                .with("data.attachments", List.of(Map.of("documentId", uploadId))).json()).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(uploadId, Upload.class) == null);
        String published = upload(STAFF, dossierId, "akte.pdf", pdf(1_500));
        publish(STAFF, dossierId, published, "Akte", "DOCUMENT").andExpect(status().isCreated());

        for (var list : List.of(get("/api/staff/dossiers/{id}/documents", dossierId).param("category", "DELIVERED"),
                get("/api/staff/dossiers/{id}/documents", dossierId).param("category", "delivered"),
                get("/api/staff/dossiers/{id}/documents", dossierId))) {
            mvc.perform(list.with(STAFF.token())).andExpect(status().isOk())
                    .andExpect(jsonPath("$.totalItems").value(1))
                    .andExpect(jsonPath("$.items[0].id").value(uploadId))
                    .andExpect(jsonPath("$.items[0].category").value("DELIVERED"))
                    .andExpect(jsonPath("$.items[0].readBy[0].accountId").value(ANNA.accountId()));
        }
        mvc.perform(get("/api/staff/dossiers/{id}/documents", dossierId).param("category", "GELEVERD")
                        .with(STAFF.token()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("category"));

        byte[] downloaded = mvc.perform(get("/api/staff/documents/{id}/content", uploadId).with(STAFF.token()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", Matchers.allOf(Matchers.startsWith("attachment;"),
                        Matchers.containsString(".pdf"), Matchers.not(Matchers.containsString("../")),
                        Matchers.not(Matchers.containsString("\u202E")))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Cache-Control", Matchers.containsString("no-store")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(scan);
        String clientsDisposition = mvc.perform(get("/api/documents/{id}/content", uploadId).with(ANNA.token()))
                .andReturn().getResponse().getHeader("Content-Disposition");
        mvc.perform(get("/api/staff/documents/{id}/content", uploadId).with(STAFF.token()))
                .andExpect(header().string("Content-Disposition", clientsDisposition));

        mvc.perform(get("/api/staff/documents/{id}/content", new ObjectId().toHexString()).with(STAFF.token()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/staff/documents/{id}/content", uploadId).with(ANNA.token()))
                .andExpect(status().isForbidden());
    }

    @Test
    void clientsAreRefusedOnEveryStaffDocumentRoute() throws Exception {
        String dossierId = dossierOf(ANNA);
        String uploadId = upload(ANNA, dossierId, "scan.pdf", pdf(2_000));
        for (TestCaller client : TestCaller.clients()) {
            publish(client, dossierId, uploadId, "T", "DOCUMENT").andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            mvc.perform(multipart("/api/staff/dossiers/{id}/documents", dossierId)
                            .file(new MockMultipartFile("file", "a.pdf", "application/pdf", pdf(100)))
                            .param("title", "T").param("category", "DOCUMENT").with(client.token()))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/staff/dossiers/{id}/documents", dossierId).with(client.token()))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/api/staff/documents/{id}/content", uploadId).with(client.token()))
                    .andExpect(status().isForbidden());
        }
        assertThat(mongo.findById(uploadId, Upload.class)).as("nothing was published").isNotNull();
    }

    /** The office's list reads the reads of a whole page by document id. */
    @Test
    void theReadsOfAPageHaveTheirIndex() {
        assertThat(mongo.getCollection("document_reads").listIndexes().into(new ArrayList<>()).stream()
                .map(index -> List.copyOf(index.get("key", org.bson.Document.class).keySet())).toList())
                .contains(List.of("documentId", "readAt"));
    }
}
