package nl.notaris.portal.dossier.events;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.JANSEN_BV;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.dossier.TestAccounts;
import nl.notaris.portal.dossier.work.WorkItem;
import nl.notaris.portal.support.audit.StaffActions;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;
import nl.notaris.portal.testsupport.TestCaller;
import nl.notaris.portal.testsupport.TopicReader;

/**
 * Every staff change of a dossier and every work item a staff member handles is recorded once on
 * portal.staff-actions.v1 (through the outbox, keyed by the dossier, valid against the contract);
 * a request that changes nothing, and an item handled by someone else's action, records nothing.
 * The reader reads on for a moment after the expected records, so one too many shows.
 */
@ServiceIntegrationTest
@Import(TestAccounts.class)
class StaffActionsIT extends IntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    /** How long to read on after the expected records, for one too many. */
    static final Duration SETTLE = Duration.ofSeconds(3);
    static final TestCaller NOTARIS = new TestCaller("s2-notaris", "notaris@example.com", "Mr. J. de Notaris", null,
            null, List.of("staff"));

    @Autowired
    MockMvc mvc;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    MongoTemplate mongo;

    @Test
    void eachStaffChangeOfADossierIsOneRecordWithWhoWhatAndWhich() throws Exception {
        String id = createDossier(ANNA);
        mvc.perform(patch("/api/staff/dossiers/{id}", id).with(NOTARIS.token()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"description\":\"Levering woning\",\"status\":\"ON_HOLD\"}")).andExpect(status().isOk());
        mvc.perform(patch("/api/staff/dossiers/{id}", id).with(NOTARIS.token()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"description\":\"Levering woning\",\"status\":\"ON_HOLD\"}")).andExpect(status().isOk());
        mvc.perform(put("/api/staff/dossiers/{id}/parties", id).with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"parties\":[\"%s\"]}".formatted(JANSEN_BV.email()))).andExpect(status().isOk());
        mvc.perform(put("/api/staff/dossiers/{id}/progress", id).with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"steps\":[{\"title\":\"Concept-akte\",\"done\":true}]}")).andExpect(status().isOk());

        try (TopicReader reader = new TopicReader(StaffActions.TOPIC)) {
            List<String> records = reader.readDistinctEvents(r -> id.equals(r.key()), 4, WAIT, SETTLE).stream()
                    .map(ConsumerRecord::value).toList();

            assertThat(records).extracting(r -> (String) JsonPath.read(r, "$.data.action"))
                    .as("the unchanged second PATCH records nothing").containsExactly("DOSSIER_CREATED",
                            "DOSSIER_CHANGED", "PARTIES_CHANGED", "PROGRESS_CHANGED");
            assertThat(records).allSatisfy(r -> {
                assertThat(EventContracts.violations(r)).isEmpty();
                assertThat((String) JsonPath.read(r, "$.type")).isEqualTo("portal.staff.action-recorded");
                assertThat((String) JsonPath.read(r, "$.data.dossierId")).isEqualTo(id);
                assertThat((String) JsonPath.read(r, "$.data.objectType")).isEqualTo("DOSSIER");
                assertThat((String) JsonPath.read(r, "$.data.objectId")).isEqualTo(id);
                assertThat(r).doesNotContain("Levering").doesNotContain("Concept-akte").doesNotContain("@example.com");
            });
            String created = records.get(0);
            assertThat((String) JsonPath.read(created, "$.data.actorId")).isEqualTo(STAFF.accountId());
            assertThat((String) JsonPath.read(created, "$.data.actorName")).isEqualTo(STAFF.name());
            assertThat((String) JsonPath.read(created, "$.data.status")).isEqualTo("IN_PROGRESS");
            assertThat((List<String>) JsonPath.read(created, "$.data.partiesAdded")).containsExactly(ANNA.accountId());
            String changed = records.get(1);
            assertThat((String) JsonPath.read(changed, "$.data.actorId")).isEqualTo(NOTARIS.accountId());
            assertThat((String) JsonPath.read(changed, "$.data.actorName")).isEqualTo("Mr. J. de Notaris");
            assertThat((List<String>) JsonPath.read(changed, "$.data.changes")).containsExactly("DESCRIPTION", "STATUS");
            assertThat((String) JsonPath.read(changed, "$.data.status")).isEqualTo("ON_HOLD");
            String parties = records.get(2);
            assertThat((List<String>) JsonPath.read(parties, "$.data.partiesAdded")).containsExactly(JANSEN_BV.accountId());
            assertThat((List<String>) JsonPath.read(parties, "$.data.partiesRemoved")).containsExactly(ANNA.accountId());
        }
    }

    @Test
    void aWorkItemHandledByStaffIsOneRecordAndOneHandledByTheOfficesReplyIsNone() throws Exception {
        String dossierId = createDossier(ANNA);
        String byStaff = "msg-" + UUID.randomUUID();
        String byReply = "msg-" + UUID.randomUUID();
        sendMessage(clientMessage(dossierId, byStaff, "2026-11-28T14:00:00.000Z"), dossierId);
        sendMessage(clientMessage(dossierId, byReply, "2026-11-28T14:30:00.000Z"), dossierId);
        String staffItem = awaitItem(byStaff);
        String replyItem = awaitItem(byReply);

        mvc.perform(put("/api/staff/work/{id}/handled", staffItem).with(STAFF.token())).andExpect(status().isNoContent());
        mvc.perform(put("/api/staff/work/{id}/handled", staffItem).with(NOTARIS.token())).andExpect(status().isNoContent());
        sendMessage(EventContracts.example("portal.message.sent-by-office").forDossier(dossierId)
                .with("data.messageId", "msg-" + UUID.randomUUID()).with("data.senderAccountId", NOTARIS.accountId())
                .with("data.sentAt", "2026-11-28T15:00:00.000Z").json(), dossierId);
        await().atMost(WAIT).until(() -> mongo.findById(replyItem, WorkItem.class).handledAt() != null);

        try (TopicReader reader = new TopicReader(StaffActions.TOPIC)) {
            List<String> handled = reader.readDistinctEvents(r -> dossierId.equals(r.key())
                    && "WORK_ITEM".equals(JsonPath.read(r.value(), "$.data.objectType")), 1, WAIT, SETTLE)
                    .stream().map(ConsumerRecord::value).toList();

            assertThat(handled).hasSize(1);
            String record = handled.get(0);
            assertThat(EventContracts.violations(record)).isEmpty();
            assertThat((String) JsonPath.read(record, "$.data.action")).isEqualTo("WORK_ITEM_HANDLED");
            assertThat((String) JsonPath.read(record, "$.data.objectId")).isEqualTo(staffItem);
            assertThat((String) JsonPath.read(record, "$.data.actorId")).isEqualTo(STAFF.accountId());
            assertThat((String) JsonPath.read(record, "$.data.dossierId")).isEqualTo(dossierId);
        }
    }

    String createDossier(TestCaller party) throws Exception {
        String number = "SA-" + UUID.randomUUID().toString().substring(0, 8);
        String created = mvc.perform(post("/api/staff/dossiers").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"%s\",\"description\":\"Levering\",\"parties\":[\"%s\"]}"
                                .formatted(number, party.email())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(created, "$.id");
    }

    static String clientMessage(String dossierId, String messageId, String sentAt) {
        return EventContracts.example("portal.message.sent-by-client").forDossier(dossierId)
                .with("subject", "messages/" + messageId).with("data.messageId", messageId)
                .with("data.senderAccountId", ANNA.accountId()).with("data.sentAt", sentAt).json();
    }

    void sendMessage(String json, String dossierId) throws Exception {
        kafka.send(DossierTopics.MESSAGES, dossierId, json).get();
    }

    String awaitItem(String subjectId) {
        await().atMost(WAIT).until(() -> mongo.exists(query(where("subjectId").is(subjectId)), WorkItem.class));
        return mongo.findOne(query(where("subjectId").is(subjectId)), WorkItem.class).id();
    }
}
