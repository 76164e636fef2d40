package nl.notaris.portal.identity.accounts;

import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.identity.IdentityIntegrationTest;
import nl.notaris.portal.identity.events.AccountTopics;
import nl.notaris.portal.testsupport.TopicReader;

/**
 * The invitation page's confirmation takes the same path for a right and a wrong address: it only
 * records the request, and the set-password e-mail (#2) goes out shortly after, once, retried while
 * Keycloak fails. So the answer's timing tells nobody whether the address was right.
 */
class SetPasswordEmailIT extends IdentityIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;

    record Invited(String id, String email, String token) {
    }

    Invited invite() throws Exception {
        String email = "bevestig." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String response = mvc.perform(post("/api/staff/accounts").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"PERSON\",\"email\":\"%s\",\"firstName\":\"Bea\",\"lastName\":\"Vestig\"}"
                                .formatted(email)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(response, "$.id");
        Set<String> seen = new HashSet<>();
        try (TopicReader reader = new TopicReader(AccountTopics.TOPIC)) {
            var invited = reader.readUntil(r -> id.equals(r.key()) && seen.add(JsonPath.read(r.value(), "$.id")), 1,
                    Duration.ofSeconds(20));
            return new Invited(id, email, JsonPath.read(invited.get(0).value(), "$.data.invitationToken"));
        }
    }

    void confirm(String token, String email) throws Exception {
        mvc.perform(post("/api/public/invitations/{token}/confirm", token).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"%s\"}".formatted(email)))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("VALID"));
    }

    /** The stored invitation as it is in the database. */
    org.bson.Document invitation(String token) {
        return mongo.findOne(query(where("_id").is(Invitation.hash(token))), org.bson.Document.class, "invitations");
    }

    @Test
    void neitherAddressWaitsForKeycloakAndTheRightOneGetsExactlyOneEmailShortlyAfter() throws Exception {
        Invited anna = invite();
        // Keycloak answers nothing until released: a confirmation that waited for it would time out (500)
        CountDownLatch keycloakAnswers = keycloak.holdSetPasswordEmails(anna.id());
        try {
            confirm(anna.token(), "iemand.anders@example.com");
            confirm(anna.token(), anna.email().toUpperCase());
            assertThat(keycloak.setPasswordEmailsTo(anna.id())).isZero();

            await().atMost(Duration.ofSeconds(20)).until(() -> keycloak.setPasswordEmailRequestsFor(anna.id()) == 1);
        } finally {
            keycloakAnswers.countDown();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> invitation(anna.token()).get("passwordEmailSentAt") != null);
        assertThat(keycloak.setPasswordEmailsTo(anna.id())).isEqualTo(1);
        assertThat(keycloak.setPasswordEmailRequestsFor(anna.id())).isEqualTo(1);
        assertThat(invitation(anna.token()).get("passwordEmailDueAt")).isNull();
    }

    @Test
    void aWrongAddressRecordsNoRequestAndSendsNothing() throws Exception {
        Invited bram = invite();
        confirm(bram.token(), "iemand.anders@example.com");
        org.bson.Document afterWrong = invitation(bram.token());
        assertThat(afterWrong.get("usedAt")).isNull();
        assertThat(afterWrong.get("passwordEmailDueAt")).isNull();
        assertThat(afterWrong.get("lastTriedAt")).isNotNull();
        assertThat(keycloak.setPasswordEmailRequestsFor(bram.id())).isZero();
    }

    @Test
    void whileKeycloakFailsTheEmailIsTriedAgainUntilItIsSent() throws Exception {
        Invited cees = invite();
        keycloak.failSetPasswordEmails(cees.id(), 2);

        confirm(cees.token(), cees.email());

        await().atMost(Duration.ofSeconds(30)).until(() -> keycloak.setPasswordEmailsTo(cees.id()) == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> invitation(cees.token()).get("passwordEmailSentAt") != null);
        assertThat(keycloak.setPasswordEmailRequestsFor(cees.id())).isEqualTo(3);
        assertThat(keycloak.setPasswordEmailsTo(cees.id())).isEqualTo(1);
    }

    /** One stored before the set-password e-mail was sent in the background still works. */
    @Test
    void anInvitationStoredWithoutTheNewFieldsStillWorks() throws Exception {
        Invited dirk = invite();
        mongo.updateFirst(query(where("_id").is(Invitation.hash(dirk.token()))),
                new org.springframework.data.mongodb.core.query.Update().unset("passwordEmailTries"), "invitations");
        assertThat(invitation(dirk.token()).containsKey("passwordEmailTries")).isFalse();

        confirm(dirk.token(), dirk.email());

        await().atMost(Duration.ofSeconds(20)).until(() -> keycloak.setPasswordEmailsTo(dirk.id()) == 1);
    }
}
