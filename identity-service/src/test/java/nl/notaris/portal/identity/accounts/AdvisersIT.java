package nl.notaris.portal.identity.accounts;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.identity.IdentityIntegrationTest;
import nl.notaris.portal.identity.events.AccountTopics;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.TestCaller;
import nl.notaris.portal.testsupport.TopicReader;

/**
 * ADV-1 on the real database and broker with {@link nl.notaris.portal.identity.FakeKeycloak}: dossier-service
 * asks for the account of an adviser a client grants access; a new address becomes an invited ADVISER
 * account whose invitation tells who shared which dossier, an address in use is answered with its account.
 */
class AdvisersIT extends IdentityIntegrationTest {

    @Autowired
    MockMvc mvc;

    static String unique(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    ResultActions grant(TestCaller client, String email, String name, String language, String dossierNumber)
            throws Exception {
        return mvc.perform(post("/internal/advisers").with(client.token()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"email":"%s","name":"%s","language":"%s","invitedByName":"%s","dossierNumber":"%s"}"""
                        .formatted(email, name, language, client.name(), dossierNumber)));
    }

    /** Every distinct event of the account, reading on a while after the first {@code count} to see one too many. */
    static List<ConsumerRecord<String, String>> events(String accountId, int count) {
        try (TopicReader reader = new TopicReader(AccountTopics.TOPIC)) {
            return reader.readDistinctEvents(r -> accountId.equals(r.key()), count, Duration.ofSeconds(20),
                    Duration.ofSeconds(2));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, List<String>> attributes(String userId) {
        return (Map<String, List<String>>) keycloak.users.get(userId).get("attributes");
    }

    @Test
    void aNewAddressBecomesAnInvitedAdviserWhoseInvitationTellsWhoSharedWhichDossier() throws Exception {
        String email = unique("Adviseur");
        String response = grant(ANNA, email, "Bram de Hypotheek", "en", "2026-0001")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.email").value(email.toLowerCase()))
                .andExpect(jsonPath("$.name").value("Bram de Hypotheek"))
                .andExpect(jsonPath("$.created").value(true))
                .andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(response, "$.accountId");

        assertThat(keycloak.users.get(id)).containsEntry("email", email.toLowerCase()).containsEntry("firstName", "Bram")
                .containsEntry("lastName", "de Hypotheek").containsEntry("emailVerified", true);
        assertThat(attributes(id)).containsEntry("account_type", List.of("ADVISER")).containsEntry("locale", List.of("en"));
        assertThat(keycloak.roles.get(id)).containsExactly("client");
        mvc.perform(get("/api/staff/accounts/{id}", id).with(STAFF.token())).andExpect(jsonPath("$.type").value("ADVISER"))
                .andExpect(jsonPath("$.state").value("INVITED")).andExpect(jsonPath("$.language").value("en"));

        // a second grant to the same address (another dossier, another client) finds the account
        grant(TestCaller.BOB, email.toUpperCase(), "B. Hypotheek", "nl", "2026-0002")
                .andExpect(status().isOk()).andExpect(jsonPath("$.accountId").value(id))
                .andExpect(jsonPath("$.name").value("Bram de Hypotheek")).andExpect(jsonPath("$.created").value(false));

        var invited = events(id, 1);
        assertThat(invited).as("one invitation: the second grant invites nobody").hasSize(1);
        String event = invited.get(0).value();
        assertThat(EventContracts.violations(event)).isEmpty();
        assertThat((String) JsonPath.read(event, "$.type")).isEqualTo("portal.account.invited");
        assertThat((String) JsonPath.read(event, "$.data.account.accountType")).isEqualTo("ADVISER");
        assertThat((String) JsonPath.read(event, "$.data.account.language")).isEqualTo("en");
        assertThat((String) JsonPath.read(event, "$.data.invitedByName")).isEqualTo("Anna de Vries");
        assertThat((String) JsonPath.read(event, "$.data.dossierNumber")).isEqualTo("2026-0001");

        // signed in, the adviser is an ADVISER and manages no company accounts
        TestCaller adviser = new TestCaller(id, email.toLowerCase(), "Bram de Hypotheek", "ADVISER", null,
                List.of("client"));
        mvc.perform(get("/api/me").with(adviser.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.accountType").value("ADVISER")).andExpect(jsonPath("$.language").value("en"));
        mvc.perform(get("/api/me/accounts").with(adviser.token())).andExpect(status().isForbidden());
        // and invites nobody itself
        grant(adviser, unique("collega"), "Col Lega", "nl", "2026-0001").andExpect(status().isForbidden());
    }

    @Test
    void theOfficeSendingTheInvitationAgainStillTellsWhoSharedWhichDossier() throws Exception {
        String id = JsonPath.read(grant(ANNA, unique("opnieuw"), "Cher", "nl", "2026-0003")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.name").value("Cher"))
                .andReturn().getResponse().getContentAsString(), "$.accountId");
        assertThat(keycloak.users.get(id)).containsEntry("firstName", "Cher").doesNotContainKey("lastName");

        mvc.perform(post("/api/staff/accounts/{id}/invitation", id).with(STAFF.token())).andExpect(status().isAccepted());
        var invitations = events(id, 2);
        assertThat(invitations).hasSize(2).allSatisfy(record -> {
            assertThat(EventContracts.violations(record.value())).isEmpty();
            assertThat((String) JsonPath.read(record.value(), "$.data.invitedByName")).isEqualTo("Anna de Vries");
            assertThat((String) JsonPath.read(record.value(), "$.data.dossierNumber")).isEqualTo("2026-0003");
        });
    }

    @Test
    void anAddressInUseIsAnsweredWithItsAccountAsItIs() throws Exception {
        String email = unique("bestaande.klant");
        String clientId = JsonPath.read(mvc.perform(post("/api/staff/accounts").with(STAFF.token())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"type":"PERSON","email":"%s","firstName":"Noor","lastName":"Bakker"}""".formatted(email)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.id");
        int users = keycloak.users.size();

        grant(ANNA, email, "Iemand Anders", "en", "2026-0001").andExpect(status().isOk())
                .andExpect(jsonPath("$.accountId").value(clientId)).andExpect(jsonPath("$.name").value("Noor Bakker"))
                .andExpect(jsonPath("$.created").value(false));

        assertThat(keycloak.users).hasSize(users);
        mvc.perform(get("/api/staff/accounts/{id}", clientId).with(STAFF.token()))
                .andExpect(jsonPath("$.type").value("PERSON")).andExpect(jsonPath("$.firstName").value("Noor"))
                .andExpect(jsonPath("$.language").value("nl"));
        assertThat(events(clientId, 1)).as("only the office's invitation").hasSize(1);
    }

    @Test
    void aKeycloakUserThePortalHasNotRecordedYetIsAnsweredToo() throws Exception {
        String email = unique("alleen.in.keycloak");
        String id = keycloak.user(email, "PERSON", null, "nl", true);

        grant(ANNA, email, "Test Gebruiker", "nl", "2026-0001").andExpect(status().isOk())
                .andExpect(jsonPath("$.accountId").value(id)).andExpect(jsonPath("$.created").value(false));
        mvc.perform(get("/api/staff/accounts/{id}", id).with(STAFF.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.type").value("PERSON")).andExpect(jsonPath("$.state").value("ACTIVE"));
    }
}
