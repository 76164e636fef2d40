package nl.notaris.portal.dossier.dossier;

import static nl.notaris.portal.dossier.TestAccounts.ZOE;
import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.BOB;
import static nl.notaris.portal.testsupport.TestCaller.JANSEN_BV;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.dossier.TestAccounts;
import nl.notaris.portal.dossier.dossier.DossierSearch.StaffOrder;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;
import nl.notaris.portal.testsupport.TestCaller;

/**
 * The office's "Dossiers" list ({@code GET /api/staff/dossiers}): search by number, description,
 * party name and e-mail address, status filter, the two orders, its errors, and the indexes behind
 * it. Other tests add dossiers to the same database, so every query here is narrowed to this class's
 * own dossiers: by their number prefix, or by Zoë, a party that only this class uses.
 */
@ServiceIntegrationTest
@Import(TestAccounts.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffDossierListIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;

    final String prefix = "S" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();

    /**
     * Four dossiers whose number order (004, 003, 002, 001) and last-activity order (001, 003, 004,
     * 002) differ from each other and from the order they were made in.
     */
    @BeforeAll
    void dossiersOfSeveralParties() throws Exception {
        create(prefix + "-001", "Levering appartement", "IN_PROGRESS", ZOE);
        create(prefix + "-002", "Testament", "ON_HOLD", ANNA);
        create(prefix + "-003", "Oprichting holding", "COMPLETED", JANSEN_BV);
        create(prefix + "-004", "Schenking", "IN_PROGRESS", BOB);
        lastActivity(prefix + "-001", "2020-01-04T10:00:00Z");
        lastActivity(prefix + "-002", "2020-01-01T10:00:00Z");
        lastActivity(prefix + "-003", "2020-01-03T10:00:00Z");
        lastActivity(prefix + "-004", "2020-01-02T10:00:00Z");
    }

    @Test
    void searchFindsADossierByAPartysNameCaseInsensitively() throws Exception {
        list(get("/api/staff/dossiers").param("query", "ZOË zoekm"))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].number").value(prefix + "-001"))
                .andExpect(jsonPath("$.items[0].parties[0]").value(ZOE.email()))
                .andExpect(jsonPath("$.items[0].partyDetails[0].name").value("Zoë Zoekmans"))
                .andExpect(jsonPath("$.items[0].partyDetails[0].email").value(ZOE.email()))
                .andExpect(jsonPath("$.items[0].partyDetails[0].accountType").value("PERSON"))
                .andExpect(jsonPath("$.items[0].partyDetails[0].accountId").value(ZOE.accountId()));
    }

    @Test
    void searchFindsADossierByAPartysEmailAddress() throws Exception {
        list(get("/api/staff/dossiers").param("query", "Zoe.Zoekmans@Example"))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].number").value(prefix + "-001"));
    }

    @Test
    void searchFindsADossierByItsNumberOrAPartOfIt() throws Exception {
        list(get("/api/staff/dossiers").param("query", prefix.toLowerCase() + "-003"))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].description").value("Oprichting holding"))
                .andExpect(jsonPath("$.items[0].partyDetails[0].name").value(JANSEN_BV.name()));
        list(get("/api/staff/dossiers").param("query", prefix + "-00"))
                .andExpect(jsonPath("$.totalItems").value(4));
        // literal: a regular expression's characters match themselves only
        list(get("/api/staff/dossiers").param("query", prefix + "-00."))
                .andExpect(jsonPath("$.totalItems").value(0));
    }

    @Test
    void statusFilterKeepsTheAskedStatusesOnly() throws Exception {
        list(get("/api/staff/dossiers").param("query", prefix).param("status", "ON_HOLD"))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].number").value(prefix + "-002"));
        assertThat(numbers(get("/api/staff/dossiers").param("query", prefix).param("status", "IN_PROGRESS")
                .param("status", "COMPLETED"))).containsExactlyInAnyOrder(prefix + "-001", prefix + "-003", prefix + "-004");
        assertThat(numbers(get("/api/staff/dossiers").param("query", prefix).param("status", "in_progress,completed")))
                .containsExactlyInAnyOrder(prefix + "-001", prefix + "-003", prefix + "-004");
        list(get("/api/staff/dossiers").param("query", prefix).param("status", "CANCELLED"))
                .andExpect(jsonPath("$.totalItems").value(0));
    }

    @Test
    void withoutAStatusFilterTheListHoldsEveryStatus() throws Exception {
        list(get("/api/staff/dossiers").param("query", prefix)).andExpect(jsonPath("$.totalItems").value(4));
    }

    @Test
    void theListIsOrderedByLastActivityUnlessNumberIsAsked() throws Exception {
        List<String> byActivity = List.of(prefix + "-001", prefix + "-003", prefix + "-004", prefix + "-002");
        assertThat(numbers(get("/api/staff/dossiers").param("query", prefix))).as("default").isEqualTo(byActivity);
        assertThat(numbers(get("/api/staff/dossiers").param("query", prefix).param("sort", "lastActivity")))
                .isEqualTo(byActivity);
        assertThat(numbers(get("/api/staff/dossiers").param("query", prefix).param("sort", "number")))
                .isEqualTo(List.of(prefix + "-004", prefix + "-003", prefix + "-002", prefix + "-001"));
        list(get("/api/staff/dossiers").param("query", prefix).param("size", "1"))
                .andExpect(jsonPath("$.items[0].lastActivityAt").value("2020-01-04T10:00:00Z"))
                .andExpect(jsonPath("$.items[0].updatedAt").value("2020-01-04T10:00:00Z"));
        // the order holds across pages
        list(get("/api/staff/dossiers").param("query", prefix).param("size", "2").param("page", "1"))
                .andExpect(jsonPath("$.items[0].number").value(prefix + "-004"))
                .andExpect(jsonPath("$.items[1].number").value(prefix + "-002"))
                .andExpect(jsonPath("$.totalPages").value(2));
    }

    @Test
    void aChangeMovesADossierToTheTopOfTheLastActivityOrder() throws Exception {
        String own = "R" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String older = create(own + "-1", "Eerste", "IN_PROGRESS", ANNA);
        create(own + "-2", "Tweede", "IN_PROGRESS", ANNA);
        lastActivity(own + "-1", "2020-01-01T10:00:00Z");
        lastActivity(own + "-2", "2020-01-02T10:00:00Z");
        assertThat(numbers(get("/api/staff/dossiers").param("query", own))).containsExactly(own + "-2", own + "-1");

        mvc.perform(patch("/api/staff/dossiers/{id}", older).with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"status\":\"ON_HOLD\"}")).andExpect(status().isOk());

        assertThat(numbers(get("/api/staff/dossiers").param("query", own))).containsExactly(own + "-1", own + "-2");
    }

    @Test
    void anUnknownStatusIsA400ProblemNamingTheAcceptedValues() throws Exception {
        mvc.perform(get("/api/staff/dossiers").param("status", "SLEEPING").with(STAFF.token()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.detail").value(containsString("Unknown status 'SLEEPING'")))
                .andExpect(jsonPath("$.detail").value(containsString("IN_PROGRESS, ON_HOLD, COMPLETED, CANCELLED")));
    }

    @Test
    void anUnknownSortIsA400ProblemNamingTheAcceptedValues() throws Exception {
        mvc.perform(get("/api/staff/dossiers").param("sort", "updatedAt").with(STAFF.token()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value("sort"))
                .andExpect(jsonPath("$.detail").value("Unknown sort 'updatedAt'. Use one of: lastActivity, number."));
    }

    @Test
    void aClientTokenIsRefusedWith403() throws Exception {
        mvc.perform(get("/api/staff/dossiers").param("query", "zoekmans").with(ZOE.token()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
    }

    /**
     * Each staff query's filter (less the search text) and sort are the leading fields of the index
     * the class javadoc of {@link DossierSearch} names for it; where the server explains a query
     * (MongoDB), the plan scans that index and no collection.
     */
    @Test
    void everyStaffQueryHasItsIndex() {
        List<Document> indexes = mongo.getCollection("dossiers").listIndexes().into(new ArrayList<>());
        Set<DossierStatus> some = EnumSet.of(DossierStatus.IN_PROGRESS, DossierStatus.ON_HOLD);
        Set<DossierStatus> none = EnumSet.noneOf(DossierStatus.class);
        record Case(Set<DossierStatus> statuses, StaffOrder order, String index) {
        }
        for (Case c : List.of(new Case(none, StaffOrder.LAST_ACTIVITY, "staff_activity"),
                new Case(some, StaffOrder.LAST_ACTIVITY, "staff_status_activity"),
                new Case(none, StaffOrder.NUMBER, "number"),
                new Case(some, StaffOrder.NUMBER, "staff_status_number"))) {
            for (String text : new String[] { null, "zoek" }) {
                Query query = DossierSearch.staffQuery(text, c.statuses()).with(c.order().sort());
                List<String> filterAndSort = new ArrayList<>(query.getQueryObject().keySet());
                filterAndSort.remove("searchText");
                filterAndSort.addAll(query.getSortObject().keySet());
                assertThat(keysOf(indexes, c.index())).as(c.toString()).startsWith(filterAndSort.toArray(String[]::new));

                Document plan = explain(query.getQueryObject(), query.getSortObject());
                if (plan != null) {
                    assertThat(plan.toJson()).as(c.toString()).contains("IXSCAN").contains("\"" + c.index() + "\"")
                            .doesNotContain("COLLSCAN");
                }
            }
        }
    }

    private String create(String number, String description, String status, TestCaller party) throws Exception {
        String body = "{\"number\":\"%s\",\"description\":\"%s\",\"status\":\"%s\",\"parties\":[\"%s\"]}"
                .formatted(number, description, status, party.email());
        String response = mvc.perform(post("/api/staff/dossiers").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    /** Sets a dossier's last activity, which a change through the API would set to now. */
    private void lastActivity(String number, String instant) {
        assertThat(mongo.updateFirst(Query.query(where("number").is(number)),
                Update.update("updatedAt", Instant.parse(instant)), Dossier.class).getModifiedCount()).isEqualTo(1);
    }

    private ResultActions list(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(STAFF.token())).andExpect(status().isOk());
    }

    private List<String> numbers(MockHttpServletRequestBuilder request) throws Exception {
        String response = list(request).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.items[*].number");
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
