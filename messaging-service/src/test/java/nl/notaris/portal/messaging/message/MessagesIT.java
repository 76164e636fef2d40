package nl.notaris.portal.messaging.message;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.BOB;
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
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
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

/** Messages both ways, with attachments, read receipts and events, against the real broker and database. */
@ServiceIntegrationTest
class MessagesIT extends IntegrationTest {

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

    static String dossierOf(TestCaller... parties) {
        String dossierId = "dos-" + UUID.randomUUID();
        DossierOwnerStub.instance().knows(dossierId, 1, parties);
        return dossierId;
    }

    String officeSends(String dossierId, String subject, MockMultipartFile... files) throws Exception {
        var request = multipart("/api/staff/dossiers/{id}/messages", dossierId).param("subject", subject)
                .param("body", "Zie de bijlage.");
        for (MockMultipartFile file : files) {
            request.file(file);
        }
        String response = mvc.perform(request.with(STAFF.bearerToken())).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    String clientSends(TestCaller client, String dossierId, String json) throws Exception {
        String response = mvc.perform(post("/api/dossiers/{id}/messages", dossierId).with(client.bearerToken())
                        .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    /**
     * Each message the office sends is one MESSAGE_SENT record on portal.staff-actions.v1, by who sent
     * it and valid against the contract, without subject or text; the client's message in between
     * records nothing (the dossier's records share a partition: its record would come second).
     */
    @Test
    void eachOfficeMessageIsOneStaffActionRecordAndTheClientsNone() throws Exception {
        String dossierId = dossierOf(ANNA);
        String first = officeSends(dossierId, "Geheim onderwerp");
        clientSends(ANNA, dossierId, """
                {"subject":"Re: Geheim onderwerp","body":"Mijn geheime antwoord.","inReplyTo":"%s"}""".formatted(first));
        try (TopicReader reader = new TopicReader(MessageTopics.TOPIC)) {
            assertThat(reader.readUntil(r -> dossierId.equals(r.key()) && r.value().contains("sent-by-client"), 1,
                    Duration.ofSeconds(20))).hasSize(1);
        }
        String second = officeSends(dossierId, "Tweede bericht");

        try (TopicReader reader = new TopicReader(MessageTopics.STAFF_ACTIONS)) {
            List<String> records = reader.readDistinctEvents(r -> dossierId.equals(r.key()), 2, Duration.ofSeconds(20),
                    Duration.ofSeconds(3)).stream().map(ConsumerRecord::value).toList();

            assertThat(records).extracting(r -> (String) JsonPath.read(r, "$.data.objectId")).containsExactly(first, second);
            assertThat(records).allSatisfy(r -> {
                assertThat(EventContracts.violations(r)).isEmpty();
                assertThat((String) JsonPath.read(r, "$.data.action")).isEqualTo("MESSAGE_SENT");
                assertThat((String) JsonPath.read(r, "$.data.objectType")).isEqualTo("MESSAGE");
                assertThat((String) JsonPath.read(r, "$.data.dossierId")).isEqualTo(dossierId);
                assertThat((String) JsonPath.read(r, "$.data.actorId")).isEqualTo(STAFF.accountId());
                assertThat(r).doesNotContain("Geheim").doesNotContain("geheime").doesNotContain("Zie de bijlage");
            });
        }
    }

    @Test
    void theClientReadsTheOfficesMessageAndTheOfficeSeesTheReceipt() throws Exception {
        String dossierId = dossierOf(ANNA);
        String messageId = officeSends(dossierId, "Uw concept-akte",
                new MockMultipartFile("files", "akte.pdf", "application/pdf", "%PDF-1.4 akte".getBytes()));

        mvc.perform(get("/api/dossiers/{id}/messages/counts", dossierId).with(ANNA.token()))
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.unread").value(1));
        mvc.perform(get("/api/dossiers/{id}/messages", dossierId).with(ANNA.token()))
                .andExpect(jsonPath("$.items[0].direction").value("INCOMING"))
                .andExpect(jsonPath("$.items[0].read").value(false))
                .andExpect(jsonPath("$.items[0].senderName").value("Notariskantoor"))
                .andExpect(jsonPath("$.items[0].attachments[0].fileName").value("bijlage-" + uploads.stored() + ".pdf"))
                .andExpect(jsonPath("$.items[0].body").doesNotExist());

        mvc.perform(get("/api/messages/{id}", messageId).with(ANNA.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.body").value("Zie de bijlage."));

        mvc.perform(get("/api/dossiers/{id}/messages/counts", dossierId).with(ANNA.token()))
                .andExpect(jsonPath("$.unread").value(0));
        mvc.perform(get("/api/staff/dossiers/{id}/messages", dossierId).with(STAFF.token()))
                .andExpect(jsonPath("$.items[0].readByClientAt").isNotEmpty());
    }

    @Test
    void theClientRepliesWithItsUploadsAndTheOfficeMarksItRead() throws Exception {
        String dossierId = dossierOf(ANNA);
        String officeMessage = officeSends(dossierId, "Graag uw paspoort");
        uploads.has("up-1-" + dossierId, "test." + ANNA.accountId(), dossierId, "paspoort.pdf", true);
        uploads.has("up-2-" + dossierId, "test." + ANNA.accountId(), dossierId, "bankafschrift.png", true);

        String reply = clientSends(ANNA, dossierId, """
                {"subject":"Re: Graag uw paspoort","body":"Hierbij.","inReplyTo":"%s","uploads":["up-1-%s","up-2-%s"]}"""
                .formatted(officeMessage, dossierId, dossierId));

        mvc.perform(get("/api/dossiers/{id}/messages", dossierId).with(ANNA.token()))
                .andExpect(jsonPath("$.items[0].id").value(reply))
                .andExpect(jsonPath("$.items[0].direction").value("OUTGOING"))
                .andExpect(jsonPath("$.items[0].read").value(true))
                .andExpect(jsonPath("$.items[0].inReplyTo").value(officeMessage))
                .andExpect(jsonPath("$.items[0].attachments.length()").value(2))
                .andExpect(jsonPath("$.items[0].readByOfficeAt").isEmpty());

        mvc.perform(put("/api/staff/messages/{id}/read", reply).with(STAFF.token())).andExpect(status().isOk());
        mvc.perform(get("/api/dossiers/{id}/messages", dossierId).with(ANNA.token()))
                .andExpect(jsonPath("$.items[0].readByOfficeAt").isNotEmpty());

        try (TopicReader reader = new TopicReader(MessageTopics.TOPIC)) {
            List<ConsumerRecord<String, String>> records = reader.readUntil(r -> dossierId.equals(r.key())
                    && r.value().contains("portal.message.sent-by-"), 2, Duration.ofSeconds(20));
            assertThat(records).extracting(r -> (String) JsonPath.read(r.value(), "$.type"))
                    .containsExactly("portal.message.sent-by-office", "portal.message.sent-by-client");
            String clientEvent = records.get(1).value();
            assertThat(EventContracts.violations(clientEvent)).isEmpty();
            assertThat((List<String>) JsonPath.read(clientEvent, "$.data.attachments[*].documentId"))
                    .containsExactly("up-1-" + dossierId, "up-2-" + dossierId);
            assertThat(clientEvent).doesNotContain("Hierbij").doesNotContain("paspoort");
            assertThat(EventContracts.violations(records.get(0).value())).isEmpty();
        }
    }

    @Test
    void aCompanysAccountsEachHaveTheirOwnReadState() throws Exception {
        String dossierId = dossierOf(JANSEN_BV);
        String messageId = officeSends(dossierId, "Statuten");
        mvc.perform(get("/api/messages/{id}", messageId).with(PIET.token())).andExpect(status().isOk());
        mvc.perform(get("/api/dossiers/{id}/messages/counts", dossierId).with(PIET.token()))
                .andExpect(jsonPath("$.unread").value(0));
        mvc.perform(get("/api/dossiers/{id}/messages/counts", dossierId).with(JANSEN_BV.token()))
                .andExpect(jsonPath("$.unread").value(1));
    }

    @Test
    void someoneElsesMessagesUploadsAndDossiersAre404() throws Exception {
        String dossierId = dossierOf(ANNA);
        String messageId = officeSends(dossierId, "Vertrouwelijk");
        uploads.has("up-anna-" + dossierId, "test." + ANNA.accountId(), dossierId, "paspoort.pdf", true);

        mvc.perform(get("/api/dossiers/{id}/messages", dossierId).with(BOB.token())).andExpect(status().isNotFound());
        mvc.perform(get("/api/dossiers/{id}/messages/counts", dossierId).with(BOB.token())).andExpect(status().isNotFound());
        mvc.perform(get("/api/messages/{id}", messageId).with(BOB.token())).andExpect(status().isNotFound());
        mvc.perform(post("/api/dossiers/{id}/messages", dossierId).with(BOB.bearerToken())
                .contentType(MediaType.APPLICATION_JSON).content("{\"subject\":\"S\",\"body\":\"B\"}"))
                .andExpect(status().isNotFound());

        String bobsDossier = dossierOf(BOB);
        // Anna's upload is not Bob's to attach, even to his own dossier
        mvc.perform(post("/api/dossiers/{id}/messages", bobsDossier).with(BOB.bearerToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"S\",\"body\":\"B\",\"uploads\":[\"up-anna-%s\"]}".formatted(dossierId)))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("uploads"))
                .andExpect(jsonPath("$.code").value("message.upload-not-found"))
                .andExpect(jsonPath("$.params.upload").value("up-anna-" + dossierId));
    }

    @Test
    void attachmentsThatAreNotReadyOrTooManyAreRefused() throws Exception {
        String dossierId = dossierOf(ANNA);
        uploads.has("busy-" + dossierId, "test." + ANNA.accountId(), dossierId, "groot.pdf", false);
        mvc.perform(post("/api/dossiers/{id}/messages", dossierId).with(ANNA.bearerToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"S\",\"body\":\"B\",\"uploads\":[\"busy-%s\"]}".formatted(dossierId)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("groot.pdf")))
                .andExpect(jsonPath("$.code").value("upload.unfinished"))
                .andExpect(jsonPath("$.params.file").value("groot.pdf"));

        mvc.perform(post("/api/dossiers/{id}/messages", dossierId).with(ANNA.bearerToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"S\",\"body\":\"B\",\"inReplyTo\":\"not-a-message-here\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("inReplyTo"))
                .andExpect(jsonPath("$.code").value("message.reply-to-unknown"));

        String eleven = String.join(",", java.util.stream.IntStream.range(0, 11).mapToObj(i -> "\"u" + i + "\"").toList());
        mvc.perform(post("/api/dossiers/{id}/messages", dossierId).with(ANNA.bearerToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"S\",\"body\":\"B\",\"uploads\":[%s]}".formatted(eleven)))
                .andExpect(status().isPayloadTooLarge()).andExpect(jsonPath("$.errors[0].field").value("uploads"))
                .andExpect(jsonPath("$.code").value("upload.too-many-files"))
                .andExpect(jsonPath("$.params.max").value("10"));

        mvc.perform(multipart("/api/staff/dossiers/{id}/messages", dossierId).param("subject", "S").param("body", "B")
                        .file(new MockMultipartFile("files", "tool.exe", "application/pdf", "MZ".getBytes()))
                        .with(STAFF.bearerToken()))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("tool.exe")))
                .andExpect(jsonPath("$.code").value("upload.refused-type"))
                .andExpect(jsonPath("$.params.file").value("tool.exe"))
                .andExpect(jsonPath("$.params.kind").value("program"));
    }
}
