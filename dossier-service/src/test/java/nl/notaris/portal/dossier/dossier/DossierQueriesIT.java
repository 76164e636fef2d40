package nl.notaris.portal.dossier.dossier;

import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.dossier.TestAccounts;
import nl.notaris.portal.dossier.events.DossierTopics;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;
import nl.notaris.portal.testsupport.TestCaller;

/** The list, search, filter and summary queries of the client's pages, and the indexes behind them. */
@ServiceIntegrationTest
@Import(TestAccounts.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierQueriesIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;

    final String prefix = "Q" + UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    void dossiersOfOneClient() throws Exception {
        // Bob's dossiers are this test's alone (other tests may have made him a party)
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(
                org.springframework.data.mongodb.core.query.Criteria.where("accessKeys").is("account:" + TestCaller.BOB.accountId())),
                Dossier.class);
        String[][] dossiers = { { "-001", "Aankoop woning (Dorpsstraat 12)", "IN_PROGRESS" },
                { "-002", "Testament a.b*c", "IN_PROGRESS" }, { "-003", "Huwelijkse voorwaarden", "COMPLETED" },
                { "-004", "Oprichting holding", "ON_HOLD" } };
        for (String[] d : dossiers) {
            String body = "{\"number\":\"%s\",\"description\":\"%s\",\"status\":\"%s\",\"parties\":[\"bob@example.com\"]}"
                    .formatted(prefix + d[0], d[1], d[2]);
            mvc.perform(post("/api/staff/dossiers").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                    .content(body)).andExpect(status().isCreated());
        }
    }

    @Test
    void withoutAFilterOnlyDossiersInProgressNewestNumberFirst() throws Exception {
        mvc.perform(get("/api/dossiers").with(TestCaller.BOB.token()))
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[0].number").value(prefix + "-002"))
                .andExpect(jsonPath("$.items[1].number").value(prefix + "-001"));
    }

    @Test
    void statusFilterAddsOtherStatuses() throws Exception {
        mvc.perform(get("/api/dossiers").param("status", "IN_PROGRESS").param("status", "COMPLETED")
                        .with(TestCaller.BOB.token()))
                .andExpect(jsonPath("$.totalItems").value(3));
        mvc.perform(get("/api/dossiers").param("status", "ON_HOLD").with(TestCaller.BOB.token()))
                .andExpect(jsonPath("$.items[0].description").value("Oprichting holding"));
        mvc.perform(get("/api/dossiers").param("status", "LOST").with(TestCaller.BOB.token()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void searchMatchesPartOfTheDescriptionOrTheNumberCaseInsensitivelyAndLiterally() throws Exception {
        mvc.perform(get("/api/dossiers").param("query", "dorpsSTRAAT").with(TestCaller.BOB.token()))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].number").value(prefix + "-001"));
        mvc.perform(get("/api/dossiers").param("query", prefix.toLowerCase() + "-002").with(TestCaller.BOB.token()))
                .andExpect(jsonPath("$.totalItems").value(1));
        mvc.perform(get("/api/dossiers").param("query", "a.b*c").with(TestCaller.BOB.token()))
                .andExpect(jsonPath("$.totalItems").value(1));
        mvc.perform(get("/api/dossiers").param("query", "(dorps").with(TestCaller.BOB.token()))
                .andExpect(jsonPath("$.totalItems").value(1));
        mvc.perform(get("/api/dossiers").param("query", ".*").with(TestCaller.BOB.token()))
                .andExpect(jsonPath("$.totalItems").value(0));
    }

    @Test
    void pagesAreBoundedAndCounted() throws Exception {
        mvc.perform(get("/api/dossiers").param("status", "IN_PROGRESS,COMPLETED,ON_HOLD").param("size", "3")
                        .param("page", "1").with(TestCaller.BOB.token()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.totalPages").value(2));
        mvc.perform(get("/api/dossiers").param("size", "1000").with(TestCaller.BOB.token()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void summaryCountsInProgressAndAllAndNamesTheStatusesTheClientHas() throws Exception {
        mvc.perform(get("/api/dossiers/summary").with(TestCaller.BOB.token()))
                .andExpect(jsonPath("$.inProgress").value(2))
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.statuses.length()").value(3));
        TestCaller newcomer = new TestCaller("new-" + UUID.randomUUID(), "new@example.com", "New", "PERSON", null,
                List.of("client"));
        mvc.perform(get("/api/dossiers/summary").with(newcomer.token()))
                .andExpect(jsonPath("$.inProgress").value(0))
                .andExpect(jsonPath("$.total").value(0))
                .andExpect(jsonPath("$.statuses").isEmpty());
    }

    @Test
    void countsPerStatusTellOfMatchesTheFilterHides() throws Exception {
        mvc.perform(get("/api/dossiers/counts").param("query", "VOORWAARDEN").with(TestCaller.BOB.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$.COMPLETED").value(1));
        mvc.perform(get("/api/dossiers/counts").param("query", prefix).with(TestCaller.BOB.token()))
                .andExpect(jsonPath("$.IN_PROGRESS").value(2))
                .andExpect(jsonPath("$.COMPLETED").value(1))
                .andExpect(jsonPath("$.ON_HOLD").value(1));
        // another client's dossiers are not counted
        mvc.perform(get("/api/dossiers/counts").param("query", prefix).with(TestCaller.ANNA.token()))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/dossiers/counts").param("query", "nergens").with(TestCaller.BOB.token()))
                .andExpect(jsonPath("$.length()").value(0));
    }

    /**
     * By number unless asked otherwise; with sort=lastActivity the dossier where something happened
     * last comes first: here a document published in the oldest one, through the documents topic.
     */
    @Test
    void sortedByLastActivityOnRequestAfterADocumentWasPublished() throws Exception {
        String oldest = idOf(prefix + "-001");
        String published = EventContracts.example("portal.document.published").forDossier(oldest)
                .with("data.publishedAt", Instant.now().plusSeconds(3600).toString()).json();
        kafka.send(DossierTopics.DOCUMENTS, oldest, published).get();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/dossiers")
                        .param("sort", "lastActivity").with(TestCaller.BOB.token()))
                .andExpect(jsonPath("$.items[0].number").value(prefix + "-001"))
                .andExpect(jsonPath("$.items[1].number").value(prefix + "-002")));
        mvc.perform(get("/api/dossiers").with(TestCaller.BOB.token()))
                .andExpect(jsonPath("$.items[0].number").value(prefix + "-002"))
                .andExpect(jsonPath("$.items[0].lastActivityAt").isNotEmpty());
        mvc.perform(get("/api/dossiers").param("sort", "newest").with(TestCaller.BOB.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sort"));
    }

    @Test
    void staffFindDossiersByNumber() throws Exception {
        String response = mvc.perform(get("/api/staff/dossiers").param("query", prefix + "-003").with(STAFF.token()))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(response, "$.items[0].id");
        mvc.perform(patch("/api/staff/dossiers/{id}", id).with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"NOPE\"}")).andExpect(status().isBadRequest());
    }

    /**
     * Every query of the client's pages is served by an index: the list (and the summary's match)
     * filter on accessKeys and status and sort by number, which is the {@code client_list} index; a
     * dossier is read by _id; a number is checked by the unique number index. Where the server can
     * explain a query (real MongoDB) the plan must use that index; the wire-protocol server used
     * without Docker has no explain, so there the query's filter and sort must be the index's
     * leading fields.
     */
    @Test
    void everyQueryOfThePagesUsesAnIndex() {
        List<Document> indexes = mongo.getCollection("dossiers").listIndexes().into(new java.util.ArrayList<>());
        assertThat(indexes).filteredOn(index -> index.get("key", Document.class).keySet().equals(java.util.Set.of("number")))
                .singleElement().satisfies(index -> assertThat(index.getBoolean("unique")).isTrue());

        var listQuery = DossierSearch.callerQuery(List.of("account:x"),
                java.util.EnumSet.of(DossierStatus.IN_PROGRESS, DossierStatus.COMPLETED), "dorps").with(DossierSearch.NEWEST_NUMBER_FIRST);
        List<String> clientList = keysOf(indexes, "client_list");
        List<String> filterAndSort = new java.util.ArrayList<>(listQuery.getQueryObject().keySet());
        filterAndSort.remove("searchText");
        filterAndSort.addAll(listQuery.getSortObject().keySet());
        assertThat(clientList).as("client_list index").startsWith(filterAndSort.toArray(String[]::new));

        Document plan = explain(listQuery.getQueryObject(), listQuery.getSortObject());
        if (plan != null) {
            assertThat(plan.toJson()).contains("IXSCAN").contains("client_list").doesNotContain("COLLSCAN");
        }

        var byActivity = DossierSearch.callerQuery(List.of("account:x"),
                java.util.EnumSet.of(DossierStatus.IN_PROGRESS), null)
                .with(DossierSearch.ClientOrder.LAST_ACTIVITY.sort());
        List<String> activityFilterAndSort = new java.util.ArrayList<>(byActivity.getQueryObject().keySet());
        activityFilterAndSort.addAll(byActivity.getSortObject().keySet());
        assertThat(keysOf(indexes, "client_activity")).as("client_activity index").isEqualTo(activityFilterAndSort);
        Document activityPlan = explain(byActivity.getQueryObject(), byActivity.getSortObject());
        if (activityPlan != null) {
            assertThat(activityPlan.toJson()).contains("IXSCAN").contains("client_activity").doesNotContain("COLLSCAN");
        }
    }

    private String idOf(String number) throws Exception {
        String body = mvc.perform(get("/api/staff/dossiers").param("query", number).with(STAFF.token()))
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.items[0].id");
    }

    private static List<String> keysOf(List<Document> indexes, String name) {
        return indexes.stream().filter(index -> name.equals(index.getString("name")))
                .map(index -> List.copyOf(index.get("key", Document.class).keySet())).findFirst()
                .orElseThrow(() -> new AssertionError("no index " + name + " in " + indexes));
    }

    /** The query plan, or null where the server has no explain command. */
    private Document explain(Document filter, Document sort) {
        try {
            return mongo.getDb().runCommand(new Document("explain",
                    new Document("find", "dossiers").append("filter", filter).append("sort", sort)));
        } catch (com.mongodb.MongoCommandException e) {
            if (e.getErrorCode() == 59) {
                return null;
            }
            throw e;
        }
    }
}
