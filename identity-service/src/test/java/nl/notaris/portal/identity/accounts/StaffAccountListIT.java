package nl.notaris.portal.identity.accounts;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.identity.IdentityIntegrationTest;
import nl.notaris.portal.testsupport.TestCaller;

/**
 * The office's "Cliënten" list ({@code GET /api/staff/accounts}): search by name, e-mail address and
 * company name, the state, type and company filters, paging and order, its errors, the indexes behind
 * it, and accounts stored before the list existed. Other tests add accounts to the same database, so
 * every query here is narrowed to this class's own accounts: their names and addresses hold
 * {@link #tag}, and their company ids are new.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffAccountListIT extends IdentityIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    AccountListBackfill backfill;

    final String tag = UUID.randomUUID().toString().substring(0, 8);
    String noor;
    String sem;
    String eva;
    String tim;
    String lars;
    String bakkerij;

    /**
     * Five accounts: two persons (Sem active), a company's main and extra account, and another
     * company's main account; their last changes are set so that the list's order (Lars, Tim, Eva,
     * Sem, Noor) differs from the order they were made in.
     */
    @BeforeAll
    void accountsOfEveryType() throws Exception {
        noor = invite("PERSON", null, "noor." + tag + "@example.com", "Noor", "Bakker-" + tag);
        sem = invite("PERSON", null, "sem+notaris." + tag + "@example.com", "Sem", "Visser-" + tag);
        eva = invite("COMPANY", "Bakkerij (Proef) " + tag + " B.V.", "eva." + tag + "@example.com", "Eva", "Smit-" + tag);
        bakkerij = companyIdOf(eva);
        TestCaller main = new TestCaller(eva, "eva." + tag + "@example.com", "Eva Smit", "COMPANY_MAIN", bakkerij,
                List.of("client", "company-admin"));
        tim = id(mvc.perform(post("/api/me/accounts").with(main.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"tim.%s@example.com\",\"firstName\":\"Tim\",\"lastName\":\"Mol-%s\"}"
                                .formatted(tag, tag)))
                .andExpect(status().isCreated()));
        lars = invite("COMPANY", "Anders " + tag + " B.V.", "lars." + tag + "@example.com", "Lars", "Dijk-" + tag);

        keycloak.passwordSet(sem);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(get("/api/staff/accounts/{id}", sem)
                .with(STAFF.token())).andExpect(jsonPath("$.state").value("ACTIVE")));

        lastChange(noor, "2020-01-01T10:00:00Z");
        lastChange(sem, "2020-01-02T10:00:00Z");
        lastChange(eva, "2020-01-03T10:00:00Z");
        lastChange(tim, "2020-01-04T10:00:00Z");
        lastChange(lars, "2020-01-05T10:00:00Z");
    }

    @Test
    void searchFindsAnAccountByItsNameCaseInsensitively() throws Exception {
        list(get("/api/staff/accounts").param("query", "SEM VISSER-" + tag.toUpperCase()))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].id").value(sem))
                .andExpect(jsonPath("$.items[0].name").value("Sem Visser-" + tag));
    }

    @Test
    void searchFindsAnAccountByItsEmailAddress() throws Exception {
        list(get("/api/staff/accounts").param("query", "Noor." + tag + "@Example"))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].id").value(noor));
    }

    @Test
    void searchFindsACompanysAccountsByTheCompanyName() throws Exception {
        assertThat(ids(get("/api/staff/accounts").param("query", "bakkerij (proef) " + tag)))
                .containsExactly(tim, eva);
    }

    /** As regular expressions these would match other text ({@code m+n}, {@code n.or}, a group), or fail ({@code [}). */
    @Test
    void regularExpressionCharactersMatchThemselvesOnly() throws Exception {
        assertThat(ids(get("/api/staff/accounts").param("query", "sem+notaris." + tag))).containsExactly(sem);
        assertThat(ids(get("/api/staff/accounts").param("query", "(Proef) " + tag))).containsExactly(tim, eva);
        assertThat(ids(get("/api/staff/accounts").param("query", "n.or." + tag))).isEmpty();
        assertThat(ids(get("/api/staff/accounts").param("query", "noor." + tag))).containsExactly(noor);
        for (String special : new String[] { "[", "(", "*", "\\", "^" + tag, ".*" + tag }) {
            list(get("/api/staff/accounts").param("query", special + tag)).andExpect(jsonPath("$.totalItems").value(0));
        }
    }

    @Test
    void stateFilterKeepsTheAskedStatesOnly() throws Exception {
        assertThat(ids(get("/api/staff/accounts").param("query", tag).param("state", "ACTIVE"))).containsExactly(sem);
        assertThat(ids(get("/api/staff/accounts").param("query", tag).param("state", "invited")))
                .containsExactly(lars, tim, eva, noor);
        assertThat(ids(get("/api/staff/accounts").param("query", tag).param("state", "ACTIVE")
                .param("state", "INVITED"))).hasSize(5);
        assertThat(ids(get("/api/staff/accounts").param("query", tag).param("state", "BLOCKED,REMOVED"))).isEmpty();
    }

    @Test
    void typeFilterKeepsTheAskedTypesOnly() throws Exception {
        assertThat(ids(get("/api/staff/accounts").param("query", tag).param("type", "COMPANY_EXTRA")))
                .containsExactly(tim);
        assertThat(ids(get("/api/staff/accounts").param("query", tag).param("type", "PERSON")))
                .containsExactly(sem, noor);
        assertThat(ids(get("/api/staff/accounts").param("query", tag).param("type", "company_main,COMPANY_EXTRA")))
                .containsExactly(lars, tim, eva);
        assertThat(ids(get("/api/staff/accounts").param("query", tag).param("type", "PERSON")
                .param("state", "ACTIVE"))).containsExactly(sem);
    }

    @Test
    void companyIdListsTheCompanysMainAndExtraAccounts() throws Exception {
        assertThat(ids(get("/api/staff/accounts").param("companyId", bakkerij))).containsExactly(tim, eva);
        assertThat(ids(get("/api/staff/accounts").param("companyId", bakkerij).param("type", "COMPANY_EXTRA")))
                .containsExactly(tim);
        assertThat(ids(get("/api/staff/accounts").param("companyId", "no-such-company"))).isEmpty();
    }

    @Test
    void theListIsOrderedByLastChangeAndPaged() throws Exception {
        assertThat(ids(get("/api/staff/accounts").param("query", tag))).containsExactly(lars, tim, eva, sem, noor);
        list(get("/api/staff/accounts").param("query", tag).param("size", "2"))
                .andExpect(jsonPath("$.totalItems").value(5)).andExpect(jsonPath("$.totalPages").value(3))
                .andExpect(jsonPath("$.page").value(0)).andExpect(jsonPath("$.size").value(2));
        assertThat(ids(get("/api/staff/accounts").param("query", tag).param("size", "2").param("page", "0")))
                .containsExactly(lars, tim);
        assertThat(ids(get("/api/staff/accounts").param("query", tag).param("size", "2").param("page", "1")))
                .containsExactly(eva, sem);
        assertThat(ids(get("/api/staff/accounts").param("query", tag).param("size", "2").param("page", "2")))
                .containsExactly(noor);
        assertThat(ids(get("/api/staff/accounts").param("query", tag).param("size", "2").param("page", "3"))).isEmpty();
    }

    @Test
    void anItemShowsTheAccountWithItsCompanyAndDates() throws Exception {
        list(get("/api/staff/accounts").param("query", "tim." + tag))
                .andExpect(jsonPath("$.items[0].id").value(tim))
                .andExpect(jsonPath("$.items[0].name").value("Tim Mol-" + tag))
                .andExpect(jsonPath("$.items[0].firstName").value("Tim"))
                .andExpect(jsonPath("$.items[0].lastName").value("Mol-" + tag))
                .andExpect(jsonPath("$.items[0].email").value("tim." + tag + "@example.com"))
                .andExpect(jsonPath("$.items[0].type").value("COMPANY_EXTRA"))
                .andExpect(jsonPath("$.items[0].state").value("INVITED"))
                .andExpect(jsonPath("$.items[0].companyId").value(bakkerij))
                .andExpect(jsonPath("$.items[0].companyName").value("Bakkerij (Proef) " + tag + " B.V."))
                .andExpect(jsonPath("$.items[0].updatedAt").value("2020-01-04T10:00:00Z"))
                .andExpect(jsonPath("$.items[0].createdAt").isNotEmpty())
                .andExpect(jsonPath("$.items[0].invitedAt").isNotEmpty())
                .andExpect(jsonPath("$.items[0].activatedAt").doesNotExist());
        list(get("/api/staff/accounts").param("query", "sem+notaris." + tag))
                .andExpect(jsonPath("$.items[0].state").value("ACTIVE"))
                .andExpect(jsonPath("$.items[0].activatedAt").isNotEmpty())
                .andExpect(jsonPath("$.items[0].companyName").doesNotExist());
    }

    @Test
    void aNewAccountAndAChangedOneComeFirst() throws Exception {
        String own = UUID.randomUUID().toString().substring(0, 8);
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String first = invite("PERSON", null, "een." + own + "@example.com", "Een", "Eerste-" + own);
        String second = invite("PERSON", null, "twee." + own + "@example.com", "Twee", "Tweede-" + own);
        Account stored = mongo.findById(first, Account.class);
        assertThat(stored.getCreatedAt()).isAfterOrEqualTo(before).isEqualTo(stored.getUpdatedAt());
        assertThat(mongo.findById(second, Account.class).getCreatedAt()).isAfterOrEqualTo(stored.getCreatedAt());
        // made in the same millisecond or not, the order is certain from here on
        lastChange(first, "2020-01-01T10:00:00Z");
        lastChange(second, "2020-01-02T10:00:00Z");
        assertThat(ids(get("/api/staff/accounts").param("query", own))).containsExactly(second, first);

        TestCaller firstCaller = new TestCaller(first, "een." + own + "@example.com", "Een", "PERSON", null,
                List.of("client"));
        mvc.perform(put("/api/me/notifications").with(firstCaller.token()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"documents\":false,\"questionnaires\":true,\"messages\":true}")).andExpect(status().isOk());

        assertThat(ids(get("/api/staff/accounts").param("query", own))).containsExactly(first, second);
        Account changed = mongo.findById(first, Account.class);
        assertThat(changed.getUpdatedAt()).isAfterOrEqualTo(before);
        assertThat(changed.getCreatedAt()).isEqualTo(stored.getCreatedAt());
    }

    @Test
    void anUnknownStateOrTypeIsA400ProblemNamingTheAcceptedValues() throws Exception {
        mvc.perform(get("/api/staff/accounts").param("state", "ACTIVE").param("state", "SLEEPING").with(STAFF.token()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.errors[0].field").value("state"))
                .andExpect(jsonPath("$.detail")
                        .value("Unknown state 'SLEEPING'. Use one of: INVITED, ACTIVE, BLOCKED, REMOVED."));
        mvc.perform(get("/api/staff/accounts").param("type", "COMPANY").with(STAFF.token()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("type"))
                .andExpect(jsonPath("$.detail")
                        .value("Unknown type 'COMPANY'. Use one of: PERSON, COMPANY_MAIN, COMPANY_EXTRA, ADVISER."));
        mvc.perform(get("/api/staff/accounts").param("size", "101").with(STAFF.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void aClientTokenIsRefusedWith403() throws Exception {
        mvc.perform(get("/api/staff/accounts").param("query", tag).with(ANNA.token()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(get("/api/staff/accounts").param("query", tag)).andExpect(status().isUnauthorized());
    }

    /** An account stored before the list existed has no search text and no dates of its own: start-up fills them. */
    @Test
    void anAccountStoredBeforeTheListIsFoundOnceStartUpFilledItIn() throws Exception {
        String own = UUID.randomUUID().toString().substring(0, 8);
        String id = legacyAccount("Oud", "Account-" + own, "oud." + own + "@example.com");
        assertThat(ids(get("/api/staff/accounts").param("query", own))).as("not filled in yet").isEmpty();

        assertThat(backfill.fill()).isGreaterThanOrEqualTo(1);
        assertThat(backfill.fill()).as("a second run").isZero();

        list(get("/api/staff/accounts").param("query", "OUD ACCOUNT-" + own))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].id").value(id))
                .andExpect(jsonPath("$.items[0].createdAt").value("2024-03-01T09:00:00Z"))
                .andExpect(jsonPath("$.items[0].updatedAt").value("2024-03-02T09:00:00Z"));
        assertThat(ids(get("/api/staff/accounts").param("query", "oud." + own + "@"))).containsExactly(id);
        Document stored = mongo.getCollection("accounts").find(new Document("_id", id)).first();
        assertThat(stored.getLong("version")).as("left to the saves").isEqualTo(3L);
        assertThat(stored.getLong("revision")).isEqualTo(2L);
    }

    /** Any save of such an account fills its search text as well, before start-up does. */
    @Test
    void aSaveFillsTheSearchTextOfAnAccountStoredBeforeTheList() throws Exception {
        String own = UUID.randomUUID().toString().substring(0, 8);
        String id = legacyAccount("Oud", "Bewaard-" + own, "bewaard." + own + "@example.com");
        TestCaller caller = new TestCaller(id, "bewaard." + own + "@example.com", "Oud", "PERSON", null,
                List.of("client"));
        mvc.perform(put("/api/me/notifications").with(caller.token()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"documents\":false,\"questionnaires\":false,\"messages\":true}")).andExpect(status().isOk());

        assertThat(ids(get("/api/staff/accounts").param("query", "bewaard-" + own))).containsExactly(id);
        Account saved = mongo.findById(id, Account.class);
        assertThat(saved.getCreatedAt()).isEqualTo(Instant.parse("2024-03-01T09:00:00Z"));
        assertThat(saved.getUpdatedAt()).isAfter(Instant.parse("2025-01-01T00:00:00Z"));
    }

    /**
     * The filter (less the search text) and sort of each staff query are the leading fields of the
     * index {@link AccountSearch}'s javadoc names for it; where the server explains a query (MongoDB),
     * the plan scans that index and no collection.
     */
    @Test
    void everyListQueryHasItsIndex() {
        List<Document> indexes = mongo.getCollection("accounts").listIndexes().into(new ArrayList<>());
        Set<AccountState> states = EnumSet.of(AccountState.INVITED, AccountState.ACTIVE);
        Set<AccountType> types = EnumSet.of(AccountType.PERSON, AccountType.COMPANY_MAIN);
        Set<AccountState> noStates = EnumSet.noneOf(AccountState.class);
        Set<AccountType> noTypes = EnumSet.noneOf(AccountType.class);
        record Case(Set<AccountState> states, Set<AccountType> types, String companyId, String index,
                boolean sortedByIndex) {
        }
        for (Case c : List.of(new Case(noStates, noTypes, null, "staff_recent", true),
                new Case(states, noTypes, null, "staff_state_recent", true),
                new Case(noStates, types, null, "staff_type_recent", true),
                new Case(states, types, "some-company", "companyId", false))) {
            for (String text : new String[] { null, "zoek" }) {
                Query query = AccountSearch.staffQuery(new AccountSearch.Filter(text, c.states(), c.types(),
                        c.companyId())).with(AccountSearch.MOST_RECENT_FIRST);
                List<String> leading = new ArrayList<>(c.companyId() == null
                        ? query.getQueryObject().keySet() : Set.of("companyId"));
                leading.remove("searchText");
                if (c.sortedByIndex()) {
                    leading.addAll(query.getSortObject().keySet());
                }
                assertThat(keysOf(indexes, c.index())).as(c.toString()).startsWith(leading.toArray(String[]::new));

                Document plan = explain(query.getQueryObject(), query.getSortObject());
                if (plan != null) {
                    assertThat(plan.toJson()).as(c.toString()).contains("IXSCAN").doesNotContain("COLLSCAN");
                    if (c.states().isEmpty() || c.types().isEmpty() || c.companyId() != null) {
                        assertThat(plan.toJson()).as(c.toString()).contains("\"" + c.index() + "\"");
                    }
                }
            }
        }
        // both filters without a company: one of the two, the other field tested on what it yields
        Query both = AccountSearch.staffQuery(new AccountSearch.Filter(null, states, types, null))
                .with(AccountSearch.MOST_RECENT_FIRST);
        Document plan = explain(both.getQueryObject(), both.getSortObject());
        if (plan != null) {
            assertThat(plan.toJson()).contains("IXSCAN").doesNotContain("COLLSCAN")
                    .containsAnyOf("\"staff_state_recent\"", "\"staff_type_recent\"");
        }
    }

    private String invite(String type, String companyName, String email, String firstName, String lastName)
            throws Exception {
        String body = companyName == null
                ? "{\"type\":\"%s\",\"email\":\"%s\",\"firstName\":\"%s\",\"lastName\":\"%s\"}"
                        .formatted(type, email, firstName, lastName)
                : "{\"type\":\"%s\",\"companyName\":\"%s\",\"email\":\"%s\",\"firstName\":\"%s\",\"lastName\":\"%s\"}"
                        .formatted(type, companyName, email, firstName, lastName);
        return id(mvc.perform(post("/api/staff/accounts").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                .content(body)).andExpect(status().isCreated()));
    }

    private static String id(ResultActions created) throws Exception {
        return JsonPath.read(created.andReturn().getResponse().getContentAsString(), "$.id");
    }

    @SuppressWarnings("unchecked")
    private static String companyIdOf(String accountId) {
        return ((Map<String, List<String>>) keycloak.users.get(accountId).get("attributes")).get("company_id").get(0);
    }

    /** Sets an account's last change, which a change through the API would set to now. */
    private void lastChange(String id, String instant) {
        assertThat(mongo.updateFirst(Query.query(where("_id").is(id)), Update.update("updatedAt", Instant.parse(instant)),
                Account.class).getModifiedCount()).isEqualTo(1);
    }

    /** An active person's account as the portal stored it before it kept the list's fields. */
    private String legacyAccount(String firstName, String lastName, String email) {
        String id = UUID.randomUUID().toString();
        mongo.getCollection("accounts").insertOne(new Document("_id", id).append("email", email)
                .append("firstName", firstName).append("lastName", lastName).append("type", "PERSON")
                .append("language", "nl").append("state", "ACTIVE")
                .append("invitedAt", java.util.Date.from(Instant.parse("2024-03-01T09:00:00Z")))
                .append("activatedAt", java.util.Date.from(Instant.parse("2024-03-02T09:00:00Z")))
                .append("revision", 2L).append("pendingEvents", List.of()).append("version", 3L)
                .append("_class", Account.class.getName()));
        return id;
    }

    private ResultActions list(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(STAFF.token())).andExpect(status().isOk());
    }

    private List<String> ids(MockHttpServletRequestBuilder request) throws Exception {
        String response = list(request).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.items[*].id");
    }

    private static List<String> keysOf(List<Document> indexes, String name) {
        return indexes.stream().filter(index -> name.equals(index.getString("name")))
                .map(index -> List.copyOf(index.get("key", Document.class).keySet())).findFirst()
                .orElseThrow(() -> new AssertionError("no index " + name + " in " + indexes));
    }

    /** The query plan, or null where the server has no explain command. */
    private Document explain(Document filter, Document sort) {
        try {
            return mongo.getDb().runCommand(new Document("explain", new Document("find", "accounts")
                    .append("filter", mongo.getConverter().convertToMongoType(filter)).append("sort", sort)));
        } catch (com.mongodb.MongoCommandException e) {
            if (e.getErrorCode() == 59) {
                return null;
            }
            throw e;
        }
    }
}
