package nl.notaris.portal.identity.me;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import nl.notaris.portal.identity.IdentityIntegrationTest;
import nl.notaris.portal.identity.events.AccountTopics;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.TestCaller;
import nl.notaris.portal.testsupport.TopicReader;

class MeApiIT extends IdentityIntegrationTest {

    @Autowired
    MockMvc mvc;

    /** A client as Keycloak knows it, signed in with a token of its own. */
    static TestCaller client(String email, String accountType, String companyId) {
        String id = keycloak.user(email, accountType, companyId, "nl", true);
        return new TestCaller(id, email, "Test Gebruiker", accountType, companyId,
                "COMPANY_MAIN".equals(accountType) ? List.of("client", "company-admin") : List.of("client"));
    }

    @Test
    void meTellsWhoIsSignedInWithDutchAsDefaultLanguage() throws Exception {
        TestCaller main = client("me.main@example.com", "COMPANY_MAIN", "bakkerij-me");
        mvc.perform(get("/api/me").with(main.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(main.accountId()))
                .andExpect(jsonPath("$.email").value("me.main@example.com"))
                .andExpect(jsonPath("$.roles").value(org.hamcrest.Matchers.hasItems("client", "company-admin")))
                .andExpect(jsonPath("$.accountType").value("COMPANY_MAIN"))
                .andExpect(jsonPath("$.companyId").value("bakkerij-me"))
                .andExpect(jsonPath("$.language").value("nl"))
                .andExpect(jsonPath("$.firstSignIn").value(false));
    }

    @Test
    void theLanguageChoiceAppliesAtOnceAlsoInKeycloakAndIsValidated() throws Exception {
        TestCaller anna = client("me.anna@example.com", "PERSON", null);
        mvc.perform(get("/api/me").with(anna.token())).andExpect(jsonPath("$.language").value("nl"));
        mvc.perform(put("/api/me/language").with(anna.token()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"language\":\"en\"}")).andExpect(status().isNoContent());
        mvc.perform(get("/api/me").with(anna.token())).andExpect(jsonPath("$.language").value("en"));
        org.assertj.core.api.Assertions.assertThat(keycloak.users.get(anna.accountId()).get("attributes").toString())
                .contains("locale=[en]");

        mvc.perform(put("/api/me/language").with(anna.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"language\":\"fr\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("language"));
        mvc.perform(get("/api/me").with(anna.token())).andExpect(jsonPath("$.language").value("en"));
    }

    @Test
    void notificationChoicesAreAllOnUntilChangedAndReachNotificationServiceAsAnEvent() throws Exception {
        TestCaller bram = client("me.bram@example.com", "PERSON", null);
        mvc.perform(get("/api/me/notifications").with(bram.token())).andExpect(status().isOk())
                .andExpect(content().json("{\"documents\":true,\"questionnaires\":true,\"messages\":true}", true));

        mvc.perform(put("/api/me/notifications").with(bram.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"documents\":false,\"questionnaires\":true,\"messages\":false}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.documents").value(false));
        mvc.perform(get("/api/me/notifications").with(bram.token()))
                .andExpect(jsonPath("$.documents").value(false)).andExpect(jsonPath("$.messages").value(false))
                .andExpect(jsonPath("$.questionnaires").value(true));

        mvc.perform(put("/api/me/notifications").with(bram.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"documents\":true,\"messages\":\"ja\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/me/notifications").with(bram.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"documents\":true,\"messages\":true}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("questionnaires"));

        try (TopicReader reader = new TopicReader(AccountTopics.TOPIC)) {
            var changed = reader.readUntil(r -> bram.accountId().equals(r.key())
                    && r.value().contains("portal.account.changed") && r.value().contains("\"documents\":false"), 1,
                    Duration.ofSeconds(20));
            assertThat(changed).hasSize(1);
            assertThat(EventContracts.violations(changed.get(0).value())).isEmpty();
            assertThat(changed.get(0).value()).contains("\"messages\":false").contains("\"questionnaires\":true");
        }
    }

    @Test
    void anonymousCallersGet401() throws Exception {
        mvc.perform(get("/api/me")).andExpect(status().isUnauthorized());
    }
}
