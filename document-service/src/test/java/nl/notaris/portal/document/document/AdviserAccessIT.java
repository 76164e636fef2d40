package nl.notaris.portal.document.document;

import static nl.notaris.portal.support.access.DossierOwnerWithGrants.grant;
import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.BOB;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.support.access.DossierOwnerWithGrants;
import nl.notaris.portal.document.events.DocumentTopics;
import nl.notaris.portal.document.upload.Upload;
import nl.notaris.portal.support.access.AccessGrant;
import nl.notaris.portal.support.access.AccessGrant.Scope;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;
import nl.notaris.portal.testsupport.TestCaller;

/**
 * An adviser in the IDOR matrix (ADV-1): every client route of document-service × the adviser's own
 * live grant, a revoked one (dossier-service answers without it), an expired one, and another dossier.
 * Only a live grant opens the dossier's documents (reading) and its uploads (delivering, with that
 * scope), each request checked again; the unread counts stay the parties'.
 */
@ServiceIntegrationTest
@Import(DossierOwnerWithGrants.Registration.class)
class AdviserAccessIT extends IntegrationTest {

    /** Anna's mortgage adviser: an account of its own, not a party, that Anna gave access to one dossier. */
    static final TestCaller ADVISER = BOB;

    enum Grant {
        LIVE, REVOKED, EXPIRED, OTHER_DOSSIER
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    DossierOwnerWithGrants owner;
    @Autowired
    Clock clock;

    AccessGrant liveGrant(Scope scope) {
        return grant(ADVISER, scope, clock.instant().plus(Duration.ofDays(30)));
    }

    /** A dossier of Anna's, with the adviser's grant as {@code grant} says; the adviser calls this dossier. */
    String annasDossier(Grant grant, Scope scope) throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        switch (grant) {
            case LIVE -> owner.knows(dossierId, List.of(liveGrant(scope)), ANNA);
            case REVOKED -> {
                owner.knows(dossierId, List.of(liveGrant(scope)), ANNA);
                // the replica learns the grant from this answer; revoked, it must count for nothing
                mvc.perform(get("/api/dossiers/{id}/documents", dossierId).with(ADVISER.token()))
                        .andExpect(status().isOk());
                owner.knows(dossierId, List.of(), ANNA);
            }
            case EXPIRED -> owner.knows(dossierId, List.of(grant(ADVISER, scope, clock.instant().minusSeconds(1))),
                    ANNA);
            case OTHER_DOSSIER -> {
                owner.knows("dos-" + UUID.randomUUID(), List.of(liveGrant(scope)), ANNA);
                owner.knows(dossierId, List.of(), ANNA);
            }
        }
        return dossierId;
    }

    String publish(String dossierId, String category, String title) throws Exception {
        String response = mvc.perform(multipart("/api/staff/dossiers/{id}/documents", dossierId)
                        .file(new MockMultipartFile("file", "akte.pdf", "application/pdf", pdf(2_000)))
                        .param("title", title).param("category", category).with(STAFF.token()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
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

    ResultActions tusCreate(TestCaller caller, String dossierId, long length) throws Exception {
        return mvc.perform(post("/api/uploads/tus").header("Tus-Resumable", "1.0.0")
                .header("Upload-Length", String.valueOf(length))
                .header("Upload-Metadata", "filename " + b64("jaarcijfers.pdf") + ",dossierId " + b64(dossierId))
                .with(caller.token()));
    }

    ResultActions tusAppend(TestCaller caller, String uploadId, byte[] bytes, int from, int to) throws Exception {
        return mvc.perform(patch("/api/uploads/tus/{id}", uploadId).header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", String.valueOf(from)).contentType("application/offset+octet-stream")
                .content(Arrays.copyOfRange(bytes, from, to)).with(caller.token()));
    }

    ResultActions multipartUpload(TestCaller caller, String dossierId) throws Exception {
        return mvc.perform(multipart("/api/uploads").file(new MockMultipartFile("file", "statuten.pdf",
                "application/pdf", pdf(1_000))).param("dossierId", dossierId).with(caller.token()));
    }

    String uploadId(ResultActions created) throws Exception {
        String location = created.andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Files the upload as the attachment of a message of {@code type} from {@code sender}, as messaging-service tells. */
    void fileWithMessage(String type, TestCaller sender, String dossierId, String uploadId) throws Exception {
        String messageId = "msg-" + UUID.randomUUID();
        kafka.send(DocumentTopics.MESSAGES, dossierId, EventContracts.example(type).forDossier(dossierId)
                .with("subject", "messages/" + messageId).with("data.messageId", messageId)
                .with("data.senderAccountId", sender.accountId())
                .with("data.attachments", List.of(Map.of("documentId", uploadId))).json()).get();
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.findById(uploadId, Upload.class) == null);
    }

    @ParameterizedTest
    @EnumSource(Grant.class)
    void everyClientRouteAnswersTheAdviserOnlyWhileItsOwnGrantLasts(Grant grant) throws Exception {
        String dossierId = annasDossier(grant, Scope.READ_DELIVER);
        String documentId = publish(dossierId, "DOCUMENT", "Concept akte van levering");
        boolean live = grant == Grant.LIVE;

        mvc.perform(get("/api/dossiers/{id}/documents", dossierId).param("category", "DOCUMENT")
                        .with(ADVISER.token()))
                .andExpect(live ? status().isOk() : status().isNotFound());
        mvc.perform(get("/api/dossiers/{id}/documents/counts", dossierId).with(ADVISER.token()))
                .andExpect(live ? status().isOk() : status().isNotFound());
        mvc.perform(get("/api/documents/{id}/content", documentId).with(ADVISER.token()))
                .andExpect(live ? status().isOk() : status().isNotFound());
        mvc.perform(get("/api/documents/{id}/content", documentId).header("Range", "bytes=1000-")
                .with(ADVISER.token())).andExpect(live ? status().isOk() : status().isNotFound());
        tusCreate(ADVISER, dossierId, 1_000).andExpect(live ? status().isCreated() : status().isNotFound());
        multipartUpload(ADVISER, dossierId).andExpect(live ? status().isCreated() : status().isNotFound());

        // the unread counts of the dossier list are the parties' (their read state), never an adviser's
        mvc.perform(get("/api/documents/unread-counts").param("dossierId", dossierId).with(ADVISER.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$['" + dossierId + "']").doesNotExist());
        mvc.perform(get("/api/staff/dossiers/{id}/documents", dossierId).with(ADVISER.token()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/staff/documents/{id}/content", documentId).with(ADVISER.token()))
                .andExpect(status().isForbidden());
    }

    @Test
    void aGrantToReadReadsButDeliversNothing() throws Exception {
        String dossierId = annasDossier(Grant.LIVE, Scope.READ);
        String documentId = publish(dossierId, "CORRESPONDENCE", "Bevestiging opdracht");

        mvc.perform(get("/api/dossiers/{id}/documents", dossierId).with(ADVISER.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items[0].id").value(documentId));
        mvc.perform(get("/api/documents/{id}/content", documentId).with(ADVISER.token())).andExpect(status().isOk());
        tusCreate(ADVISER, dossierId, 1_000).andExpect(status().isNotFound());
        multipartUpload(ADVISER, dossierId).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("upload.dossier-not-found"));
    }

    @ParameterizedTest
    @EnumSource(value = Grant.class, names = { "REVOKED", "EXPIRED" })
    void aGrantThatEndsStopsADownloadAndAnUploadAtTheirNextRequest(Grant end) throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        AccessGrant live = liveGrant(Scope.READ_DELIVER);
        owner.knows(dossierId, List.of(live), ANNA);
        String documentId = publish(dossierId, "DOCUMENT", "Concept akte van levering");
        byte[] scan = pdf(600_000);
        String uploadId = uploadId(tusCreate(ADVISER, dossierId, scan.length));
        tusAppend(ADVISER, uploadId, scan, 0, 300_000).andExpect(status().isNoContent());
        mvc.perform(get("/api/documents/{id}/content", documentId).header("Range", "bytes=0-999")
                .with(ADVISER.token())).andExpect(status().isOk());

        owner.knows(dossierId, end == Grant.REVOKED ? List.of()
                : List.of(new AccessGrant(live.grantId(), live.accountId(), live.scope(), clock.instant())), ANNA);

        mvc.perform(get("/api/documents/{id}/content", documentId).header("Range", "bytes=1000-")
                .with(ADVISER.token())).andExpect(status().isNotFound());
        tusAppend(ADVISER, uploadId, scan, 300_000, scan.length).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("upload.dossier-not-found"));
        assertThat(mongo.findById(uploadId, Upload.class).offset()).as("not a byte more").isEqualTo(300_000);
    }

    @Test
    void theGrantShowsWhatTheOfficePublishedAndTheAdvisersOwnDeliveriesNotTheClients() throws Exception {
        String dossierId = annasDossier(Grant.LIVE, Scope.READ_DELIVER);
        String deed = publish(dossierId, "DOCUMENT", "Concept akte van levering");
        String annas = uploadId(multipartUpload(ANNA, dossierId));
        fileWithMessage("portal.message.sent-by-client", ANNA, dossierId, annas);
        String officeAttachment = uploadId(multipartUpload(STAFF, dossierId));
        fileWithMessage("portal.message.sent-by-office", STAFF, dossierId, officeAttachment);
        String advisers = uploadId(multipartUpload(ADVISER, dossierId));
        fileWithMessage("portal.message.sent-by-client", ADVISER, dossierId, advisers);

        mvc.perform(get("/api/dossiers/{id}/documents", dossierId).param("category", "DELIVERED")
                        .with(ADVISER.token()))
                .andExpect(jsonPath("$.totalItems").value(1)).andExpect(jsonPath("$.items[0].id").value(advisers));
        mvc.perform(get("/api/dossiers/{id}/documents", dossierId).param("category", "MESSAGE")
                .with(ADVISER.token())).andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/dossiers/{id}/documents/counts", dossierId).with(ADVISER.token()))
                .andExpect(jsonPath("$.DOCUMENT.total").value(1)).andExpect(jsonPath("$.DELIVERED.total").value(1));
        mvc.perform(get("/api/dossiers/{id}/documents/counts", dossierId).with(ANNA.token()))
                .andExpect(jsonPath("$.DELIVERED.total").value(2));
        mvc.perform(get("/api/documents/{id}/content", annas).with(ADVISER.token())).andExpect(status().isNotFound());
        mvc.perform(get("/api/documents/{id}/content", officeAttachment).with(ADVISER.token()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/documents/{id}/content", advisers).with(ADVISER.token())).andExpect(status().isOk());
        mvc.perform(get("/api/documents/{id}/content", deed).with(ADVISER.token())).andExpect(status().isOk());

        // the adviser's opening is no read of the client's: no marker, so no portal.document.opened either
        assertThat(mongo.findById(DocumentRead.idOf(deed, ADVISER.accountId()), DocumentRead.class)).isNull();
        mvc.perform(get("/api/dossiers/{id}/documents/counts", dossierId).with(ANNA.token()))
                .andExpect(jsonPath("$.DOCUMENT.unread").value(1));
        mvc.perform(get("/api/staff/dossiers/{id}/documents", dossierId).param("category", "DOCUMENT")
                .with(STAFF.token())).andExpect(jsonPath("$.items[0].readBy").isEmpty());
    }
}
