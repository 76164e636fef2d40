package nl.notaris.portal.document.upload;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.BOB;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.document.events.DocumentTopics;
import nl.notaris.portal.testsupport.DossierOwnerStub;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;
import nl.notaris.portal.testsupport.TestCaller;
import nl.notaris.portal.testsupport.TopicReader;

/**
 * Uploads over real HTTP, as a browser's tus client and a simple tool send them: resumable after a
 * dropped connection, checked on content, private to the uploader, filed as delivered documents
 * when a message names them, and gone when never sent.
 */
@ServiceIntegrationTest
class UploadsIT extends IntegrationTest {

    @Value("${local.server.port}")
    int port;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    com.mongodb.client.MongoClient mongoClient;
    @Autowired
    UploadService uploads;
    @Autowired
    KafkaTemplate<String, String> kafka;

    final HttpClient http = HttpClient.newHttpClient();

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

    HttpRequest.Builder request(TestCaller caller, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer test." + caller.accountId()).header("Tus-Resumable", "1.0.0");
    }

    /** tus creation; returns the upload's path (the Location). */
    String create(TestCaller caller, String dossierId, String fileName, long length) throws Exception {
        HttpResponse<String> created = http.send(request(caller, "/api/uploads/tus")
                .header("Upload-Length", String.valueOf(length))
                .header("Upload-Metadata", "filename " + b64(fileName) + ",dossierId " + b64(dossierId)
                        + ",filetype " + b64("application/pdf"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return created.headers().firstValue("Location").orElseThrow();
    }

    HttpResponse<String> patch(TestCaller caller, String location, long offset, byte[] bytes, int from, int to)
            throws Exception {
        return http.send(request(caller, location).header("Upload-Offset", String.valueOf(offset))
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(bytes, from, to - from)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    long offset(TestCaller caller, String location) throws Exception {
        HttpResponse<Void> head = http.send(request(caller, location).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(head.statusCode()).isEqualTo(200);
        return Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
    }

    /** Sends a PATCH that announces the whole rest but stops after {@code sent} bytes, and drops the connection. */
    void patchCutOff(TestCaller caller, String location, long offset, byte[] bytes, int sent) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("PATCH " + location + " HTTP/1.1\r\nHost: localhost\r\n" + caller.bearer()
                    + "Tus-Resumable: 1.0.0\r\nUpload-Offset: " + offset
                    + "\r\nContent-Type: application/offset+octet-stream\r\nContent-Length: " + (bytes.length - offset)
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes, (int) offset, sent);
            out.flush();
        }
    }

    byte[] download(TestCaller caller, String documentId) throws Exception {
        HttpResponse<byte[]> response = http.send(request(caller, "/api/documents/" + documentId + "/content").GET()
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    @Test
    void anUploadCutOffHalfwayContinuesWhereItStopped() throws Exception {
        String dossierId = dossierOf(ANNA);
        byte[] scan = pdf(3 * 1024 * 1024 + 12345);
        String location = create(ANNA, dossierId, "scan paspoort.pdf", scan.length);

        int half = scan.length / 2;
        patchCutOff(ANNA, location, 0, scan, half);
        await().atMost(Duration.ofSeconds(10)).until(() -> offset(ANNA, location) == half);

        HttpResponse<String> rest = patch(ANNA, location, half, scan, half, scan.length);
        assertThat(rest.statusCode()).as(rest.body()).isEqualTo(204);
        assertThat(rest.headers().firstValue("Upload-Offset")).contains(String.valueOf(scan.length));

        String uploadId = location.substring(location.lastIndexOf('/') + 1);
        HttpResponse<String> view = http.send(request(ANNA, "/api/uploads/" + uploadId).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat((String) JsonPath.read(view.body(), "$.status")).isEqualTo("COMPLETE");
        assertThat((String) JsonPath.read(view.body(), "$.contentType")).isEqualTo("application/pdf");
        assertThat((String) JsonPath.read(view.body(), "$.fileName")).isEqualTo("scan paspoort.pdf");
        // before the message is filed, its sender can already open the attachment
        assertThat(download(ANNA, uploadId)).isEqualTo(scan);
        // one GridFS file of 256 KB chunks (the last one shorter), as the drivers read it
        org.bson.types.ObjectId fileId = new org.bson.types.ObjectId(uploadId);
        assertThat(mongo.getCollection("fs.files").find(new org.bson.Document("_id", fileId)).first()
                .getInteger("chunkSize")).isEqualTo(256 * 1024);
        assertThat(mongo.getCollection("fs.chunks").countDocuments(new org.bson.Document("files_id", fileId)))
                .isEqualTo((scan.length + 256 * 1024 - 1) / (256 * 1024));
    }

    @Test
    void aLargeUploadInWebAppSizedChunksRoundTripsByteExact() throws Exception {
        byte[] scan = pdf(12 * 1024 * 1024 + 777);
        String location = create(ANNA, dossierOf(ANNA), "akte.pdf", scan.length);
        int chunk = 5 * 1024 * 1024;
        for (int from = 0; from < scan.length; from += chunk) {
            HttpResponse<String> patched = patch(ANNA, location, from, scan, from, Math.min(from + chunk, scan.length));
            assertThat(patched.statusCode()).as(patched.body()).isEqualTo(204);
            if (from + chunk < scan.length) {
                String uploadId = location.substring(location.lastIndexOf('/') + 1);
                assertThat(mongo.findById(uploadId, Upload.class).tail()).as("5 MB is whole chunks: nothing left over")
                        .isEmpty();
            }
        }
        assertThat(download(ANNA, location.substring(location.lastIndexOf('/') + 1))).isEqualTo(scan);
    }

    /**
     * Every byte stored as a PATCH stores them, but not checked and sealed: the PATCH failed before it could.
     * Returns the upload's id.
     */
    String allBytesInButNotCompleted(TestCaller caller, String dossierId, String fileName, byte[] bytes) throws Exception {
        String location = create(caller, dossierId, fileName, bytes.length);
        String uploadId = location.substring(location.lastIndexOf('/') + 1);
        new UploadChunks(mongo).append(mongo.findById(uploadId, Upload.class), new ByteArrayInputStream(bytes));
        assertThat(mongo.findById(uploadId, Upload.class).status()).isEqualTo(UploadStatus.UPLOADING);
        return uploadId;
    }

    @Test
    void anUploadWhoseLastPatchFailedAfterItsLastByteIsCompletedByTheNextLookAtIt() throws Exception {
        String dossierId = dossierOf(ANNA);
        byte[] scan = pdf(700_000);
        String uploadId = allBytesInButNotCompleted(ANNA, dossierId, "scan.pdf", scan);

        // the tus client asks where to go on: at the end, so it is done
        assertThat(offset(ANNA, "/api/uploads/tus/" + uploadId)).isEqualTo(scan.length);
        HttpResponse<String> view = http.send(request(ANNA, "/api/uploads/" + uploadId).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat((String) JsonPath.read(view.body(), "$.status")).isEqualTo("COMPLETE");
        assertThat((String) JsonPath.read(view.body(), "$.contentType")).isEqualTo("application/pdf");
        assertThat(download(ANNA, uploadId)).isEqualTo(scan);

        // no HEAD in between: the message that names it completes it
        byte[] letter = pdf(300_000);
        String otherId = allBytesInButNotCompleted(ANNA, dossierId, "brief.pdf", letter);
        HttpResponse<String> sent = http.send(request(ANNA, "/api/uploads/" + otherId)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"messageId\":\"msg-1\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(sent.body(), "$.status")).isEqualTo("COMPLETE");
        assertThat(download(ANNA, otherId)).isEqualTo(letter);
    }

    @Test
    void anUploadStartedBeforeTheChunkSizeWasRecordedKeepsGridFsDefault() throws Exception {
        byte[] scan = pdf(1024 * 1024 + 5);
        String location = create(ANNA, dossierOf(ANNA), "oud.pdf", scan.length);
        String uploadId = location.substring(location.lastIndexOf('/') + 1);
        mongo.getCollection("uploads").updateOne(new org.bson.Document("_id", new org.bson.types.ObjectId(uploadId)),
                new org.bson.Document("$unset", new org.bson.Document("chunkSize", "")));
        assertThat(patch(ANNA, location, 0, scan, 0, 400_000).statusCode()).isEqualTo(204);
        assertThat(patch(ANNA, location, 400_000, scan, 400_000, scan.length).statusCode()).isEqualTo(204);

        assertThat(download(ANNA, uploadId)).isEqualTo(scan);
        assertThat(mongo.getCollection("fs.files").find(new org.bson.Document("_id", new org.bson.types.ObjectId(uploadId)))
                .first().getInteger("chunkSize")).isEqualTo(255 * 1024);
    }

    @Test
    void theFirstUploadIntoABucketWithoutGridFsIndexesMakesThemAndItsTypeIsToldFromItsFirstChunk() throws Exception {
        MongoTemplate fresh = new MongoTemplate(mongoClient, "uploads-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            byte[] scan = pdf(700_000);
            Upload upload = fresh.insert(new Upload(new org.bson.types.ObjectId().toHexString(), ANNA.accountId(), "dos-1",
                    "scan.pdf", scan.length, 0, 0, null, UploadStatus.UPLOADING, null, null, Instant.now(),
                    Instant.now().plus(Duration.ofHours(1)), 256 * 1024));
            UploadChunks chunks = new UploadChunks(fresh);
            chunks.append(upload, new ByteArrayInputStream(scan));

            assertThat(fresh.indexOps("fs.chunks").getIndexInfo()).anySatisfy(index -> {
                assertThat(index.getIndexFields()).extracting(field -> field.getKey()).containsExactly("files_id", "n");
                assertThat(index.isUnique()).isTrue();
            });
            assertThat(fresh.indexOps("fs.files").getIndexInfo()).anySatisfy(index -> assertThat(index.getIndexFields())
                    .extracting(field -> field.getKey()).containsExactly("filename", "uploadDate"));

            Upload appended = fresh.findById(upload.id(), Upload.class);
            chunks.seal(appended, Instant.now());
            byte[] head = chunks.head(appended, 300_000).readAllBytes();
            assertThat(head).as("whole chunks from the start, as many as it takes").hasSize(2 * 256 * 1024)
                    .isEqualTo(java.util.Arrays.copyOf(scan, 2 * 256 * 1024));
            assertThat(chunks.head(appended, 10_000_000).readAllBytes()).as("a file shorter than asked: all of it").isEqualTo(scan);
        } finally {
            mongoClient.getDatabase(fresh.getDb().getName()).drop();
        }
    }

    @Test
    void aMessageFilesItsUploadsOnceAsDeliveredDocumentsAndTellsTheOffice() throws Exception {
        String dossierId = dossierOf(ANNA);
        byte[] scan = pdf(600_000);
        String location = create(ANNA, dossierId, "bankafschrift.pdf", scan.length);
        assertThat(patch(ANNA, location, 0, scan, 0, scan.length).statusCode()).isEqualTo(204);
        String uploadId = location.substring(location.lastIndexOf('/') + 1);

        String messageId = "msg-" + UUID.randomUUID();
        String event = EventContracts.example("portal.message.sent-by-client").forDossier(dossierId)
                .with("subject", "messages/" + messageId).with("data.messageId", messageId)
                .with("data.senderAccountId", ANNA.accountId())
                .with("data.attachments", List.of(java.util.Map.of("documentId", uploadId))).json();
        kafka.send(DocumentTopics.MESSAGES, dossierId, event).get();
        kafka.send(DocumentTopics.MESSAGES, dossierId, event).get();

        try (TopicReader reader = new TopicReader(DocumentTopics.TOPIC)) {
            var delivered = reader.readUntil(r -> dossierId.equals(r.key()), 1, Duration.ofSeconds(20));
            assertThat(delivered).hasSize(1);
            assertThat(EventContracts.violations(delivered.get(0).value())).isEmpty();
            assertThat(delivered.get(0).value()).contains("portal.document.delivered").doesNotContain("bankafschrift");
        }
        HttpResponse<String> tab = http.send(request(ANNA, "/api/dossiers/" + dossierId + "/documents?category=DELIVERED")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat((List<String>) JsonPath.read(tab.body(), "$.items[*].id")).containsExactly(uploadId);
        assertThat((Boolean) JsonPath.read(tab.body(), "$.items[0].read")).as("not news to its sender").isTrue();
        assertThat(download(ANNA, uploadId)).isEqualTo(scan);
        HttpResponse<String> staffTab = http.send(request(STAFF, "/api/staff/dossiers/" + dossierId
                + "/documents?category=DELIVERED").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat((List<String>) JsonPath.read(staffTab.body(), "$.items[*].fileName")).containsExactly("bankafschrift.pdf");
        assertThat(mongo.findById(uploadId, Upload.class)).as("the upload became the document").isNull();
        assertThat(mongo.getCollection("fs.files").countDocuments(new org.bson.Document("_id",
                new org.bson.types.ObjectId(uploadId)))).as("stored once").isEqualTo(1);
    }

    @Test
    void theClientsCompletedQuestionnaireIsFiledOnceAsDelivered() throws Exception {
        String dossierId = dossierOf(ANNA);
        byte[] answers = pdf(40_000);
        String uploadId = uploadSimply(ANNA, dossierId, "Vragenlijst Aankoop woning.pdf", answers);
        String laterUploadId = uploadSimply(ANNA, dossierId, "Vragenlijst Testament.pdf", pdf(30_000));

        String event = completed(dossierId, uploadId);
        kafka.send(DocumentTopics.QUESTIONNAIRES, dossierId, event).get();
        kafka.send(DocumentTopics.QUESTIONNAIRES, dossierId, event).get();
        // a later completion on the same key: once it is filed, the repeated event has been handled
        kafka.send(DocumentTopics.QUESTIONNAIRES, dossierId, completed(dossierId, laterUploadId)).get();

        try (TopicReader reader = new TopicReader(DocumentTopics.TOPIC)) {
            var delivered = reader.readUntil(r -> dossierId.equals(r.key()), 2, Duration.ofSeconds(20));
            assertThat(delivered).extracting(r -> (String) JsonPath.read(r.value(), "$.data.documentId"))
                    .containsExactly(uploadId, laterUploadId);
            assertThat(EventContracts.violations(delivered.get(0).value())).isEmpty();
            assertThat((String) JsonPath.read(delivered.get(0).value(), "$.data.assignmentId")).isNotBlank();
        }
        HttpResponse<String> tab = http.send(request(ANNA, "/api/dossiers/" + dossierId + "/documents?category=DELIVERED")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat((List<String>) JsonPath.read(tab.body(), "$.items[*].title")).as("each filed once")
                .containsExactlyInAnyOrder("Vragenlijst Aankoop woning", "Vragenlijst Testament");
        assertThat(download(ANNA, uploadId)).isEqualTo(answers);
        assertThat(http.send(request(BOB, "/api/documents/" + uploadId + "/content").GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
    }

    String uploadSimply(TestCaller caller, String dossierId, String fileName, byte[] content) throws Exception {
        String boundary = "----upload" + UUID.randomUUID();
        HttpResponse<String> upload = http.send(request(caller, "/api/uploads")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fileName, content, dossierId))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).as(upload.body()).isEqualTo(201);
        return JsonPath.read(upload.body(), "$.id");
    }

    static String completed(String dossierId, String pdfUploadId) {
        String assignmentId = "asg-" + UUID.randomUUID();
        return EventContracts.example("portal.questionnaire.completed").forDossier(dossierId)
                .with("subject", "assignments/" + assignmentId).with("data.assignmentId", assignmentId)
                .with("data.accountId", ANNA.accountId()).with("data.pdfDocumentId", pdfUploadId).json();
    }

    @Test
    void aFileThatIsNotAnAcceptedTypeIsRefusedByNameAndRemoved() throws Exception {
        String dossierId = dossierOf(ANNA);
        byte[] page = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes();
        String location = create(ANNA, dossierId, "foto.jpg", page.length);
        HttpResponse<String> last = patch(ANNA, location, 0, page, 0, page.length);
        assertThat(last.statusCode()).isEqualTo(415);
        assertThat((String) JsonPath.read(last.body(), "$.detail")).startsWith("'foto.jpg' cannot be delivered: it is a web page");
        assertThat((String) JsonPath.read(last.body(), "$.code")).isEqualTo("upload.refused-type");
        assertThat((java.util.Map<String, String>) JsonPath.read(last.body(), "$.params"))
                .containsEntry("file", "foto.jpg").containsEntry("kind", "web-page").containsEntry("type", "text/html");
        assertThat(http.send(request(ANNA, location).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);

        HttpResponse<String> tooLarge = http.send(request(ANNA, "/api/uploads/tus")
                .header("Upload-Length", String.valueOf(51L * 1024 * 1024))
                .header("Upload-Metadata", "filename " + b64("film.pdf") + ",dossierId " + b64(dossierId))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("film.pdf");
        assertThat((String) JsonPath.read(tooLarge.body(), "$.code")).isEqualTo("upload.too-large");
        assertThat((java.util.Map<String, String>) JsonPath.read(tooLarge.body(), "$.params"))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("file", "film.pdf", "max", String.valueOf(50L * 1024 * 1024)));

        HttpResponse<String> empty = http.send(request(ANNA, "/api/uploads/tus").header("Upload-Length", "0")
                .header("Upload-Metadata", "filename " + b64("leeg.pdf") + ",dossierId " + b64(dossierId))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
        assertThat((String) JsonPath.read(empty.body(), "$.code")).isEqualTo("upload.empty");
        assertThat((String) JsonPath.read(empty.body(), "$.params.file")).isEqualTo("leeg.pdf");
    }

    @Test
    void aSimpleMultipartUploadIsCheckedTheSameWay() throws Exception {
        String dossierId = dossierOf(ANNA);
        String boundary = "----upload" + UUID.randomUUID();
        HttpResponse<String> accepted = http.send(request(ANNA, "/api/uploads")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, "paspoort\u202Egnp.exe", pdf(2000), dossierId)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(201);
        assertThat((String) JsonPath.read(accepted.body(), "$.fileName")).isEqualTo("paspoortgnp.exe.pdf");

        byte[] program = new byte[256];
        program[0] = 'M';
        program[1] = 'Z';
        HttpResponse<String> refused = http.send(request(ANNA, "/api/uploads")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, "scan.pdf", program, dossierId)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(415);
        assertThat(refused.body()).contains("'scan.pdf' cannot be delivered: it is a program");
        assertThat((String) JsonPath.read(refused.body(), "$.code")).isEqualTo("upload.refused-type");
        assertThat((String) JsonPath.read(refused.body(), "$.params.file")).isEqualTo("scan.pdf");
        assertThat((String) JsonPath.read(refused.body(), "$.params.kind")).isEqualTo("program");
    }

    @Test
    void anUploadIsTheUploadersAloneAndOnlyForItsOwnDossiers() throws Exception {
        String dossierId = dossierOf(ANNA);
        String location = create(ANNA, dossierId, "a.pdf", 100);
        String uploadId = location.substring(location.lastIndexOf('/') + 1);
        for (HttpRequest other : List.of(
                request(BOB, location).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                request(BOB, "/api/uploads/" + uploadId).GET().build(),
                request(BOB, "/api/uploads/" + uploadId).DELETE().build(),
                request(BOB, location).header("Upload-Offset", "0").header("Content-Type", "application/offset+octet-stream")
                        .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(pdf(100))).build())) {
            assertThat(http.send(other, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
        }
        HttpResponse<String> notBobsDossier = http.send(request(BOB, "/api/uploads/tus").header("Upload-Length", "10")
                .header("Upload-Metadata", "filename " + b64("x.pdf") + ",dossierId " + b64(dossierId))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(notBobsDossier.statusCode()).isEqualTo(404);
        assertThat((String) JsonPath.read(notBobsDossier.body(), "$.code")).isEqualTo("upload.dossier-not-found");
        HttpResponse<String> notBobsUpload = http.send(request(BOB, location).header("Upload-Offset", "0")
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(pdf(100))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat((String) JsonPath.read(notBobsUpload.body(), "$.code")).isEqualTo("upload.not-found");

        HttpResponse<String> wrongOffset = patch(ANNA, location, 50, pdf(100), 50, 100);
        assertThat(wrongOffset.statusCode()).isEqualTo(409);
        assertThat(wrongOffset.headers().firstValue("Upload-Offset")).contains("0");
        assertThat((String) JsonPath.read(wrongOffset.body(), "$.code")).isEqualTo("upload.offset-mismatch");
        assertThat((String) JsonPath.read(wrongOffset.body(), "$.params.offset")).isEqualTo("0");

        assertThat(http.send(request(ANNA, "/api/uploads/" + uploadId).DELETE().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);
        assertThat(http.send(request(ANNA, "/api/uploads/" + uploadId).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
    }

    @Test
    void anUploadThatASentMessageNamesCannotBeRemovedAndIsStillFiled() throws Exception {
        String dossierId = dossierOf(ANNA);
        byte[] scan = pdf(5_000);
        String uploadId = uploadSimply(ANNA, dossierId, "paspoort.pdf", scan);
        String messageId = new org.bson.types.ObjectId().toHexString();

        HttpResponse<String> sent = markSent(ANNA, uploadId, messageId);
        HttpResponse<String> removed = http.send(request(ANNA, "/api/uploads/" + uploadId).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(409);
        assertThat(removed.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat((String) JsonPath.read(removed.body(), "$.detail")).contains("'paspoort.pdf'").contains("sent");
        assertThat((String) JsonPath.read(removed.body(), "$.code")).isEqualTo("upload.already-sent");
        assertThat((String) JsonPath.read(removed.body(), "$.params.file")).isEqualTo("paspoort.pdf");
        HttpResponse<String> terminated = http.send(request(ANNA, "/api/uploads/tus/" + uploadId).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(terminated.statusCode()).as(terminated.body()).isEqualTo(409);

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
        assertThat((String) JsonPath.read(sent.body(), "$.messageId")).isEqualTo(messageId);
        assertThat(markSent(ANNA, uploadId, messageId).statusCode()).as("again: the same").isEqualTo(200);
        assertThat(markSent(BOB, uploadId, messageId).statusCode()).as("not Bob's").isEqualTo(404);
        assertThat(download(ANNA, uploadId)).isEqualTo(scan);

        String unfinished = create(ANNA, dossierId, "half.pdf", 1_000);
        HttpResponse<String> tooEarly = markSent(ANNA, unfinished.substring(unfinished.lastIndexOf('/') + 1), messageId);
        assertThat(tooEarly.statusCode()).as(tooEarly.body()).isEqualTo(409);
        assertThat((String) JsonPath.read(tooEarly.body(), "$.detail")).contains("half.pdf");
        assertThat((String) JsonPath.read(tooEarly.body(), "$.code")).isEqualTo("upload.unfinished");
        assertThat((String) JsonPath.read(tooEarly.body(), "$.params.file")).isEqualTo("half.pdf");

        kafka.send(DocumentTopics.MESSAGES, dossierId, EventContracts.example("portal.message.sent-by-client")
                .forDossier(dossierId).with("subject", "messages/" + messageId).with("data.messageId", messageId)
                .with("data.senderAccountId", ANNA.accountId())
                .with("data.attachments", List.of(java.util.Map.of("documentId", uploadId))).json()).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(uploadId, Upload.class) == null);
        HttpResponse<String> tab = http.send(request(ANNA, "/api/dossiers/" + dossierId + "/documents?category=DELIVERED")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat((List<String>) JsonPath.read(tab.body(), "$.items[*].id")).containsExactly(uploadId);
        assertThat(download(ANNA, uploadId)).isEqualTo(scan);
    }

    HttpResponse<String> markSent(TestCaller caller, String uploadId, String messageId) throws Exception {
        return http.send(request(caller, "/api/uploads/" + uploadId).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"messageId\":\"" + messageId + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aZipDressedUpAsAWordDocumentIsRefusedByName() throws Exception {
        String dossierId = dossierOf(ANNA);
        ByteArrayOutputStream zipped = new ByteArrayOutputStream();
        try (var zip = new java.util.zip.ZipOutputStream(zipped)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("word/"));
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry("evil.exe"));
            zip.write("MZ a program".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry("index.html"));
            zip.write("<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        byte[] evil = zipped.toByteArray();

        String boundary = "----upload" + UUID.randomUUID();
        HttpResponse<String> simple = http.send(request(ANNA, "/api/uploads")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, "contract.docx", evil, dossierId)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(simple.statusCode()).as(simple.body()).isEqualTo(415);
        assertThat(simple.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat((String) JsonPath.read(simple.body(), "$.detail")).startsWith("'contract.docx' cannot be delivered");
        assertThat((String) JsonPath.read(simple.body(), "$.errors[0].field")).isEqualTo("file");
        assertThat((String) JsonPath.read(simple.body(), "$.code")).isEqualTo("upload.refused-type");
        assertThat((String) JsonPath.read(simple.body(), "$.params.kind")).isEqualTo("archive-with-program");

        String location = create(ANNA, dossierId, "contract.docx", evil.length);
        HttpResponse<String> resumable = patch(ANNA, location, 0, evil, 0, evil.length);
        assertThat(resumable.statusCode()).as(resumable.body()).isEqualTo(415);
        assertThat((String) JsonPath.read(resumable.body(), "$.detail")).startsWith("'contract.docx' cannot be delivered");
        assertThat((String) JsonPath.read(resumable.body(), "$.params.file")).isEqualTo("contract.docx");
        assertThat((String) JsonPath.read(resumable.body(), "$.params.kind")).isEqualTo("archive-with-program");
        assertThat(http.send(request(ANNA, location).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).as("removed").isEqualTo(404);
    }

    @Test
    void aDossierIdThatCannotBeOneIsNotFoundWithoutAskingAnyone() throws Exception {
        String dossierId = dossierOf(ANNA);
        int asked = DossierOwnerStub.instance().calls();
        for (String notAnId : List.of("../" + dossierId, dossierId + "/../x", "..", "%2e%2e%2f" + dossierId,
                dossierId + "?x=1", "a b", "x".repeat(65))) {
            HttpResponse<String> tus = http.send(request(ANNA, "/api/uploads/tus").header("Upload-Length", "100")
                    .header("Upload-Metadata", "filename " + b64("a.pdf") + ",dossierId " + b64(notAnId))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(tus.statusCode()).as(notAnId + ": " + tus.body()).isEqualTo(404);
            assertThat(tus.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));

            String boundary = "----upload" + UUID.randomUUID();
            HttpResponse<String> simple = http.send(request(ANNA, "/api/uploads")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, "a.pdf", pdf(100), notAnId)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(simple.statusCode()).as(notAnId + ": " + simple.body()).isEqualTo(404);
        }
        assertThat(DossierOwnerStub.instance().calls()).as("nobody was asked about them").isEqualTo(asked);
    }

    @Test
    void uploadsThatAreNeverSentExpire() throws Exception {
        String dossierId = dossierOf(ANNA);
        byte[] scan = pdf(900_000);
        String location = create(ANNA, dossierId, "vergeten.pdf", scan.length);
        patch(ANNA, location, 0, scan, 0, 600_000);
        String uploadId = location.substring(location.lastIndexOf('/') + 1);
        var fileId = new org.bson.types.ObjectId(uploadId);
        assertThat(mongo.getCollection("fs.chunks").countDocuments(new org.bson.Document("files_id", fileId))).isPositive();

        uploads.removeExpired(Instant.now());
        assertThat(mongo.findById(uploadId, Upload.class)).as("not expired yet").isNotNull();

        uploads.removeExpired(Instant.now().plus(Duration.ofHours(25)));
        assertThat(mongo.findById(uploadId, Upload.class)).isNull();
        assertThat(mongo.getCollection("fs.chunks").countDocuments(new org.bson.Document("files_id", fileId))).isZero();
    }

    static byte[] multipart(String boundary, String fileName, byte[] content, String dossierId) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"dossierId\"\r\n\r\n" + dossierId
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }
}
