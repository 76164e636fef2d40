package nl.notaris.portal.questionnaire.assignment;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.BOB;
import static nl.notaris.portal.testsupport.TestCaller.JANSEN_BV;
import static nl.notaris.portal.testsupport.TestCaller.PIET;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.questionnaire.Fixtures;
import nl.notaris.portal.questionnaire.events.QuestionnaireTopics;
import nl.notaris.portal.testsupport.DossierOwnerStub;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;
import nl.notaris.portal.testsupport.TestCaller;
import nl.notaris.portal.testsupport.TopicReader;
import nl.notaris.portal.testsupport.UploadsStub;

/** Sending, filling in page by page, resuming and completing a questionnaire, against the real broker and database. */
@ServiceIntegrationTest
class QuestionnairesIT extends IntegrationTest {

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
    @Autowired
    MongoTemplate mongo;

    static String dossierOf(TestCaller... parties) {
        String dossierId = "dos-" + UUID.randomUUID();
        DossierOwnerStub.instance().knows(dossierId, 1, parties);
        return dossierId;
    }

    void publishDemo() throws Exception {
        mvc.perform(post("/api/staff/questionnaires").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                .content(Files.readString(Fixtures.AANKOOP_WONING))).andExpect(status().isCreated());
    }

    String send(String dossierId, String recipient, String dueDate) throws Exception {
        String response = mvc.perform(post("/api/staff/dossiers/{id}/questionnaires", dossierId).with(STAFF.token())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"questionnaire":"aankoop-woning","recipient":"%s","dueDate":%s}"""
                                .formatted(recipient, dueDate == null ? "null" : "\"" + dueDate + "\"")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    ResultActions savePage(TestCaller client, String assignmentId, String pageId, String answers) throws Exception {
        return mvc.perform(put("/api/questionnaires/assignments/{id}/pages/{page}", assignmentId, pageId)
                .with(client.token()).contentType(MediaType.APPLICATION_JSON).content("{\"answers\":" + answers + "}"));
    }

    ResultActions complete(TestCaller client, String assignmentId) throws Exception {
        return mvc.perform(post("/api/questionnaires/assignments/{id}/complete", assignmentId).with(client.bearerToken()));
    }

    @Test
    void theClientFillsInPageByPageResumesWhereItStoppedAndCompletesIntoAPdf() throws Exception {
        publishDemo();
        String dossierId = dossierOf(ANNA);
        String assignmentId = send(dossierId, "ANNA@example.com", "2099-01-31");

        mvc.perform(get("/api/actions").with(ANNA.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.assignmentId == '%s')].title", assignmentId).value("Aankoop woning"))
                .andExpect(jsonPath("$.items[?(@.assignmentId == '%s')].dueDate", assignmentId).value("2099-01-31"))
                .andExpect(jsonPath("$.items[?(@.assignmentId == '%s')].dossierNumber", assignmentId).isNotEmpty());

        savePage(ANNA, assignmentId, "persoonlijk", Fixtures.PERSONAL).andExpect(status().isOk())
                .andExpect(jsonPath("$.currentPageId").value("woning"));
        // a postcode typed untidily is kept, shown and printed as it is written
        savePage(ANNA, assignmentId, "woning", Fixtures.HOUSE.replace("1016 GV", "1016gv")).andExpect(status().isOk())
                .andExpect(jsonPath("$.answers.woning.postcode").value("1016 GV"));

        // later, in another sitting: the questionnaire opens on page 3 with every saved answer in place
        mvc.perform(get("/api/questionnaires/assignments/{id}", assignmentId).with(ANNA.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.currentPageId").value("financiering"))
                .andExpect(jsonPath("$.answers.persoonlijk.achternaam").value("van 't Hoff"))
                .andExpect(jsonPath("$.answers.woning.koopsom").value(450000))
                .andExpect(jsonPath("$.answers.woning.postcode").value("1016 GV"))
                .andExpect(jsonPath("$.pages.length()").value(4))
                .andExpect(jsonPath("$.pages[0].questions[0].required").value(true))
                .andExpect(jsonPath("$.pages[0].questions[4].required").value(false))
                .andExpect(jsonPath("$.schemas.financiering.properties.iban.format").value("iban"));

        // the server holds the rules, whether the browser checked them or not
        savePage(ANNA, assignmentId, "financiering", Fixtures.MONEY.replace("NL91", "NL19"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("iban"))
                .andExpect(jsonPath("$.errors[0].code").value("format"))
                .andExpect(jsonPath("$.errors[0].format").value("iban"));
        savePage(ANNA, assignmentId, "financiering", Fixtures.MONEY).andExpect(status().isOk());

        complete(ANNA, assignmentId).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].page").value("tot-slot"))
                .andExpect(jsonPath("$.errors[0].field").value("volmacht"));
        savePage(ANNA, assignmentId, "tot-slot", Fixtures.LAST).andExpect(status().isOk())
                .andExpect(jsonPath("$.currentPageId").isEmpty());

        int uploadsBefore = uploads.files().size();
        String pdfId = JsonPath.read(complete(ANNA, assignmentId).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.completedAt").isNotEmpty())
                .andReturn().getResponse().getContentAsString(), "$.pdfDocumentId");
        complete(ANNA, assignmentId).andExpect(status().isOk()).andExpect(jsonPath("$.pdfDocumentId").value(pdfId));

        List<UploadsStub.StoredFile> pdfs = uploads.files().subList(uploadsBefore, uploads.files().size());
        assertThat(pdfs).as("completing twice files one PDF").hasSize(1);
        UploadsStub.StoredFile file = pdfs.get(0);
        assertThat(file.id()).isEqualTo(pdfId);
        assertThat(file.ownerToken()).as("uploaded as the client").isEqualTo("test." + ANNA.accountId());
        assertThat(file.dossierId()).isEqualTo(dossierId);
        assertThat(file.fileName()).isEqualTo("Vragenlijst Aankoop woning.pdf");
        try (PDDocument pdf = Loader.loadPDF(file.content())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Aankoop woning", "Anna de Vries", "Ëlla",
                    "van 't Hoff", "111222333", "Prinsengracht 263", "1016 GV", "Coöperatieve Rabobank U.A.",
                    "NL91ABNA0417164300", "Getekende koopovereenkomst, Kopie paspoort of identiteitskaart");
        }

        // it leaves Acties, and its answers can no longer change
        mvc.perform(get("/api/actions").with(ANNA.token()))
                .andExpect(jsonPath("$.items[?(@.assignmentId == '%s')]", assignmentId).isEmpty());
        savePage(ANNA, assignmentId, "tot-slot", Fixtures.LAST).andExpect(status().isConflict());

        // the office reads the state and the answers
        mvc.perform(get("/api/staff/dossiers/{id}/questionnaires", dossierId).with(STAFF.token()))
                .andExpect(jsonPath("$[0].status").value("COMPLETED"))
                .andExpect(jsonPath("$[0].recipient.email").value(ANNA.email()))
                .andExpect(jsonPath("$[0].pagesSaved").value(4))
                .andExpect(jsonPath("$[0].pdfDocumentId").value(pdfId));
        mvc.perform(get("/api/staff/assignments/{id}/answers", assignmentId).with(STAFF.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.answers.financiering.iban").value("NL91ABNA0417164300"))
                .andExpect(jsonPath("$.answers.tot-slot.documenten[1]").value("identiteitsbewijs"));

        // one completed event, checked by the contract, before a later marker on the same key
        String marker = send(dossierId, ANNA.email(), null);
        try (TopicReader reader = new TopicReader(QuestionnaireTopics.TOPIC)) {
            List<ConsumerRecord<String, String>> events = reader.readDistinctEvents(r -> dossierId.equals(r.key()), 3,
                    Duration.ofSeconds(20));
            assertThat(events).extracting(r -> (String) JsonPath.read(r.value(), "$.type")).containsExactly(
                    "portal.questionnaire.assigned", "portal.questionnaire.completed", "portal.questionnaire.assigned");
            events.forEach(event -> assertThat(EventContracts.violations(event.value())).isEmpty());
            assertThat((String) JsonPath.read(events.get(1).value(), "$.data.pdfDocumentId")).isEqualTo(pdfId);
            assertThat((String) JsonPath.read(events.get(2).value(), "$.data.assignmentId")).isEqualTo(marker);
            assertThat(events.get(0).value()).doesNotContain("Aankoop woning");
            assertThat(events.get(1).value()).doesNotContain("NL91ABNA0417164300");
        }
    }

    @Test
    void anAnswerWithACharacterNoDocumentCanHoldIsRefusedNamingTheQuestion() throws Exception {
        publishDemo();
        String assignmentId = send(dossierOf(ANNA), ANNA.email(), null);

        // U+FFFF and surrogates without their pair: JSON carries them, the XHTML of the PDF cannot
        for (String refused : List.of("\\uffff", "\\ud800", "\\udc00")) {
            savePage(ANNA, assignmentId, "tot-slot", "{\"volmacht\":false,\"opmerkingen\":\"a" + refused + "b\"}")
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors.length()").value(1))
                    .andExpect(jsonPath("$.errors[0].field").value("opmerkingen"))
                    .andExpect(jsonPath("$.errors[0].code").value("characters"))
                    .andExpect(jsonPath("$.detail").value(startsWith("opmerkingen contains a character")));
        }
        // a control character too; the rule for text in request bodies may meet it first ("answers.opmerkingen")
        savePage(ANNA, assignmentId, "tot-slot", """
                {"volmacht":false,"opmerkingen":"a\\u0001b"}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value(endsWith("opmerkingen")));
        mvc.perform(get("/api/questionnaires/assignments/{id}", assignmentId).with(ANNA.token()))
                .andExpect(jsonPath("$.answers.tot-slot").doesNotExist());
    }

    @Test
    void answersSavedBeforeCharactersWereCheckedCompleteAndTheTitleMakesAWholeFileName() throws Exception {
        String key = "koop-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/api/staff/questionnaires").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"key":"%s","title":"Koop: \\"woning\\" a/b Één","pages":[{"id":"vragen","title":"Vragen",
                          "questions":[{"id":"opmerkingen","type":"longText","label":"Opmerkingen"}]}]}""".formatted(key)))
                .andExpect(status().isCreated());
        String dossierId = dossierOf(ANNA);
        String assignmentId = JsonPath.read(mvc.perform(post("/api/staff/dossiers/{id}/questionnaires", dossierId)
                        .with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"questionnaire\":\"%s\",\"recipient\":\"anna@example.com\"}".formatted(key)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        savePage(ANNA, assignmentId, "vragen", "{\"opmerkingen\":\"ab\"}").andExpect(status().isOk());
        // as an answer saved before such characters were refused
        mongo.updateFirst(query(where("_id").is(assignmentId)),
                new Update().set("answers.vragen.opmerkingen", "a\u0001b\uffff"), Assignment.class);

        int uploadsBefore = uploads.files().size();
        complete(ANNA, assignmentId).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPLETED"));

        UploadsStub.StoredFile file = uploads.files().get(uploadsBefore);
        assertThat(file.dossierId()).isEqualTo(dossierId);
        assertThat(file.fileName()).isEqualTo("Vragenlijst Koop woning a-b Één.pdf");
        try (PDDocument pdf = Loader.loadPDF(file.content())) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("Koop: \"woning\" a/b Één", "Opmerkingen", "ab");
        }
    }

    @Test
    void onlyTheRecipientSeesTheQuestionnaire() throws Exception {
        publishDemo();
        String dossierId = dossierOf(ANNA, BOB);
        String assignmentId = send(dossierId, ANNA.email(), null);

        for (TestCaller other : List.of(BOB, PIET)) {
            mvc.perform(get("/api/questionnaires/assignments/{id}", assignmentId).with(other.token()))
                    .andExpect(status().isNotFound());
            savePage(other, assignmentId, "persoonlijk", Fixtures.PERSONAL).andExpect(status().isNotFound());
            complete(other, assignmentId).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/questionnaires/assignments/{id}", "no-such-id").with(ANNA.token()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/staff/dossiers/{id}/questionnaires", dossierId).with(ANNA.token()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/actions")).andExpect(status().isUnauthorized());
    }

    @Test
    void homeCountsOnlyTheCallersOpenQuestionnaires() throws Exception {
        publishDemo();
        String dossierId = dossierOf(BOB, JANSEN_BV);
        long bobBefore = open(BOB);
        long jansenBefore = open(JANSEN_BV);
        send(dossierId, BOB.email(), null);
        send(dossierId, BOB.email(), "2099-12-31");
        send(dossierId, JANSEN_BV.email(), null);

        assertThat(open(BOB)).isEqualTo(bobBefore + 2);
        assertThat(open(JANSEN_BV)).isEqualTo(jansenBefore + 1);
        assertThat(open(PIET)).as("another account of the company").isZero();

        List<IndexInfo> indexes = mongo.indexOps(Assignment.class).getIndexInfo();
        assertThat(indexes).anySatisfy(index -> assertThat(index.getIndexFields()).extracting(f -> f.getKey())
                .startsWith("accountId", "status"));
        assertThat(indexes).anySatisfy(index -> assertThat(index.getIndexFields()).extracting(f -> f.getKey())
                .startsWith("dossierId"));
    }

    @Test
    void theOfficeIsToldWhatIsWrongWithASending() throws Exception {
        publishDemo();
        String dossierId = dossierOf(ANNA);
        String[][] wrong = {
                { "{\"questionnaire\":\"aankoop-woning\",\"recipient\":\"bob@example.com\"}", "recipient" },
                { "{\"questionnaire\":\"testament\",\"recipient\":\"anna@example.com\"}", "questionnaire" },
                { "{\"recipient\":\"anna@example.com\"}", "questionnaire" },
                { "{\"questionnaire\":\"aankoop-woning\",\"recipient\":\"anna@example.com\",\"dueDate\":\"2020-01-01\"}", "dueDate" },
                { "{\"questionnaire\":\"aankoop-woning\",\"recipient\":\"anna@example.com\",\"dueDate\":\"morgen\"}", "dueDate" } };
        for (String[] body : wrong) {
            mvc.perform(post("/api/staff/dossiers/{id}/questionnaires", dossierId).with(STAFF.token())
                            .contentType(MediaType.APPLICATION_JSON).content(body[0]))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(body[1]));
        }
        mvc.perform(post("/api/staff/dossiers/{id}/questionnaires", "dos-unknown").with(STAFF.token())
                        .contentType(MediaType.APPLICATION_JSON).content(wrong[0][0]))
                .andExpect(status().isNotFound());
    }

    @Test
    void aWrongDefinitionIsRefusedNamingThePlace() throws Exception {
        String demo = Files.readString(Fixtures.AANKOOP_WONING);
        mvc.perform(post("/api/staff/questionnaires").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content(demo.replace("\"format\": \"iban\"", "\"format\": \"rekeningnummer\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("pages[2].questions[4].format"));
        mvc.perform(post("/api/staff/questionnaires").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content(demo.replace("\"type\": \"amount\", \"label\": \"Koopsom\"", "\"type\": \"money\", \"label\": \"Koopsom\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("pages[1].questions[3].type"));
        mvc.perform(post("/api/staff/questionnaires").with(ANNA.token()).contentType(MediaType.APPLICATION_JSON)
                .content(demo)).andExpect(status().isForbidden());
    }

    @Test
    void aNewVersionNeverChangesWhatWasSent() throws Exception {
        String key = "testament-" + UUID.randomUUID().toString().substring(0, 8);
        String v1 = """
                {"key":"%s","title":"Testament","pages":[{"id":"erven","title":"Erfgenamen","questions":[
                  {"id":"erfgenamen","type":"group","label":"Erfgenamen","itemLabel":"Erfgenaam","minItems":1,
                   "questions":[{"id":"naam","type":"shortText","label":"Naam","required":true}]}]}]}""".formatted(key);
        mvc.perform(post("/api/staff/questionnaires").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                .content(v1)).andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(1));
        String dossierId = dossierOf(ANNA);
        String sent = JsonPath.read(mvc.perform(post("/api/staff/dossiers/{id}/questionnaires", dossierId)
                        .with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"questionnaire\":\"%s\",\"recipient\":\"anna@example.com\"}".formatted(key)))
                .andReturn().getResponse().getContentAsString(), "$.id");

        mvc.perform(post("/api/staff/questionnaires").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content(v1.replace("\"title\":\"Erfgenamen\"", "\"title\":\"Uw erfgenamen\"")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(2));

        mvc.perform(get("/api/questionnaires/assignments/{id}", sent).with(ANNA.token()))
                .andExpect(jsonPath("$.pages[0].title").value("Erfgenamen"));
        mvc.perform(get("/api/staff/assignments/{id}", sent).with(STAFF.token()))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(get("/api/staff/questionnaires/{key}", key).with(STAFF.token()))
                .andExpect(jsonPath("$.version").value(2));
        savePage(ANNA, sent, "erven", "{\"erfgenamen\":[]}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("erfgenamen"))
                .andExpect(jsonPath("$.errors[0].code").value("minItems"));
        mvc.perform(get("/api/staff/assignments/{id}/answers", sent).with(STAFF.token()))
                .andExpect(status().isConflict());
    }

    /**
     * Uploading a definition and sending a questionnaire are each one record on portal.staff-actions.v1
     * (valid against the contract, without title or answers); the client filling it in and completing
     * it records nothing: the dossier's records share a partition, so a record of the completion would
     * come before the one of the questionnaire sent after it.
     */
    @Test
    void eachStaffActionIsOneRecordAndTheClientsAnswersAndCompletionNone() throws Exception {
        String key = "akte-" + UUID.randomUUID().toString().substring(0, 8);
        String definition = JsonPath.read(mvc.perform(post("/api/staff/questionnaires").with(STAFF.token())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"key":"%s","title":"Geheime vragenlijst","pages":[{"id":"vragen","title":"Vragen",
                          "questions":[{"id":"opmerkingen","type":"longText","label":"Opmerkingen"}]}]}""".formatted(key)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.key") + ":1";
        String dossierId = dossierOf(ANNA);
        String first = sendAs(STAFF, dossierId, key);
        savePage(ANNA, first, "vragen", "{\"opmerkingen\":\"mijn geheime antwoord\"}").andExpect(status().isOk());
        complete(ANNA, first).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("COMPLETED"));
        try (TopicReader reader = new TopicReader(QuestionnaireTopics.TOPIC)) {
            assertThat(reader.readUntil(r -> r.value().contains(first) && r.value().contains("completed"), 1,
                    Duration.ofSeconds(20))).hasSize(1);
        }
        TestCaller notaris = new TestCaller("s2-notaris", "notaris@example.com", "Mr. J. de Notaris", null, null,
                List.of("staff"));
        String second = sendAs(notaris, dossierId, key);

        try (TopicReader reader = new TopicReader(QuestionnaireTopics.STAFF_ACTIONS)) {
            List<String> sent = reader.readDistinctEvents(r -> dossierId.equals(r.key()), 2, Duration.ofSeconds(20),
                    Duration.ofSeconds(3)).stream().map(ConsumerRecord::value).toList();
            assertThat(sent).extracting(r -> (String) JsonPath.read(r, "$.data.objectId")).containsExactly(first, second);
            assertThat(sent).extracting(r -> (String) JsonPath.read(r, "$.data.actorId"))
                    .containsExactly(STAFF.accountId(), notaris.accountId());
            assertThat(sent).allSatisfy(r -> {
                assertThat(EventContracts.violations(r)).isEmpty();
                assertThat((String) JsonPath.read(r, "$.data.action")).isEqualTo("QUESTIONNAIRE_SENT");
                assertThat((String) JsonPath.read(r, "$.data.objectType")).isEqualTo("QUESTIONNAIRE_ASSIGNMENT");
                assertThat((String) JsonPath.read(r, "$.data.dossierId")).isEqualTo(dossierId);
                assertThat(r).doesNotContain("Geheime").doesNotContain("geheime").doesNotContain("anna@example.com");
            });
        }
        try (TopicReader reader = new TopicReader(QuestionnaireTopics.STAFF_ACTIONS)) {
            List<String> uploaded = reader.readDistinctEvents(r -> definition.equals(r.key()), 1, Duration.ofSeconds(20),
                    Duration.ofSeconds(3)).stream().map(ConsumerRecord::value).toList();
            assertThat(uploaded).as("one record for one upload").hasSize(1);
            String record = uploaded.get(0);
            assertThat(EventContracts.violations(record)).isEmpty();
            assertThat((String) JsonPath.read(record, "$.data.action")).isEqualTo("QUESTIONNAIRE_DEFINITION_UPLOADED");
            assertThat((String) JsonPath.read(record, "$.data.objectType")).isEqualTo("QUESTIONNAIRE_DEFINITION");
            assertThat((String) JsonPath.read(record, "$.data.objectId")).isEqualTo(definition);
            assertThat((String) JsonPath.read(record, "$.data.actorName")).isEqualTo(STAFF.name());
            assertThat((Object) JsonPath.read(record, "$.data.dossierId")).isNull();
            assertThat(record).doesNotContain("Geheime");
        }
    }

    String sendAs(TestCaller staff, String dossierId, String key) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/staff/dossiers/{id}/questionnaires", dossierId)
                        .with(staff.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"questionnaire\":\"%s\",\"recipient\":\"anna@example.com\"}".formatted(key)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
    }

    long open(TestCaller caller) throws Exception {
        return ((Number) JsonPath.read(mvc.perform(get("/api/actions/summary").with(caller.token()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.open")).longValue();
    }
}
