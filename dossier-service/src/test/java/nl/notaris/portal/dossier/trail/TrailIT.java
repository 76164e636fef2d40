package nl.notaris.portal.dossier.trail;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.BOB;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.dossier.TestAccounts;
import nl.notaris.portal.dossier.events.DossierTopics;
import nl.notaris.portal.testsupport.ContractExample;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;

/**
 * The activity trail on the real broker and database: the office's actions come through this service's
 * own outbox and {@code portal.staff-actions.v1}, the clients' are the contracts' examples; the check
 * finds a record changed or removed.
 */
@ServiceIntegrationTest
@Import(TestAccounts.class)
class TrailIT extends IntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    TrailCheck check;
    @Autowired
    TrailRetention retention;

    @Test
    void theClientSeesWhoDidWhatAndWhenNewestFirst() throws Exception {
        String dossier = createDossier();
        mvc.perform(patch("/api/staff/dossiers/{id}", dossier).with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\": \"ON_HOLD\"}")).andExpect(status().isOk());
        String documentId = hexId();
        String messageId = hexId();
        send(DossierTopics.DOCUMENTS, dossier, EventContracts.example("portal.document.opened").forDossier(dossier)
                .with("data.documentId", documentId).with("data.accountId", ANNA.accountId()));
        send(DossierTopics.MESSAGES, dossier, EventContracts.example("portal.message.sent-by-client").forDossier(dossier)
                .with("data.messageId", messageId).with("data.senderAccountId", ANNA.accountId()));
        send(DossierTopics.MESSAGES, dossier, EventContracts.example("portal.message.read", "valid-office")
                .forDossier(dossier).with("data.messageId", messageId));
        send(DossierTopics.QUESTIONNAIRES, dossier, EventContracts.example("portal.questionnaire.completed")
                .forDossier(dossier).with("data.accountId", ANNA.accountId()));

        List<Map<String, Object>> entries = awaitEntries(dossier, 6);

        assertThat(entries).extracting(e -> e.get("seq")).containsExactly(6, 5, 4, 3, 2, 1);
        assertThat(entries).extracting(e -> e.get("kind")).containsExactlyInAnyOrder("DOSSIER_CREATED",
                "STATUS_CHANGED", "DOCUMENT_OPENED", "MESSAGE_SENT", "MESSAGE_READ", "QUESTIONNAIRE_COMPLETED");
        assertThat(byKind(entries, "DOSSIER_CREATED")).containsEntry("actor", Map.of("side", "OFFICE",
                "name", "service-account-back-office")).containsEntry("partiesAdded", List.of("Anna de Vries"));
        assertThat(byKind(entries, "STATUS_CHANGED")).containsEntry("status", "ON_HOLD");
        assertThat(byKind(entries, "DOCUMENT_OPENED")).containsEntry("actor", Map.of("side", "CLIENT",
                "name", "Anna de Vries")).containsEntry("objectId", documentId);
        assertThat(byKind(entries, "MESSAGE_READ")).containsEntry("actor", Map.of("side", "OFFICE",
                "name", "Mr. J. de Notaris")).containsEntry("objectId", messageId);

        mvc.perform(get("/api/dossiers/{id}/activity", dossier).with(BOB.token())).andExpect(status().isNotFound());
        mvc.perform(get("/api/staff/dossiers/{id}/activity", dossier).param("size", "2").with(STAFF.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.totalItems").value(6)).andExpect(jsonPath("$.items[0].seq").value(6));
        mvc.perform(get("/api/staff/dossiers/{id}/activity", dossier).with(ANNA.token())).andExpect(status().isForbidden());
    }

    @Test
    void anEventThatComesAgainAddsNoSecondRecord() throws Exception {
        String dossier = createDossier();
        ContractExample opened = EventContracts.example("portal.document.opened").forDossier(dossier)
                .with("data.accountId", ANNA.accountId());
        send(DossierTopics.DOCUMENTS, dossier, opened);
        send(DossierTopics.DOCUMENTS, dossier, opened);
        // a later record on the same partition: once it is in the trail, both copies before it were handled
        // (the office's record of the creation comes through the outbox on another topic, at its own moment:
        // it is waited for too)
        String marker = hexId();
        send(DossierTopics.DOCUMENTS, dossier, EventContracts.example("portal.document.opened").forDossier(dossier)
                .with("data.documentId", marker).with("data.accountId", ANNA.accountId()));

        await().atMost(WAIT).until(() -> entries(dossier).stream().anyMatch(e -> marker.equals(e.get("objectId")))
                && entries(dossier).stream().anyMatch(e -> "DOSSIER_CREATED".equals(e.get("kind"))));

        assertThat(entries(dossier)).extracting(e -> e.get("kind")).containsExactlyInAnyOrder("DOCUMENT_OPENED",
                "DOCUMENT_OPENED", "DOSSIER_CREATED");
    }

    @Test
    void theCheckReportsARecordChangedAndRecordsRemovedInTheMiddleAndAtTheEnd() throws Exception {
        String dossier = createDossier();
        for (int i = 0; i < 4; i++) {
            send(DossierTopics.DOCUMENTS, dossier, EventContracts.example("portal.document.opened").forDossier(dossier)
                    .with("data.documentId", hexId()).with("data.accountId", ANNA.accountId()));
        }
        awaitEntries(dossier, 5);
        assertThat(problemsOf(dossier)).isEmpty();
        mvc.perform(get("/actuator/trail")).andExpect(status().isOk()).andExpect(jsonPath("$.entries").isNumber());

        mongo.updateFirst(query(where("dossierId").is(dossier).and("seq").is(2)), Update.update("actorName", "Iemand anders"),
                TrailEntry.class);
        mongo.remove(query(where("dossierId").is(dossier).and("seq").is(4)), TrailEntry.class);
        mongo.remove(query(where("dossierId").is(dossier).and("seq").is(5)), TrailEntry.class);

        assertThat(problemsOf(dossier)).containsExactly(new TrailCheck.Problem(dossier, 2, null, "CHANGED"),
                new TrailCheck.Problem(dossier, 4, 5L, "MISSING"));
    }

    @Test
    void retentionRemovesOldRecordsAndTheChainGoesOnFromItsAnchor() throws Exception {
        String dossier = createDossier();
        send(DossierTopics.DOCUMENTS, dossier, EventContracts.example("portal.document.opened").forDossier(dossier)
                .with("data.accountId", ANNA.accountId()));
        awaitEntries(dossier, 2);

        retention.removeRecordedBefore(Instant.now().plusSeconds(1));
        assertThat(mongo.count(query(where("dossierId").is(dossier)), TrailEntry.class)).isZero();

        String later = hexId();
        send(DossierTopics.DOCUMENTS, dossier, EventContracts.example("portal.document.opened").forDossier(dossier)
                .with("data.documentId", later).with("data.accountId", ANNA.accountId()));
        List<Map<String, Object>> entries = awaitEntries(dossier, 1);
        assertThat(entries.get(0)).containsEntry("seq", 3).containsEntry("objectId", later);
        assertThat(problemsOf(dossier)).isEmpty();
        TrailEntry first = mongo.findOne(query(where("dossierId").is(dossier)).with(Sort.by("seq")), TrailEntry.class);
        assertThat(first.prevHash()).isNotEqualTo(TrailEntry.GENESIS);
    }

    // ---- helpers -----------------------------------------------------------------------------

    String createDossier() throws Exception {
        String created = mvc.perform(post("/api/staff/dossiers").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"TRL-%s\",\"description\":\"Aankoop woning\",\"parties\":[\"%s\"]}"
                                .formatted(hexId(), ANNA.email())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(created, "$.id");
    }

    List<TrailCheck.Problem> problemsOf(String dossier) {
        return check.run().problems().stream().filter(p -> p.dossierId().equals(dossier)).toList();
    }

    static String hexId() {
        return new ObjectId().toHexString();
    }

    void send(String topic, String dossier, ContractExample event) throws Exception {
        kafka.send(topic, dossier, event.json()).get();
    }

    List<Map<String, Object>> entries(String dossier) throws Exception {
        String page = mvc.perform(get("/api/dossiers/{id}/activity", dossier).param("size", "100").with(ANNA.token()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(page, "$.items");
    }

    List<Map<String, Object>> awaitEntries(String dossier, int count) {
        return await().atMost(WAIT).until(() -> entries(dossier), entries -> entries.size() == count);
    }

    static Map<String, Object> byKind(List<Map<String, Object>> entries, String kind) {
        return entries.stream().filter(e -> kind.equals(e.get("kind"))).findFirst().orElseThrow();
    }
}
