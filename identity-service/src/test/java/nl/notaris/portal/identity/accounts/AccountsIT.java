package nl.notaris.portal.identity.accounts;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.identity.IdentityIntegrationTest;
import nl.notaris.portal.identity.events.AccountTopics;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.TestCaller;
import nl.notaris.portal.testsupport.TopicReader;

/**
 * Inviting accounts, the invitation page's answers, activation from Keycloak's password events, and
 * a company's extra accounts, with the events other services learn them from.
 */
class AccountsIT extends IdentityIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;

    static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    String invite(String json) throws Exception {
        String response = mvc.perform(post("/api/staff/accounts").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                .content(json)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    /**
     * The account's first {@code count} distinct events (delivery is at least once: the relay may
     * publish an event again, with the same id, which consumers drop).
     */
    List<ConsumerRecord<String, String>> events(String accountId, int count) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (TopicReader reader = new TopicReader(AccountTopics.TOPIC)) {
            return reader.readUntil(r -> accountId.equals(r.key()) && seen.add(JsonPath.read(r.value(), "$.id")), count,
                    Duration.ofSeconds(20));
        }
    }

    static String token(ConsumerRecord<String, String> invited) {
        return JsonPath.read(invited.value(), "$.data.invitationToken");
    }

    @Test
    void theOfficeInvitesAPersonWhoConfirmsTheAddressAndGetsTheSetPasswordEmail() throws Exception {
        String email = unique("nieuwe.klant");
        String id = invite("""
                {"type":"PERSON","email":"%s","firstName":"Ëlla","lastName":"van 't Hoff","language":"en"}""".formatted(email));

        assertThat(keycloak.users.get(id)).containsEntry("email", email).containsEntry("emailVerified", true);
        assertThat(keycloak.roles.get(id)).containsExactly("client");
        mvc.perform(get("/api/staff/accounts/{id}", id).with(STAFF.token()))
                .andExpect(jsonPath("$.state").value("INVITED")).andExpect(jsonPath("$.language").value("en"));

        var invited = events(id, 1).get(0);
        assertThat(EventContracts.violations(invited.value())).isEmpty();
        assertThat((String) JsonPath.read(invited.value(), "$.type")).isEqualTo("portal.account.invited");
        assertThat((String) JsonPath.read(invited.value(), "$.data.account.name")).as("for the e-mails' greeting")
                .isEqualTo("Ëlla van 't Hoff");
        String token = token(invited);

        mvc.perform(get("/api/public/invitations/{token}", token)).andExpect(jsonPath("$.status").value("VALID"));
        // a wrong address gets the same answer, and no e-mail
        mvc.perform(post("/api/public/invitations/{token}/confirm", token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"iemand.anders@example.com\"}"))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("VALID"));
        mvc.perform(get("/api/public/invitations/{token}", token)).andExpect(jsonPath("$.status").value("VALID"));

        // the right one: the e-mail goes out shortly after the answer (SetPasswordEmailIT)
        mvc.perform(post("/api/public/invitations/{token}/confirm", token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"%s\"}".formatted(email.toUpperCase())))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("VALID"));
        await().atMost(Duration.ofSeconds(20)).until(() -> keycloak.setPasswordEmailsTo(id) == 1);
        assertThat(keycloak.setPasswordEmails).filteredOn(sent -> id.equals(sent.get("userId"))).singleElement().satisfies(sent -> {
            assertThat(sent).containsEntry("userId", id)
                    .containsEntry("redirectUri", "http://localhost:8080/oauth2/authorization/keycloak");
            assertThat(((Number) sent.get("lifespanSeconds")).longValue()).isEqualTo(3600);
        });
        mvc.perform(get("/api/public/invitations/{token}", token)).andExpect(jsonPath("$.status").value("USED"));
    }

    @Test
    void theFirstPasswordActivatesTheAccountAndEveryPasswordIsToldOnce() throws Exception {
        String id = invite("""
                {"type":"PERSON","email":"%s","firstName":"Piet","lastName":"Puk"}""".formatted(unique("activeer")));
        String keycloakEvent = keycloak.passwordSet(id);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> mvc.perform(get("/api/staff/accounts/{id}", id)
                .with(STAFF.token())).andExpect(jsonPath("$.state").value("ACTIVE")));
        var records = events(id, 3);
        assertThat(records).extracting(r -> (String) JsonPath.read(r.value(), "$.type"))
                .containsExactly("portal.account.invited", "portal.account.activated", "portal.account.password-set");
        assertThat((String) JsonPath.read(records.get(2).value(), "$.id")).isEqualTo("keycloak-" + keycloakEvent);
        records.forEach(r -> assertThat(EventContracts.violations(r.value())).isEmpty());

        // a second password later (forgotten password): another confirmation, no second activation
        keycloak.passwordSet(id);
        var later = events(id, 4);
        assertThat(later).extracting(r -> (String) JsonPath.read(r.value(), "$.type"))
                .containsExactly("portal.account.invited", "portal.account.activated", "portal.account.password-set",
                        "portal.account.password-set");
    }

    @Test
    void anExpiredInvitationSaysSoAndARenewalSendsANewOneOnlyToTheInvitedAddress() throws Exception {
        String email = unique("verlopen");
        String id = invite("""
                {"type":"PERSON","email":"%s","firstName":"Ver","lastName":"Lopen"}""".formatted(email));
        String token = token(events(id, 1).get(0));
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is(Invitation.hash(token))),
                new org.springframework.data.mongodb.core.query.Update().set("expiresAt", Instant.now().minusSeconds(60)),
                Invitation.class);

        mvc.perform(get("/api/public/invitations/{token}", token)).andExpect(jsonPath("$.status").value("EXPIRED"));
        mvc.perform(post("/api/public/invitations/{token}/confirm", token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"%s\"}".formatted(email))).andExpect(jsonPath("$.status").value("EXPIRED"));
        assertThat(mongo.findById(Invitation.hash(token), Invitation.class).passwordEmailDueAt()).isNull();
        assertThat(keycloak.setPasswordEmailsTo(id)).isZero();

        mvc.perform(post("/api/public/invitations/{token}/renew", token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"someone@example.com\"}")).andExpect(status().isAccepted());
        mvc.perform(post("/api/public/invitations/{token}/renew", token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"%s\"}".formatted(email))).andExpect(status().isAccepted());
        var invitations = events(id, 2);
        assertThat(invitations).hasSize(2);
        mvc.perform(get("/api/public/invitations/{token}", token(invitations.get(1))))
                .andExpect(jsonPath("$.status").value("VALID"));
        mvc.perform(get("/api/public/invitations/{token}", "not-a-token")).andExpect(jsonPath("$.status").value("EXPIRED"));
    }

    @Test
    void badInvitationsNameTheFieldAndAnAddressInUseIsAConflict() throws Exception {
        String email = unique("dubbel");
        invite("""
                {"type":"COMPANY","companyName":"Dubbel B.V.","email":"%s","firstName":"D","lastName":"Ubbel"}""".formatted(email));
        mvc.perform(post("/api/staff/accounts").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"PERSON\",\"email\":\"%s\",\"firstName\":\"A\",\"lastName\":\"B\"}".formatted(email)))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/staff/accounts").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"PERSON\",\"email\":\"geen-adres\",\"firstName\":\"A\",\"lastName\":\"B\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("email"));
        mvc.perform(post("/api/staff/accounts").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"COMPANY\",\"email\":\"%s\",\"firstName\":\"A\",\"lastName\":\"B\"}".formatted(unique("b"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("companyName"));
        mvc.perform(post("/api/staff/accounts").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"ROBOT\",\"email\":\"%s\",\"firstName\":\"A\",\"lastName\":\"B\"}".formatted(unique("c"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("type"));
        mvc.perform(post("/api/staff/accounts").with(ANNA.token()).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isForbidden());
    }

    /** The phone number as typed, kept in E.164 in Keycloak and here: the portal's one rule (phone-numbers). */
    @Test
    @SuppressWarnings("unchecked")
    void thePhoneNumberIsKeptInE164() throws Exception {
        String id = invite("""
                {"type":"PERSON","email":"%s","firstName":"Tess","lastName":"Telefoon","phone":"06-123 456 78"}"""
                .formatted(unique("telefoon")));

        assertThat((java.util.Map<String, Object>) keycloak.users.get(id).get("attributes"))
                .containsEntry("phone_number", List.of("+31612345678"));
        mvc.perform(get("/api/staff/accounts/{id}", id).with(STAFF.token()))
                .andExpect(jsonPath("$.phone").value("+31612345678"));
    }

    /** Whatever Keycloak still refuses reaches the caller as a 400 naming the field, and leaves no account behind. */
    @Test
    void aValueKeycloakRefusesIsA400NamingTheField() throws Exception {
        String email = unique("geweigerd");
        keycloak.refuseNextUser(java.util.Map.of("field", "email", "errorMessage", "invalidEmailMessage",
                "params", List.of("email", email)));
        mvc.perform(post("/api/staff/accounts").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"PERSON\",\"email\":\"%s\",\"firstName\":\"A\",\"lastName\":\"B\"}".formatted(email)))
                .andExpect(status().isBadRequest())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("email"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(email))));
        assertThat(keycloak.idOf(email)).isNull();
        assertThat(mongo.exists(org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("email").is(email)), Account.class)).isFalse();
    }

    @Test
    void aCompanysMainAccountManagesItsExtraAccountsAndNobodyElseDoes() throws Exception {
        String mainEmail = unique("hoofd");
        String mainId = invite("""
                {"type":"COMPANY","companyName":"Bakkerij Test B.V.","email":"%s","firstName":"Hoofd","lastName":"Account"}"""
                .formatted(mainEmail));
        assertThat(keycloak.roles.get(mainId)).containsExactly("client", "company-admin");
        String companyId = ((java.util.Map<String, List<String>>) keycloak.users.get(mainId).get("attributes"))
                .get("company_id").get(0);
        TestCaller main = new TestCaller(mainId, mainEmail, "Hoofd Account", "COMPANY_MAIN", companyId,
                List.of("client", "company-admin"));
        TestCaller outsider = new TestCaller("x", "x@example.com", "X", "COMPANY_MAIN", "another-company",
                List.of("client", "company-admin"));

        String added = mvc.perform(post("/api/me/accounts").with(main.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"%s\",\"firstName\":\"Extra\",\"lastName\":\"Collega\"}".formatted(unique("extra"))))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.type").value("COMPANY_EXTRA"))
                .andExpect(jsonPath("$.companyName").value("Bakkerij Test B.V."))
                .andReturn().getResponse().getContentAsString();
        String extraId = JsonPath.read(added, "$.id");
        assertThat(keycloak.users.get(extraId).get("attributes").toString()).contains("company_id=[" + companyId + "]");
        assertThat(keycloak.roles.get(extraId)).containsExactly("client");

        mvc.perform(get("/api/me/accounts").with(main.token())).andExpect(jsonPath("$[0].id").value(extraId));
        mvc.perform(get("/api/me/accounts/{id}", extraId).with(main.token())).andExpect(jsonPath("$.state").value("INVITED"));
        TestCaller extra = new TestCaller(extraId, "e@example.com", "Extra", "COMPANY_EXTRA", companyId, List.of("client"));
        mvc.perform(get("/api/me/accounts").with(extra.token())).andExpect(status().isForbidden());
        mvc.perform(get("/api/me/accounts").with(ANNA.token())).andExpect(status().isForbidden());
        mvc.perform(get("/api/me/accounts/{id}", extraId).with(outsider.token())).andExpect(status().isNotFound());
        mvc.perform(delete("/api/me/accounts/{id}", extraId).with(outsider.token())).andExpect(status().isNotFound());

        mvc.perform(delete("/api/me/accounts/{id}", extraId).with(main.token())).andExpect(status().isNoContent());
        assertThat(keycloak.loggedOut).contains(extraId);
        assertThat(keycloak.users).doesNotContainKey(extraId);
        mvc.perform(get("/api/me/accounts/{id}", extraId).with(main.token())).andExpect(status().isNotFound());
        var records = events(extraId, 2);
        assertThat(records).extracting(r -> (String) JsonPath.read(r.value(), "$.type"))
                .containsExactly("portal.account.invited", "portal.account.removed");
        assertThat(EventContracts.violations(records.get(1).value())).isEmpty();
        assertThat((java.util.Map<String, Object>) JsonPath.read(records.get(1).value(), "$.data")).as("no name once removed")
                .doesNotContainKey("name").containsKey("email");
    }

    @Test
    void anAccountMadeInKeycloakIsRecordedAndToldToTheOtherServices() throws Exception {
        String email = unique("keycloak.gemaakt");
        String id = keycloak.user(email, "COMPANY_EXTRA", "bedrijf-kc", "en", true);
        TestCaller caller = new TestCaller(id, email, "Test", "COMPANY_EXTRA", "bedrijf-kc", List.of("client"));

        mvc.perform(get("/api/me").with(caller.token())).andExpect(jsonPath("$.language").value("en"))
                .andExpect(jsonPath("$.firstSignIn").value(false));
        var changed = events(id, 1).get(0);
        assertThat((String) JsonPath.read(changed.value(), "$.type")).isEqualTo("portal.account.changed");
        assertThat((String) JsonPath.read(changed.value(), "$.data.companyId")).isEqualTo("bedrijf-kc");
        assertThat(EventContracts.violations(changed.value())).isEmpty();
    }

    @Test
    void aCompanysMainAccountWithoutAPersonsNameIsAddressedByTheCompanysName() throws Exception {
        String email = unique("bedrijf.zonder.naam");
        String id = keycloak.user(email, "COMPANY_MAIN", "bedrijf-zonder-naam", "nl", true);
        keycloak.users.get(id).remove("firstName");
        keycloak.users.get(id).remove("lastName");
        TestCaller caller = new TestCaller(id, email, "", "COMPANY_MAIN", "bedrijf-zonder-naam",
                List.of("client", "company-admin"));

        mvc.perform(get("/api/me").with(caller.token())).andExpect(status().isOk());
        var changed = events(id, 1).get(0);
        assertThat((String) JsonPath.read(changed.value(), "$.data.name")).isEqualTo("Bedrijf bedrijf-zonder-naam");
        assertThat(EventContracts.violations(changed.value())).isEmpty();
    }
}
