package nl.notaris.portal.dossier.home;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.BOB;
import static nl.notaris.portal.testsupport.TestCaller.JANSEN_BV;
import static nl.notaris.portal.testsupport.TestCaller.PIET;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
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
import nl.notaris.portal.testsupport.TestCaller;

/**
 * Home's two lists on the real broker and database: the contracts' examples go onto the topics, the
 * lists are read back as each client account sees them.
 */
@ServiceIntegrationTest
@Import(TestAccounts.class)
class HomeIT extends IntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;
    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void newForYouListsWhatHappenedNewestFirstAndWhatIsOpenedOrFollowedLeavesIt() throws Exception {
        Dossier dossier = createDossier(ANNA);
        String documentId = hexId();
        String messageId = hexId();
        String assignmentId = hexId();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(DossierTopics.DOCUMENTS, dossier, published(dossier, documentId, now.minusSeconds(30)));
        send(DossierTopics.MESSAGES, dossier, EventContracts.example("portal.message.sent-by-office")
                .forDossier(dossier.id()).with("data.messageId", messageId).with("data.sentAt", now.minusSeconds(20).toString()));
        send(DossierTopics.QUESTIONNAIRES, dossier, assigned(dossier, assignmentId, ANNA, "2099-01-31", now.minusSeconds(10)));
        String stepId = replaceProgress(dossier, "[{\"title\": \"Intake\", \"done\": true}]").get(0);

        List<Map<String, Object>> items = awaitNewItems(ANNA, dossier, 4);
        assertThat(items).extracting(i -> i.get("id")).containsExactly("step:" + dossier.id() + ":" + stepId,
                "questionnaire:" + assignmentId, "message:" + messageId, "document:" + documentId);
        assertThat(items).extracting(i -> i.get("kind")).containsExactly("STEP_DONE", "QUESTIONNAIRE", "MESSAGE", "DOCUMENT");
        assertThat(items).allSatisfy(i -> assertThat(i.get("dossierNumber")).isEqualTo(dossier.number()));
        assertThat(items.get(0).get("stepTitle")).isEqualTo("Intake");
        assertThat(items.get(3)).containsEntry("documentId", documentId).containsEntry("category", "CORRESPONDENCE");
        assertThat(newItems(BOB, dossier)).isEmpty();

        // opened in the tabs (their events), and a link followed on Home
        send(DossierTopics.DOCUMENTS, dossier, EventContracts.example("portal.document.opened").forDossier(dossier.id())
                .with("data.documentId", documentId).with("data.accountId", ANNA.accountId()));
        send(DossierTopics.MESSAGES, dossier, EventContracts.example("portal.message.read").forDossier(dossier.id())
                .with("data.messageId", messageId).with("data.accountId", ANNA.accountId()));
        mvc.perform(post("/api/home/items/{id}/seen", "step:" + dossier.id() + ":" + stepId).with(ANNA.token()))
                .andExpect(status().isNoContent());

        await().atMost(WAIT).until(() -> ids(newItems(ANNA, dossier)).equals(List.of("questionnaire:" + assignmentId)));
    }

    @Test
    void eachAccountOfACompanyHasItsOwnReadState() throws Exception {
        Dossier dossier = createDossier(JANSEN_BV);
        String documentId = hexId();
        send(DossierTopics.DOCUMENTS, dossier, published(dossier, documentId, Instant.now()));
        awaitNewItems(PIET, dossier, 1);

        send(DossierTopics.DOCUMENTS, dossier, EventContracts.example("portal.document.opened").forDossier(dossier.id())
                .with("data.documentId", documentId).with("data.accountId", PIET.accountId()));

        await().atMost(WAIT).until(() -> newItems(PIET, dossier).isEmpty());
        assertThat(ids(newItems(JANSEN_BV, dossier))).containsExactly("document:" + documentId);
    }

    @Test
    void allSeenEmptiesTheListAndWhatComesLaterIsNewAgain() throws Exception {
        Dossier dossier = createDossier(BOB);
        send(DossierTopics.DOCUMENTS, dossier, published(dossier, hexId(), Instant.now().minusSeconds(5)));
        awaitNewItems(BOB, dossier, 1);

        mvc.perform(post("/api/home/seen").with(BOB.token())).andExpect(status().isNoContent());
        assertThat(newItems(BOB, dossier)).isEmpty();

        String later = hexId();
        send(DossierTopics.DOCUMENTS, dossier, published(dossier, later, Instant.now().plusSeconds(1)));
        assertThat(ids(awaitNewItems(BOB, dossier, 1))).containsExactly("document:" + later);
    }

    @Test
    void aDocumentRequestIsNeededUntilAMessageDeliversItAndAQuestionnaireUntilItIsCompleted() throws Exception {
        Dossier dossier = createDossier(ANNA);
        String assignmentId = hexId();
        List<String> steps = replaceProgress(dossier, """
                [{"title": "Identificatie", "done": false, "explanation": "Wij stellen uw identiteit vast.",
                  "plannedDate": "2099-02-01", "request": {"kind": "DOCUMENT", "name": "Kopie paspoort", "dueDate": "2099-01-15"}},
                 {"title": "Vragenlijst", "done": false, "request": {"kind": "QUESTIONNAIRE", "assignmentId": "%s"}},
                 {"title": "Zonder datum", "done": false, "request": {"kind": "DOCUMENT", "name": "Getekende koopovereenkomst"}}]
                """.formatted(assignmentId));
        send(DossierTopics.QUESTIONNAIRES, dossier, assigned(dossier, assignmentId, ANNA, "2099-01-20", Instant.now()));

        List<Map<String, Object>> needed = await().atMost(WAIT).until(() -> neededItems(ANNA, dossier),
                list -> list.size() == 3);
        assertThat(needed).extracting(i -> i.get("id")).containsExactly("request:" + dossier.id() + ":" + steps.get(0),
                "questionnaire:" + assignmentId, "request:" + dossier.id() + ":" + steps.get(2));
        assertThat(needed.get(0)).containsEntry("kind", "DOCUMENT_REQUEST").containsEntry("name", "Kopie paspoort")
                .containsEntry("dueDate", "2099-01-15").containsEntry("stepTitle", "Identificatie");
        assertThat(needed.get(1)).containsEntry("kind", "QUESTIONNAIRE").containsEntry("dueDate", "2099-01-20")
                .containsEntry("stepId", steps.get(1));
        assertThat(needed.get(2)).containsEntry("dueDate", null);

        String messageId = hexId();
        send(DossierTopics.MESSAGES, dossier, EventContracts.example("portal.message.sent-by-client", "valid-for-request")
                .forDossier(dossier.id()).with("data.messageId", messageId).with("data.requestId", steps.get(0)));
        send(DossierTopics.QUESTIONNAIRES, dossier, EventContracts.example("portal.questionnaire.completed")
                .forDossier(dossier.id()).with("data.assignmentId", assignmentId).with("data.accountId", ANNA.accountId()));

        await().atMost(WAIT).until(() -> ids(neededItems(ANNA, dossier))
                .equals(List.of("request:" + dossier.id() + ":" + steps.get(2))));
        String staffView = mvc.perform(get("/api/staff/dossiers/{id}", dossier.id()).with(STAFF.token()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((Map<String, Object>) JsonPath.read(staffView, "$.progress.steps[0].request")).containsEntry("fulfilledBy", "Anna de Vries")
                .containsEntry("fulfilledMessageId", messageId).containsEntry("fulfilledAt", "2026-11-28T14:00:00Z");
        assertThat((String) JsonPath.read(staffView, "$.progress.steps[1].request.fulfilledAt")).isNotNull();
        String clientView = mvc.perform(get("/api/dossiers/{id}", dossier.id()).with(ANNA.token()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat((Map<String, Object>) JsonPath.read(clientView, "$.progress.steps[0]"))
                .containsEntry("explanation", "Wij stellen uw identiteit vast.").containsEntry("plannedDate", "2099-02-01");
        assertThat((Map<String, Object>) JsonPath.read(clientView, "$.progress.steps[0].request"))
                .containsEntry("fulfilledAt", "2026-11-28T14:00:00Z").doesNotContainKeys("fulfilledBy", "fulfilledMessageId");
    }

    @Test
    void anItemOfSomeoneElsesDossierOrAnUnknownOneCannotBeMarkedSeen() throws Exception {
        Dossier dossier = createDossier(ANNA);
        String documentId = hexId();
        send(DossierTopics.DOCUMENTS, dossier, published(dossier, documentId, Instant.now()));
        awaitNewItems(ANNA, dossier, 1);

        for (String id : List.of("document:" + documentId, "document:" + hexId(), "nonsense", "step:" + dossier.id() + ":s-00000000")) {
            mvc.perform(post("/api/home/items/{id}/seen", id).with(BOB.token())).andExpect(status().isNotFound());
        }
        assertThat(ids(newItems(ANNA, dossier))).containsExactly("document:" + documentId);
        mvc.perform(get("/api/home")).andExpect(status().isUnauthorized());
    }

    // ---- helpers -----------------------------------------------------------------------------

    record Dossier(String id, String number) {
    }

    Dossier createDossier(TestCaller party) throws Exception {
        String number = "HOME-" + hexId();
        String created = mvc.perform(post("/api/staff/dossiers").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"%s\",\"description\":\"Aankoop woning\",\"parties\":[\"%s\"]}"
                                .formatted(number, party.email())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return new Dossier(JsonPath.read(created, "$.id"), number);
    }

    /** Replaces the dossier's progress list; the steps' ids in order. */
    List<String> replaceProgress(Dossier dossier, String steps) throws Exception {
        String answer = mvc.perform(put("/api/staff/dossiers/{id}/progress", dossier.id()).with(STAFF.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"steps\": " + steps + "}"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(answer, "$.progress.steps[*].id");
    }

    static String hexId() {
        return new ObjectId().toHexString();
    }

    static ContractExample published(Dossier dossier, String documentId, Instant at) {
        return EventContracts.example("portal.document.published").forDossier(dossier.id())
                .with("data.documentId", documentId).with("data.publishedAt", at.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    static ContractExample assigned(Dossier dossier, String assignmentId, TestCaller to, String dueDate, Instant at) {
        return EventContracts.example("portal.questionnaire.assigned").forDossier(dossier.id())
                .with("data.assignmentId", assignmentId).with("data.accountId", to.accountId())
                .with("data.dueDate", dueDate).with("data.assignedAt", at.truncatedTo(ChronoUnit.MILLIS).toString());
    }

    void send(String topic, Dossier dossier, ContractExample event) throws Exception {
        kafka.send(topic, dossier.id(), event.json()).get();
    }

    /** What is new for the account in this dossier (other tests' dossiers may have news too). */
    List<Map<String, Object>> newItems(TestCaller caller, Dossier dossier) throws Exception {
        List<Map<String, Object>> all = JsonPath.read(home(caller), "$.newForYou.items");
        return all.stream().filter(i -> dossier.id().equals(i.get("dossierId"))).toList();
    }

    List<Map<String, Object>> awaitNewItems(TestCaller caller, Dossier dossier, int count) {
        return await().atMost(WAIT).until(() -> newItems(caller, dossier), items -> items.size() == count);
    }

    /** What the account is asked for in this dossier (other tests' dossiers may ask too). */
    List<Map<String, Object>> neededItems(TestCaller caller, Dossier dossier) throws Exception {
        List<Map<String, Object>> all = JsonPath.read(home(caller), "$.neededFromYou.items");
        return all.stream().filter(i -> dossier.id().equals(i.get("dossierId"))).toList();
    }

    String home(TestCaller caller) throws Exception {
        return mvc.perform(get("/api/home").with(caller.token())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    static List<Object> ids(List<Map<String, Object>> items) {
        return items.stream().map(i -> i.get("id")).toList();
    }
}
