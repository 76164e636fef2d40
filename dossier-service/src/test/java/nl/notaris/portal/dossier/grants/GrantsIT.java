package nl.notaris.portal.dossier.grants;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.JANSEN_BV;
import static nl.notaris.portal.testsupport.TestCaller.PIET;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.dossier.TestAccounts;
import nl.notaris.portal.dossier.dossier.AccessEvents;
import nl.notaris.portal.dossier.dossier.Dossier;
import nl.notaris.portal.dossier.dossier.DossierEvents;
import nl.notaris.portal.dossier.dossier.GrantPeriod;
import nl.notaris.portal.dossier.events.DossierTopics;
import nl.notaris.portal.dossier.parties.AdviserAccounts.AdviserInvitation;
import nl.notaris.portal.testsupport.ContractExample;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;
import nl.notaris.portal.testsupport.TestCaller;
import nl.notaris.portal.testsupport.TopicReader;

/**
 * ADV-1 on the real database and broker: a client grants, the adviser reads at once (through the
 * internal access endpoint every service asks too), revoking and the end of a grant take effect at the
 * next call, the adviser's list, counts, summary and Home hold the granted dossiers and no more, and the
 * grants' events are on their topics as the contracts say, feeding the activity trail. Each test has its
 * own dossiers and adviser accounts (the identity-service stand-in of {@link TestAccounts}).
 */
@ServiceIntegrationTest
@Import(TestAccounts.class)
class GrantsIT extends IntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    KafkaTemplate<String, String> kafka;

    @Test
    void aGrantIsUsableAtOnceAndRevokingEndsItAtTheNextCall() throws Exception {
        Created dossier = createDossier("IN_PROGRESS", ANNA);
        TestCaller adviser = newAdviser();
        LocalDate today = GrantPeriod.today(Instant.now());

        String grant = mvc.perform(grant(ANNA, dossier.id(), adviser, "READ_DELIVER", null))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.dossierId").value(dossier.id()))
                .andExpect(jsonPath("$.dossierNumber").value(dossier.number()))
                .andExpect(jsonPath("$.email").value(adviser.email()))
                .andExpect(jsonPath("$.name").value(adviser.name()))
                .andExpect(jsonPath("$.until").value(today.plusDays(30).toString()))
                .andExpect(jsonPath("$.grantedBy").value("Anna de Vries"))
                .andExpect(jsonPath("$.state").value("ACTIVE"))
                .andExpect(jsonPath("$.lastUsedAt").isEmpty())
                .andReturn().getResponse().getContentAsString();
        String grantId = JsonPath.read(grant, "$.id");
        assertThat(TestAccounts.INVITATIONS).contains(new AdviserInvitation(adviser.email(), adviser.name(), "nl",
                "Anna de Vries", dossier.number()));

        // read-your-writes: the next call, here and in every service that asks this one, finds the grant
        mvc.perform(get("/internal/dossiers/{id}/access", dossier.id()).with(adviser.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grants[0].grantId").value(grantId))
                .andExpect(jsonPath("$.grants[0].accountId").value(adviser.accountId()))
                .andExpect(jsonPath("$.grants[0].scope").value("READ_DELIVER"))
                .andExpect(jsonPath("$.grants[0].email").doesNotExist());
        mvc.perform(get("/api/dossiers/{id}", dossier.id()).with(adviser.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sharedBy").value("Anna de Vries"))
                .andExpect(jsonPath("$.sharedUntil").value(today.plusDays(30).toString()))
                .andExpect(jsonPath("$.access").value("READ_DELIVER"));
        mvc.perform(get("/api/dossiers/{id}/grants", dossier.id()).with(ANNA.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(grantId))
                .andExpect(jsonPath("$[0].lastUsedAt").isNotEmpty());

        mvc.perform(delete("/api/dossiers/{id}/grants/{grantId}", dossier.id(), grantId).with(ANNA.token()))
                .andExpect(status().isNoContent());
        // again: nothing changes
        mvc.perform(delete("/api/dossiers/{id}/grants/{grantId}", dossier.id(), grantId).with(ANNA.token()))
                .andExpect(status().isNoContent());

        mvc.perform(get("/internal/dossiers/{id}/access", dossier.id()).with(adviser.token()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/dossiers/{id}", dossier.id()).with(adviser.token())).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/dossiers/{id}/grants", dossier.id()).with(ANNA.token()))
                .andExpect(jsonPath("$[0].state").value("REVOKED"))
                .andExpect(jsonPath("$[0].revokedAt").isNotEmpty());
        mvc.perform(get("/internal/dossiers/{id}/access", dossier.id()).with(ANNA.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.grants").isEmpty());
    }

    @Test
    void anEndedGrantIsRefusedAtTheMomentOfTheCallAndMayBeGivenAgain() throws Exception {
        Created dossier = createDossier("IN_PROGRESS", ANNA);
        TestCaller adviser = newAdviser();
        String grantId = grantId(mvc.perform(grant(ANNA, dossier.id(), adviser, "READ", today().toString()))
                .andExpect(status().isCreated()));
        mvc.perform(get("/api/dossiers/{id}", dossier.id()).with(adviser.token())).andExpect(status().isOk());

        // no job ends it: the moment of the call is compared with its end
        mongo.updateFirst(query(where("_id").is(dossier.id()).and("grants.id").is(grantId)),
                new Update().set("grants.$.expiresAt", Instant.now().minusSeconds(1)), Dossier.class);

        mvc.perform(get("/api/dossiers/{id}", dossier.id()).with(adviser.token())).andExpect(status().isNotFound());
        mvc.perform(get("/internal/dossiers/{id}/access", dossier.id()).with(adviser.token()))
                .andExpect(status().isNotFound());
        assertThat(ids(list(adviser, "IN_PROGRESS"))).doesNotContain(dossier.id());
        mvc.perform(get("/api/dossiers/{id}/grants", dossier.id()).with(ANNA.token()))
                .andExpect(jsonPath("$[0].state").value("EXPIRED"));
        // an ended grant is still carried: every service compares its end with the moment of the call
        mvc.perform(get("/internal/dossiers/{id}/access", dossier.id()).with(STAFF.token()))
                .andExpect(jsonPath("$.grants[0].grantId").value(grantId));

        mvc.perform(grant(ANNA, dossier.id(), adviser, "READ", null)).andExpect(status().isCreated());
        mvc.perform(get("/api/dossiers/{id}", dossier.id()).with(adviser.token())).andExpect(status().isOk());
    }

    @Test
    void theAdvisersListCountsAndSummaryHoldTheGrantedDossiersAndNoOthers() throws Exception {
        TestCaller adviser = newAdviser();
        Created annas = createDossier("IN_PROGRESS", ANNA);
        Created company = createDossier("COMPLETED", JANSEN_BV);
        Created notShared = createDossier("IN_PROGRESS", ANNA);
        Created revoked = createDossier("IN_PROGRESS", ANNA);
        mvc.perform(grant(ANNA, annas.id(), adviser, "READ", "2099-01-01")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("until"));
        String until = today().plusDays(10).toString();
        mvc.perform(grant(ANNA, annas.id(), adviser, "READ", until)).andExpect(status().isCreated());
        mvc.perform(grant(JANSEN_BV, company.id(), adviser, "READ_DELIVER", null)).andExpect(status().isCreated());
        String revokedGrant = grantId(mvc.perform(grant(ANNA, revoked.id(), adviser, "READ", null)));
        mvc.perform(delete("/api/dossiers/{id}/grants/{grantId}", revoked.id(), revokedGrant).with(ANNA.token()))
                .andExpect(status().isNoContent());

        List<Map<String, Object>> inProgress = list(adviser, "IN_PROGRESS");
        assertThat(ids(inProgress)).containsExactly(annas.id());
        assertThat(inProgress.get(0)).containsEntry("sharedBy", "Anna de Vries").containsEntry("sharedUntil", until)
                .containsEntry("access", "READ");
        assertThat(ids(list(adviser, "IN_PROGRESS", "COMPLETED"))).containsExactlyInAnyOrder(annas.id(), company.id());
        assertThat(byId(list(adviser, "COMPLETED"), company.id())).containsEntry("sharedBy", "Bakkerij Jansen B.V.")
                .containsEntry("access", "READ_DELIVER");
        mvc.perform(get("/api/dossiers").param("query", annas.number()).with(adviser.token()))
                .andExpect(jsonPath("$.totalItems").value(1)).andExpect(jsonPath("$.items[0].id").value(annas.id()));
        mvc.perform(get("/api/dossiers/counts").with(adviser.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.IN_PROGRESS").value(1)).andExpect(jsonPath("$.COMPLETED").value(1));
        mvc.perform(get("/api/dossiers/summary").with(adviser.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.inProgress").value(1)).andExpect(jsonPath("$.total").value(2));

        assertThat(byId(list(ANNA, "IN_PROGRESS"), annas.id())).as("the party's own dossier")
                .doesNotContainKeys("sharedBy", "sharedUntil", "access");
        for (Created closed : List.of(notShared, revoked)) {
            mvc.perform(get("/api/dossiers/{id}", closed.id()).with(adviser.token())).andExpect(status().isNotFound());
        }
    }

    /** Deny by default: what a grant does not open stays closed, to advisers and to the wrong client. */
    @Test
    void anAdviserReachesNeitherTheGrantsNorTheTrailAndOnlyWhoMayGrantSeesTheGrants() throws Exception {
        TestCaller adviser = newAdviser();
        Created annas = createDossier("IN_PROGRESS", ANNA);
        Created company = createDossier("IN_PROGRESS", JANSEN_BV);
        String grantId = grantId(mvc.perform(grant(ANNA, annas.id(), adviser, "READ_DELIVER", null)));
        mvc.perform(grant(JANSEN_BV, company.id(), adviser, "READ", null)).andExpect(status().isCreated());

        mvc.perform(get("/api/dossiers/{id}/activity", annas.id()).with(adviser.token())).andExpect(status().isNotFound());
        mvc.perform(get("/api/dossiers/{id}/grants", annas.id()).with(adviser.token())).andExpect(status().isNotFound());
        mvc.perform(grant(adviser, annas.id(), newAdviser(), "READ", null)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(patch("/api/dossiers/{id}/grants/{grantId}", annas.id(), grantId).with(adviser.token())
                .contentType(MediaType.APPLICATION_JSON).content("{\"until\": \"%s\"}".formatted(today())))
                .andExpect(status().isNotFound());
        mvc.perform(delete("/api/dossiers/{id}/grants/{grantId}", annas.id(), grantId).with(adviser.token()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/grants").with(adviser.token())).andExpect(status().isOk()).andExpect(jsonPath("$").isEmpty());
        mvc.perform(get("/api/staff/dossiers/{id}/grants", annas.id()).with(adviser.token()))
                .andExpect(status().isForbidden());

        // a company's extra account sees the dossier, not its grants
        mvc.perform(get("/api/dossiers/{id}", company.id()).with(PIET.token())).andExpect(status().isOk());
        mvc.perform(get("/api/dossiers/{id}/grants", company.id()).with(PIET.token())).andExpect(status().isNotFound());
        mvc.perform(get("/api/dossiers/{id}/grants", company.id()).with(JANSEN_BV.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1));
        // a client who is no party of the dossier: its grants are as absent as the dossier, reading and granting
        mvc.perform(get("/api/dossiers/{id}/grants", annas.id()).with(TestCaller.BOB.token()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(grant(TestCaller.BOB, annas.id(), newAdviser(), "READ", null)).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        String all = mvc.perform(get("/api/grants").with(ANNA.token())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat((List<String>) JsonPath.read(all, "$[*].id")).contains(grantId);
        assertThat((List<String>) JsonPath.read(all, "$[*].dossierId")).doesNotContain(company.id());
    }

    @Test
    void aGrantIsRefusedForAPartyATwiceGrantedAddressAndWhenTheOfficeForbidsIt() throws Exception {
        Created dossier = createDossier("IN_PROGRESS", ANNA, JANSEN_BV);
        TestCaller adviser = newAdviser();
        String grantId = grantId(mvc.perform(grant(ANNA, dossier.id(), adviser, "READ", null)));

        mvc.perform(grant(ANNA, dossier.id(), adviser, "READ_DELIVER", null)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        mvc.perform(post("/api/dossiers/{id}/grants", dossier.id()).with(ANNA.token())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"JANSEN.BV@example.com\", \"name\": \"Jansen\", \"scope\": \"READ\"}"))
                .andExpect(status().isConflict());
        mvc.perform(grant(ANNA, dossier.id(), newAdviser(), "READ", today().minusDays(1).toString()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("until"));

        // shortening only
        mvc.perform(patch("/api/dossiers/{id}/grants/{grantId}", dossier.id(), grantId).with(ANNA.token())
                .contentType(MediaType.APPLICATION_JSON).content("{\"until\": \"%s\"}".formatted(today().plusDays(31))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("until"));
        mvc.perform(patch("/api/dossiers/{id}/grants/{grantId}", dossier.id(), grantId).with(ANNA.token())
                .contentType(MediaType.APPLICATION_JSON).content("{\"until\": \"%s\"}".formatted(today().plusDays(3))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.until").value(today().plusDays(3).toString()));
        mvc.perform(patch("/api/dossiers/{id}/grants/{grantId}", dossier.id(), "g-000000000000").with(ANNA.token())
                .contentType(MediaType.APPLICATION_JSON).content("{\"until\": \"%s\"}".formatted(today())))
                .andExpect(status().isNotFound());

        // the office forbids new grants; the one given stays until the office revokes it
        mvc.perform(put("/api/staff/dossiers/{id}/grant-policy", dossier.id()).with(STAFF.token())
                .contentType(MediaType.APPLICATION_JSON).content("{\"grantsAllowed\": false}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.grantsAllowed").value(false));
        mvc.perform(get("/api/staff/dossiers/{id}", dossier.id()).with(STAFF.token()))
                .andExpect(jsonPath("$.grantsAllowed").value(false));
        mvc.perform(grant(ANNA, dossier.id(), newAdviser(), "READ", null)).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The office does not allow sharing this dossier."))
                .andExpect(jsonPath("$.code").value("grant.not-allowed"));
        mvc.perform(get("/api/dossiers/{id}", dossier.id()).with(adviser.token())).andExpect(status().isOk());

        mvc.perform(get("/api/staff/dossiers/{id}/grants", dossier.id()).with(STAFF.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(grantId)).andExpect(jsonPath("$[0].state").value("ACTIVE"));
        mvc.perform(delete("/api/staff/dossiers/{id}/grants/{grantId}", dossier.id(), grantId).with(STAFF.token()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/dossiers/{id}", dossier.id()).with(adviser.token())).andExpect(status().isNotFound());
        mvc.perform(delete("/api/staff/dossiers/{id}/grants/{grantId}", dossier.id(), "g-000000000000")
                .with(STAFF.token())).andExpect(status().isNotFound());
        mvc.perform(put("/api/staff/dossiers/{id}/grant-policy", new ObjectId().toHexString()).with(STAFF.token())
                .contentType(MediaType.APPLICATION_JSON).content("{\"grantsAllowed\": true}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void homeShowsAnAdviserTheNewDocumentsOfAGrantedDossierAndNothingOfTheClients() throws Exception {
        Created dossier = createDossier("IN_PROGRESS", ANNA);
        TestCaller adviser = newAdviser();
        mvc.perform(put("/api/staff/dossiers/{id}/progress", dossier.id()).with(STAFF.token())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"steps": [{"title": "Intake", "done": true},
                                   {"title": "Identificatie", "done": false,
                                    "request": {"kind": "DOCUMENT", "name": "Kopie paspoort"}}]}"""))
                .andExpect(status().isOk());
        mvc.perform(grant(ANNA, dossier.id(), adviser, "READ", null)).andExpect(status().isCreated());
        String documentId = new ObjectId().toHexString();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(DossierTopics.DOCUMENTS, dossier.id(), EventContracts.example("portal.document.published")
                .forDossier(dossier.id()).with("data.documentId", documentId)
                .with("data.publishedAt", now.minusSeconds(20).toString()));
        send(DossierTopics.MESSAGES, dossier.id(), EventContracts.example("portal.message.sent-by-office")
                .forDossier(dossier.id()).with("data.messageId", new ObjectId().toHexString())
                .with("data.sentAt", now.minusSeconds(10).toString()));
        send(DossierTopics.QUESTIONNAIRES, dossier.id(), EventContracts.example("portal.questionnaire.assigned")
                .forDossier(dossier.id()).with("data.assignmentId", new ObjectId().toHexString())
                .with("data.accountId", ANNA.accountId()).with("data.assignedAt", now.toString()));

        // the client sees all of it (document, message, questionnaire, step done); the adviser the document only
        await().atMost(WAIT).until(() -> homeItems(ANNA, dossier, "newForYou").size() == 4);
        List<Map<String, Object>> advisersNew = homeItems(adviser, dossier, "newForYou");
        assertThat(advisersNew).extracting(i -> i.get("id")).containsExactly("document:" + documentId);
        assertThat(advisersNew.get(0)).containsEntry("dossierNumber", dossier.number());
        assertThat(homeItems(ANNA, dossier, "neededFromYou")).hasSize(2);
        assertThat(homeItems(adviser, dossier, "neededFromYou")).isEmpty();

        mvc.perform(post("/api/home/items/{id}/seen", "document:" + documentId).with(adviser.token()))
                .andExpect(status().isNoContent());
        assertThat(homeItems(adviser, dossier, "newForYou")).isEmpty();
        assertThat(homeItems(ANNA, dossier, "newForYou")).hasSize(4);
    }

    @Test
    void theGrantsEventsAreOnTheirTopicsAsTheContractsSayAndFeedTheTrail() throws Exception {
        Created dossier = createDossier("IN_PROGRESS", ANNA);
        TestCaller adviser = newAdviser();
        String grantId = grantId(mvc.perform(grant(ANNA, dossier.id(), adviser, "READ_DELIVER", null)));
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/internal/dossiers/{id}/access", dossier.id()).with(adviser.token()))
                    .andExpect(status().isOk());
        }
        mvc.perform(patch("/api/dossiers/{id}/grants/{grantId}", dossier.id(), grantId).with(ANNA.token())
                .contentType(MediaType.APPLICATION_JSON).content("{\"until\": \"%s\"}".formatted(today().plusDays(7))))
                .andExpect(status().isOk());
        mvc.perform(delete("/api/dossiers/{id}/grants/{grantId}", dossier.id(), grantId).with(ANNA.token()))
                .andExpect(status().isNoContent());

        try (TopicReader access = new TopicReader(DossierTopics.ACCESS);
                TopicReader dossiers = new TopicReader(DossierTopics.TOPIC)) {
            List<ConsumerRecord<String, String>> grantEvents = access.readDistinctEvents(
                    r -> dossier.id().equals(r.key()), 3, WAIT);
            assertThat(grantEvents).extracting(r -> (String) JsonPath.read(r.value(), "$.type")).as("used once, in order")
                    .containsExactly(AccessEvents.GRANTED, AccessEvents.USED, AccessEvents.REVOKED);
            String granted = grantEvents.get(0).value();
            assertThat((String) JsonPath.read(granted, "$.data.grantId")).isEqualTo(grantId);
            assertThat((String) JsonPath.read(granted, "$.data.accountId")).isEqualTo(adviser.accountId());
            assertThat((String) JsonPath.read(granted, "$.data.email")).isEqualTo(adviser.email());
            assertThat((String) JsonPath.read(granted, "$.data.grantedByName")).isEqualTo("Anna de Vries");
            assertThat((Boolean) JsonPath.read(granted, "$.data.newAccount")).isTrue();
            assertThat((String) JsonPath.read(granted, "$.data.language")).isEqualTo("nl");
            assertThat((String) JsonPath.read(grantEvents.get(2).value(), "$.data.bySide")).isEqualTo("CLIENT");
            for (ConsumerRecord<String, String> record : grantEvents) {
                assertThat(EventContracts.violations(record.value())).as(record.value()).isEmpty();
            }

            // created, granted, shortened, revoked: the replicas' state each time
            List<ConsumerRecord<String, String>> dossierEvents = dossiers.readDistinctEvents(
                    r -> dossier.id().equals(r.key()), 4, WAIT);
            assertThat(dossierEvents).extracting(r -> (String) JsonPath.read(r.value(), "$.type"))
                    .containsExactly(DossierEvents.CREATED, DossierEvents.CHANGED, DossierEvents.CHANGED,
                            DossierEvents.CHANGED);
            String afterGrant = dossierEvents.get(1).value();
            assertThat((List<String>) JsonPath.read(afterGrant, "$.data.changes")).containsExactly("GRANTS");
            assertThat((String) JsonPath.read(afterGrant, "$.data.grants[0].grantId")).isEqualTo(grantId);
            assertThat((String) JsonPath.read(dossierEvents.get(2).value(), "$.data.grants[0].expiresAt"))
                    .isEqualTo(GrantPeriod.endOf(today().plusDays(7)).toString());
            assertThat((List<Object>) JsonPath.read(dossierEvents.get(3).value(), "$.data.grants")).isEmpty();
            for (ConsumerRecord<String, String> record : dossierEvents) {
                assertThat(EventContracts.violations(record.value())).as(record.value()).isEmpty();
            }
        }

        List<Map<String, Object>> trail = await().atMost(WAIT).until(() -> trail(dossier.id()),
                entries -> entries.stream().filter(e -> List.of("GRANTED", "USED", "REVOKED").contains(e.get("kind")))
                        .count() == 3);
        assertThat(byKind(trail, "GRANTED")).containsEntry("actor", Map.of("side", "CLIENT", "name", "Anna de Vries"))
                .containsEntry("objectId", grantId).containsEntry("name", adviser.name());
        assertThat(byKind(trail, "USED")).containsEntry("actor", Map.of("side", "CLIENT", "name", adviser.name()));
        assertThat(byKind(trail, "REVOKED")).containsEntry("actor", Map.of("side", "CLIENT", "name", "Anna de Vries"));
        assertThat(trail.toString()).as("no e-mail address in the trail").doesNotContain(adviser.email());
    }

    /** A repeated event adds no second record to the trail; an office revocation names the office. */
    @Test
    void theTrailTakesTheContractsExamplesOnce() throws Exception {
        Created dossier = createDossier("IN_PROGRESS", ANNA);
        ContractExample revoked = EventContracts.example("portal.access.revoked", "valid-office")
                .forDossier(dossier.id());
        send(DossierTopics.ACCESS, dossier.id(), revoked);
        send(DossierTopics.ACCESS, dossier.id(), revoked);
        String marker = new ObjectId().toHexString();
        send(DossierTopics.ACCESS, dossier.id(), EventContracts.example("portal.access.used").forDossier(dossier.id())
                .with("data.grantId", "g-" + marker.substring(12)));

        await().atMost(WAIT).until(() -> trail(dossier.id()).stream().anyMatch(e -> "USED".equals(e.get("kind"))));
        List<Map<String, Object>> trail = trail(dossier.id());
        assertThat(trail).filteredOn(e -> "REVOKED".equals(e.get("kind"))).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("actor", Map.of("side", "OFFICE", "name", "Mr. J. de Notaris")));
    }

    /** The adviser's list, counts and Home find the granted dossiers through {@code grants.accountId}. */
    @Test
    void theGrantedDossiersAreFoundThroughAnIndex() {
        List<org.bson.Document> indexes = mongo.getCollection("dossiers").listIndexes()
                .into(new java.util.ArrayList<>());
        assertThat(indexes).filteredOn(index -> "grants_account".equals(index.getString("name"))).singleElement()
                .satisfies(index -> assertThat(index.get("key", org.bson.Document.class).keySet())
                        .containsExactly("grants.accountId"));
    }

    // ---- helpers -----------------------------------------------------------------------------

    record Created(String id, String number) {
    }

    Created createDossier(String status, TestCaller... parties) throws Exception {
        String number = "ADV-" + new ObjectId().toHexString();
        String partyList = String.join(",", java.util.Arrays.stream(parties).map(p -> "\"" + p.email() + "\"").toList());
        String created = mvc.perform(post("/api/staff/dossiers").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"%s\",\"description\":\"Aankoop woning\",\"status\":\"%s\",\"parties\":[%s]}"
                                .formatted(number, status, partyList)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return new Created(JsonPath.read(created, "$.id"), number);
    }

    static TestCaller newAdviser() {
        return TestAccounts.adviser("adviseur-" + new ObjectId().toHexString() + "@example.com", "Henk de Adviseur");
    }

    static LocalDate today() {
        return GrantPeriod.today(Instant.now());
    }

    org.springframework.test.web.servlet.RequestBuilder grant(TestCaller client, String dossierId, TestCaller adviser,
            String scope, String until) {
        return post("/api/dossiers/{id}/grants", dossierId).with(client.token()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": \"%s\", \"name\": \"%s\", \"scope\": \"%s\"%s}".formatted(adviser.email(),
                        adviser.name(), scope, until == null ? "" : ", \"until\": \"" + until + "\""));
    }

    static String grantId(ResultActions created) throws Exception {
        return JsonPath.read(created.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
                "$.id");
    }

    List<Map<String, Object>> list(TestCaller caller, String... statuses) throws Exception {
        String page = mvc.perform(get("/api/dossiers").param("status", statuses).param("size", "100")
                .with(caller.token())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(page, "$.items");
    }

    static List<Object> ids(List<Map<String, Object>> items) {
        return items.stream().map(i -> i.get("id")).toList();
    }

    static Map<String, Object> byId(List<Map<String, Object>> items, String id) {
        return items.stream().filter(i -> id.equals(i.get("id"))).findFirst().orElseThrow();
    }

    List<Map<String, Object>> homeItems(TestCaller caller, Created dossier, String section) throws Exception {
        String home = mvc.perform(get("/api/home").with(caller.token())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        List<Map<String, Object>> all = JsonPath.read(home, "$." + section + ".items");
        return all.stream().filter(i -> dossier.id().equals(i.get("dossierId"))).toList();
    }

    List<Map<String, Object>> trail(String dossierId) throws Exception {
        String page = mvc.perform(get("/api/staff/dossiers/{id}/activity", dossierId).param("size", "100")
                .with(STAFF.token())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(page, "$.items");
    }

    static Map<String, Object> byKind(List<Map<String, Object>> entries, String kind) {
        return entries.stream().filter(e -> kind.equals(e.get("kind"))).findFirst().orElseThrow();
    }

    void send(String topic, String dossierId, ContractExample event) throws Exception {
        kafka.send(topic, dossierId, event.json()).get();
    }
}
