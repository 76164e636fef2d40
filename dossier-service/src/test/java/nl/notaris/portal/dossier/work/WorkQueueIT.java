package nl.notaris.portal.dossier.work;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.BOB;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.dossier.TestAccounts;
import nl.notaris.portal.dossier.events.DossierTopics;
import nl.notaris.portal.support.events.ProcessedEvents;
import nl.notaris.portal.testsupport.ContractExample;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;
import nl.notaris.portal.testsupport.TestCaller;
import nl.notaris.portal.testsupport.TopicReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Werkvoorraad on the real broker and database: the contracts' examples (with their own ids)
 * go onto the topics, the items are read back through the staff API. To show that something did
 * not happen, a test waits for a later event on the same key (same partition, so handled after).
 */
@ServiceIntegrationTest
@Import(TestAccounts.class)
class WorkQueueIT extends IntegrationTest {

    static final TestCaller OTHER_HANDLER = new TestCaller("s2-notaris", "notaris@example.com", "Mr. Notaris", null,
            null, List.of("staff"));
    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;
    @Autowired
    KafkaTemplate<String, String> kafka;
    @Autowired
    ProcessedEvents processed;
    @Autowired
    DueWorkJob job;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaAdmin kafkaAdmin;

    @Test
    void theContractsEventsBecomeItemsWithTheDossierNumberAndThePartysName() throws Exception {
        Dossier dossier = createDossier(ANNA);
        String messageId = unique("msg");
        String completedId = unique("as");
        String overdueId = unique("as");
        String invitedId = unique("acc");
        send(DossierTopics.MESSAGES, dossier.id(), clientMessage(dossier.id(), messageId));
        send(DossierTopics.QUESTIONNAIRES, dossier.id(), completed(dossier.id(), completedId));
        ContractExample assigned = assigned(dossier.id(), overdueId, "2020-01-31");
        send(DossierTopics.QUESTIONNAIRES, dossier.id(), assigned);
        Instant invitedAt = Instant.now().minus(8, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
        ContractExample invited = invited(invitedId, invitedAt);
        send(DossierTopics.ACCOUNTS, invitedId, invited);

        assertThat(awaitItem(messageId)).isEqualTo(item(WorkKind.MESSAGE, dossier, ANNA.accountId(), "Anna de Vries",
                messageId, "2026-11-28T14:00:00Z", null));
        assertThat(awaitItem(completedId)).isEqualTo(item(WorkKind.QUESTIONNAIRE_COMPLETED, dossier, ANNA.accountId(),
                "Anna de Vries", completedId, "2026-11-29T20:15:00Z", null));

        awaitHandled(assigned);
        awaitHandled(invited);
        job.run();

        assertThat(awaitItem(overdueId)).isEqualTo(item(WorkKind.QUESTIONNAIRE_OVERDUE, dossier, ANNA.accountId(),
                "Anna de Vries", overdueId, "2020-01-31T23:00:00Z", "2020-01-31"));
        Map<String, Object> pending = awaitItem(invitedId);
        assertThat(pending).isEqualTo(item(WorkKind.INVITATION_PENDING, null, invitedId, null, invitedId,
                invitedAt.plus(7, ChronoUnit.DAYS).toString(), null));
    }

    @Test
    void aCompletionHandlesItsOverdueItemAndAnActivationItsPendingInvitation() throws Exception {
        Dossier dossier = createDossier(ANNA);
        String assignmentId = unique("as");
        String accountId = unique("acc");
        ContractExample assigned = assigned(dossier.id(), assignmentId, "2020-02-29");
        send(DossierTopics.QUESTIONNAIRES, dossier.id(), assigned);
        ContractExample invited = invited(accountId, Instant.now().minus(30, ChronoUnit.DAYS));
        send(DossierTopics.ACCOUNTS, accountId, invited);
        awaitHandled(assigned);
        awaitHandled(invited);
        job.run();
        String overdueItem = (String) awaitItem(assignmentId).get("id");
        String pendingItem = (String) awaitItem(accountId).get("id");

        send(DossierTopics.QUESTIONNAIRES, dossier.id(), completed(dossier.id(), assignmentId));
        send(DossierTopics.ACCOUNTS, accountId, EventContracts.example("portal.account.activated")
                .with("subject", "accounts/" + accountId).with("data.accountId", accountId));

        await().atMost(WAIT).until(() -> openItems().stream().noneMatch(i -> i.get("id").equals(overdueItem)
                || i.get("id").equals(pendingItem)));
        assertThat(openItems()).filteredOn(i -> assignmentId.equals(i.get("subjectId"))).extracting(i -> i.get("kind"))
                .containsExactly("QUESTIONNAIRE_COMPLETED");
        assertThat(stored(overdueItem).handledBy()).isEqualTo(ANNA.accountId());
        assertThat(stored(pendingItem).handledBy()).isEqualTo(accountId);
    }

    @Test
    void theSameEventTwiceMakesOneItem() throws Exception {
        Dossier dossier = createDossier(ANNA);
        String messageId = unique("msg");
        ContractExample message = clientMessage(dossier.id(), messageId);
        send(DossierTopics.MESSAGES, dossier.id(), message);
        send(DossierTopics.MESSAGES, dossier.id(), message);
        String later = unique("msg");
        send(DossierTopics.MESSAGES, dossier.id(), clientMessage(dossier.id(), later));

        awaitItem(later);

        assertThat(openItems()).filteredOn(i -> messageId.equals(i.get("subjectId"))).hasSize(1);
        assertThat(mongo.count(query(where("subjectId").is(messageId)), WorkItem.class)).isEqualTo(1);
    }

    @Test
    void anItemOneHandlerHandledIsGoneForEveryoneAndStaysHandledByThatHandler() throws Exception {
        Dossier dossier = createDossier(ANNA);
        String messageId = unique("msg");
        send(DossierTopics.MESSAGES, dossier.id(), clientMessage(dossier.id(), messageId));
        String id = (String) awaitItem(messageId).get("id");

        mvc.perform(put("/api/staff/work/{id}/handled", id).with(STAFF.token())).andExpect(status().isNoContent());

        for (TestCaller handler : List.of(STAFF, OTHER_HANDLER)) {
            assertThat(openItems(handler)).noneMatch(i -> id.equals(i.get("id")));
        }
        WorkItem handled = stored(id);
        mvc.perform(put("/api/staff/work/{id}/handled", id).with(OTHER_HANDLER.token())).andExpect(status().isNoContent());
        assertThat(stored(id)).isEqualTo(handled);
        assertThat(handled.handledBy()).isEqualTo(STAFF.accountId());
        assertThat(handled.handledAt()).isNotNull();
        mvc.perform(put("/api/staff/work/{id}/handled", "no-such-item").with(STAFF.token()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void anOfficeMessageHandlesTheClientsMessagesOfItsDossierOnly() throws Exception {
        Dossier dossier = createDossier(ANNA);
        Dossier other = createDossier(ANNA);
        String answered = unique("msg");
        String elsewhere = unique("msg");
        send(DossierTopics.MESSAGES, dossier.id(), clientMessage(dossier.id(), answered));
        send(DossierTopics.MESSAGES, other.id(), clientMessage(other.id(), elsewhere));
        String id = (String) awaitItem(answered).get("id");
        awaitItem(elsewhere);

        ContractExample reply = EventContracts.example("portal.message.sent-by-office").forDossier(dossier.id())
                .with("data.messageId", unique("msg")).with("data.senderAccountId", OTHER_HANDLER.accountId())
                .with("data.sentAt", "2026-11-28T15:00:00.000Z");
        send(DossierTopics.MESSAGES, dossier.id(), reply);

        await().atMost(WAIT).until(() -> openItems().stream().noneMatch(i -> id.equals(i.get("id"))));
        assertThat(stored(id).handledBy()).isEqualTo(OTHER_HANDLER.accountId());
        assertThat(openItems()).anyMatch(i -> elsewhere.equals(i.get("subjectId")));
    }

    @Test
    void documentsDeliveredWithAMessageOrQuestionnaireMakeNoItemOfTheirOwn() throws Exception {
        Dossier dossier = createDossier(ANNA);
        String withMessage = unique("doc");
        String withQuestionnaire = unique("doc");
        send(DossierTopics.DOCUMENTS, dossier.id(), EventContracts.example("portal.document.delivered")
                .forDossier(dossier.id()).with("data.documentId", withMessage));
        send(DossierTopics.DOCUMENTS, dossier.id(), EventContracts.example("portal.document.delivered",
                "valid-questionnaire").forDossier(dossier.id()).with("data.documentId", withQuestionnaire));
        // the queue acts on nothing of the documents topic that a contract allows now, so the later marker is
        // a published document: once the group has committed past it, the deliveries before it were read
        RecordMetadata marker = send(DossierTopics.DOCUMENTS, dossier.id(),
                EventContracts.example("portal.document.published").forDossier(dossier.id()));

        awaitConsumedPast(marker);

        assertThat(mongo.count(query(where("subjectId").in(withMessage, withQuestionnaire)), WorkItem.class)).isZero();
    }

    @Test
    void clientsAreForbiddenBothRoutes() throws Exception {
        mvc.perform(get("/api/staff/work").with(ANNA.token())).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/api/staff/work/{id}/handled", "any").with(BOB.token())).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aPoisonRecordIsParkedOnTheDeadLetterTopicAndWhatFollowsIsHandled() throws Exception {
        Dossier dossier = createDossier(ANNA);
        String notJson = "not json: " + UUID.randomUUID();
        ObjectNode event = WorkQueueTest.parse(EventContracts.example("portal.message.sent-by-client").json());
        String noData = event.putNull("data").toString();
        kafka.send(DossierTopics.MESSAGES, dossier.id(), notJson).get();
        kafka.send(DossierTopics.MESSAGES, dossier.id(), noData).get();
        String after = unique("msg");
        send(DossierTopics.MESSAGES, dossier.id(), clientMessage(dossier.id(), after));

        try (TopicReader reader = new TopicReader(DossierTopics.MESSAGES + ".dlt")) {
            List<ConsumerRecord<String, String>> parked = reader.readUntil(r -> dossier.id().equals(r.key()), 2, WAIT);
            assertThat(parked).extracting(ConsumerRecord::value).containsExactly(notJson, noData);
            assertThat(parked).allSatisfy(r -> assertThat(header(r, "kafka_dlt-original-consumer-group"))
                    .isEqualTo("dossier-service"));
            assertThat(header(parked.get(1), "kafka_dlt-exception-message")).contains("has no data");
        }
        awaitItem(after);
    }

    /**
     * The Werkvoorraad's page query (filter {@code handledAt}, sort {@code occurredAt} descending) is the
     * {@code open_newest} index's key; where the server explains (real MongoDB) the plan uses it. The job's
     * look-ups have their sparse indexes.
     */
    @Test
    void theQueuesPageIsServedByItsIndex() {
        List<Document> indexes = mongo.getCollection("work_items").listIndexes().into(new ArrayList<>());
        Document key = indexes.stream().filter(i -> "open_newest".equals(i.getString("name")))
                .map(i -> i.get("key", Document.class)).findFirst().orElseThrow();
        assertThat(key).isEqualTo(new Document("handledAt", 1).append("occurredAt", -1));
        Query page = WorkItems.openQuery().with(WorkItems.NEWEST_FIRST);
        List<String> filterAndSort = new ArrayList<>(page.getQueryObject().keySet());
        filterAndSort.addAll(page.getSortObject().keySet());
        assertThat(List.copyOf(key.keySet())).isEqualTo(filterAndSort);
        try {
            Document plan = mongo.getDb().runCommand(new Document("explain", new Document("find", "work_items")
                    .append("filter", page.getQueryObject()).append("sort", page.getSortObject())));
            assertThat(plan.toJson()).contains("open_newest").doesNotContain("COLLSCAN");
        } catch (com.mongodb.MongoCommandException noExplain) {
            assertThat(noExplain.getErrorCode()).as("only the wire-protocol server has no explain").isEqualTo(59);
        }
        assertThat(keysOf("work_assignments")).contains(Set.of("watchDueDate"));
        assertThat(keysOf("work_invitations")).contains(Set.of("watchSince"));
    }

    List<Set<String>> keysOf(String collection) {
        return mongo.getCollection(collection).listIndexes().into(new ArrayList<>()).stream()
                .map(i -> i.get("key", Document.class).keySet()).toList();
    }

    // ---- helpers -----------------------------------------------------------------------------

    record Dossier(String id, String number) {
    }

    Dossier createDossier(TestCaller party) throws Exception {
        String number = unique("WV");
        String created = mvc.perform(post("/api/staff/dossiers").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"%s\",\"description\":\"Aankoop woning\",\"parties\":[\"%s\"]}"
                                .formatted(number, party.email())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return new Dossier(JsonPath.read(created, "$.id"), number);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    RecordMetadata send(String topic, String key, ContractExample event) throws Exception {
        return kafka.send(topic, key, event.json()).get().getRecordMetadata();
    }

    void awaitHandled(ContractExample event) {
        await().atMost(WAIT).until(() -> processed.wasHandled(WorkEventsListener.CONSUMER, event.id()));
    }

    /** Waits until this service's consumer group has committed past the record: it and all before it on its partition were handled. */
    void awaitConsumedPast(RecordMetadata record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
            await().atMost(WAIT).until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("dossier-service")
                        .partitionsToOffsetAndMetadata().get().get(partition);
                return committed != null && committed.offset() > record.offset();
            });
        }
    }

    Map<String, Object> awaitItem(String subjectId) {
        return await().atMost(WAIT).until(() -> openItems().stream().filter(i -> subjectId.equals(i.get("subjectId")))
                .findFirst(), Optional::isPresent).get();
    }

    List<Map<String, Object>> openItems() throws Exception {
        return openItems(STAFF);
    }

    /** Every page of the open items, as the handler sees them. */
    List<Map<String, Object>> openItems(TestCaller handler) throws Exception {
        List<Map<String, Object>> items = new ArrayList<>();
        int pages = 1;
        for (int page = 0; page < pages; page++) {
            String body = mvc.perform(get("/api/staff/work").param("page", String.valueOf(page)).param("size", "100")
                    .with(handler.token())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            items.addAll(JsonPath.read(body, "$.items"));
            pages = JsonPath.read(body, "$.totalPages");
        }
        return items;
    }

    WorkItem stored(String id) {
        return mongo.findById(id, WorkItem.class);
    }

    static Map<String, Object> item(WorkKind kind, Dossier dossier, String accountId, String accountName,
            String subjectId, String occurredAt, String dueDate) {
        Map<String, Object> item = new HashMap<>();
        item.put("id", WorkItem.idOf(kind, subjectId));
        item.put("kind", kind.name());
        item.put("dossierId", dossier == null ? null : dossier.id());
        item.put("dossierNumber", dossier == null ? null : dossier.number());
        item.put("accountId", accountId);
        item.put("accountName", accountName);
        item.put("subjectId", subjectId);
        item.put("occurredAt", occurredAt);
        item.put("dueDate", dueDate);
        return item;
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static ContractExample clientMessage(String dossierId, String messageId) {
        return EventContracts.example("portal.message.sent-by-client").forDossier(dossierId)
                .with("subject", "messages/" + messageId).with("data.messageId", messageId);
    }

    static ContractExample assigned(String dossierId, String assignmentId, String dueDate) {
        return EventContracts.example("portal.questionnaire.assigned").forDossier(dossierId)
                .with("subject", "assignments/" + assignmentId).with("data.assignmentId", assignmentId)
                .with("data.dueDate", dueDate);
    }

    static ContractExample completed(String dossierId, String assignmentId) {
        return EventContracts.example("portal.questionnaire.completed").forDossier(dossierId)
                .with("subject", "assignments/" + assignmentId).with("data.assignmentId", assignmentId);
    }

    static ContractExample invited(String accountId, Instant at) {
        return EventContracts.example("portal.account.invited").with("subject", "accounts/" + accountId)
                .with("data.account.accountId", accountId).with("time", at.toString());
    }
}
