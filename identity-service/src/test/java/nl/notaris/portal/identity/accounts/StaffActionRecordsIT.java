package nl.notaris.portal.identity.accounts;

import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.identity.IdentityIntegrationTest;
import nl.notaris.portal.identity.events.AccountTopics;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.TestCaller;
import nl.notaris.portal.testsupport.TopicReader;

/**
 * The office inviting a client and sending the invitation again are each one record on
 * portal.staff-actions.v1 (keyed by the account: no dossier), valid against the contract and without
 * the client's name or address; the client renewing its own link, and a company's main account
 * inviting an extra account, record nothing: an account's records share a partition, so a record of
 * such a client action would come before the staff action that follows it, and the reader reads on
 * for a moment after the expected records, so one too many shows.
 */
class StaffActionRecordsIT extends IdentityIntegrationTest {

    static final Duration WAIT = Duration.ofSeconds(20);
    /** How long to read on after the expected records, for one too many. */
    static final Duration SETTLE = Duration.ofSeconds(3);

    @Autowired
    MockMvc mvc;

    @Test
    void invitingAndResendingAreOneRecordEachAndTheClientsRenewalNone() throws Exception {
        String email = unique("uitgenodigd");
        String id = invite("""
                {"type":"PERSON","email":"%s","firstName":"Geheime","lastName":"Naam"}""".formatted(email));
        String token = firstInvitationToken(id);
        mvc.perform(post("/api/public/invitations/{token}/renew", token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"%s\"}".formatted(email))).andExpect(status().isAccepted());
        TestCaller notaris = new TestCaller("s2-notaris", "notaris@example.com", "Mr. J. de Notaris", null, null,
                List.of("staff"));
        mvc.perform(post("/api/staff/accounts/{id}/invitation", id).with(notaris.token())).andExpect(status().isAccepted());

        List<String> records = records(id, 2);

        assertThat(records).extracting(r -> (String) JsonPath.read(r, "$.data.action"))
                .containsExactly("CLIENT_INVITED", "INVITATION_RESENT");
        assertThat(records).extracting(r -> (String) JsonPath.read(r, "$.data.actorId"))
                .containsExactly(STAFF.accountId(), notaris.accountId());
        assertThat(records).allSatisfy(r -> {
            assertThat(EventContracts.violations(r)).isEmpty();
            assertThat((String) JsonPath.read(r, "$.data.objectType")).isEqualTo("ACCOUNT");
            assertThat((String) JsonPath.read(r, "$.data.objectId")).isEqualTo(id);
            assertThat((Object) JsonPath.read(r, "$.data.dossierId")).isNull();
            assertThat(r).doesNotContain("Geheime").doesNotContain(email).doesNotContain(token);
        });
        assertThat((String) JsonPath.read(records.get(1), "$.data.actorName")).isEqualTo("Mr. J. de Notaris");
    }

    @Test
    void aCompanyInvitingItsOwnExtraAccountIsNoStaffAction() throws Exception {
        String mainEmail = unique("hoofd");
        String mainId = invite("""
                {"type":"COMPANY","companyName":"Records B.V.","email":"%s","firstName":"Hoofd","lastName":"Account"}"""
                .formatted(mainEmail));
        String companyId = ((java.util.Map<String, List<String>>) keycloak.users.get(mainId).get("attributes"))
                .get("company_id").get(0);
        TestCaller main = new TestCaller(mainId, mainEmail, "Hoofd Account", "COMPANY_MAIN", companyId,
                List.of("client", "company-admin"));
        String extraId = JsonPath.read(mvc.perform(post("/api/me/accounts").with(main.token())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"%s\",\"firstName\":\"Extra\",\"lastName\":\"Collega\"}".formatted(unique("extra"))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/api/staff/accounts/{id}/invitation", extraId).with(STAFF.token()))
                .andExpect(status().isAccepted());

        assertThat(records(extraId, 1)).extracting(r -> (String) JsonPath.read(r, "$.data.action"))
                .as("the company's invitation came first and recorded nothing").containsExactly("INVITATION_RESENT");
    }

    static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    String invite(String json) throws Exception {
        return JsonPath.read(mvc.perform(post("/api/staff/accounts").with(STAFF.token())
                .contentType(MediaType.APPLICATION_JSON).content(json)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString(), "$.id");
    }

    String firstInvitationToken(String accountId) {
        try (TopicReader reader = new TopicReader(AccountTopics.TOPIC)) {
            List<ConsumerRecord<String, String>> invited = reader.readUntil(r -> accountId.equals(r.key())
                    && r.value().contains("portal.account.invited"), 1, WAIT);
            assertThat(invited).hasSize(1);
            return JsonPath.read(invited.get(0).value(), "$.data.invitationToken");
        }
    }

    /** The account's distinct staff action records, in order: the {@code count} expected and any more. */
    List<String> records(String accountId, int count) {
        try (TopicReader reader = new TopicReader(AccountTopics.STAFF_ACTIONS)) {
            return reader.readDistinctEvents(r -> accountId.equals(r.key()), count, WAIT, SETTLE).stream()
                    .map(ConsumerRecord::value).toList();
        }
    }
}
