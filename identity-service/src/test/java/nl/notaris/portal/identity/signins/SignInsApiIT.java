package nl.notaris.portal.identity.signins;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import nl.notaris.portal.identity.IdentityIntegrationTest;
import nl.notaris.portal.testsupport.TestCaller;

/** "Recente aanmeldingen": the caller's own sign-ins and failed attempts, from Keycloak's stored events. */
class SignInsApiIT extends IdentityIntegrationTest {

    private static final String FIREFOX = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
    private static final String SAFARI_IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
    private static final long T = Instant.parse("2026-12-05T14:02:11Z").toEpochMilli();

    @Autowired
    MockMvc mvc;

    static TestCaller client(String email) {
        String id = keycloak.user(email, "PERSON", null, "nl", true);
        return new TestCaller(id, email, "Test Gebruiker", "PERSON", null, List.of("client"));
    }

    @Test
    void theCallersOwnSignInsAndFailedAttemptsNewestFirstWithBrowserSystemAndNetwork() throws Exception {
        TestCaller noor = client("si.noor@example.com");
        TestCaller other = client("si.other@example.com");
        keycloak.signIn(noor.accountId(), T - 60_000, "LOGIN_ERROR", "203.0.113.57", "invalid_user_credentials",
                Map.of("user_agent", FIREFOX, "credential_type", "password", "username", "si.noor@example.com"));
        keycloak.signIn(noor.accountId(), T, "LOGIN", "2001:db8:12:34:abcd:ef01:2345:6789", null,
                Map.of("user_agent", SAFARI_IPHONE, "auth_method", "openid-connect"));
        keycloak.signIn(noor.accountId(), T - 120_000, "LOGIN_ERROR", "203.0.113.57", "invalid_user_credentials",
                Map.of("user_agent", SAFARI_IPHONE, "credential_type", "portal-sms"));
        keycloak.signIn(noor.accountId(), T - 30_000, "UPDATE_PASSWORD", "203.0.113.57", null, Map.of());
        keycloak.signIn(other.accountId(), T + 1_000, "LOGIN", "198.51.100.1", null, Map.of("user_agent", FIREFOX));

        mvc.perform(get("/api/me/sign-ins").with(noor.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(3)))
                .andExpect(jsonPath("$.items[0].at").value("2026-12-05T14:02:11Z"))
                .andExpect(jsonPath("$.items[0].outcome").value("SUCCESS"))
                .andExpect(jsonPath("$.items[0].reason").value(nullValue()))
                .andExpect(jsonPath("$.items[0].browser").value("Safari 18"))
                .andExpect(jsonPath("$.items[0].system").value("iPhone (iOS 18)"))
                .andExpect(jsonPath("$.items[0].network").value("2001:db8:12:34::/64"))
                .andExpect(jsonPath("$.items[1].at").value("2026-12-05T14:01:11Z"))
                .andExpect(jsonPath("$.items[1].outcome").value("FAILED"))
                .andExpect(jsonPath("$.items[1].reason").value("WRONG_PASSWORD"))
                .andExpect(jsonPath("$.items[1].browser").value("Firefox 133"))
                .andExpect(jsonPath("$.items[1].system").value("Windows 10/11"))
                .andExpect(jsonPath("$.items[1].network").value("203.0.113.0/24"))
                .andExpect(jsonPath("$.items[2].reason").value("WRONG_CODE"))
                // never the full address, the username or the user agent itself
                .andExpect(jsonPath("$.items[1].ipAddress").doesNotExist())
                .andExpect(jsonPath("$.items[1].details").doesNotExist());

        mvc.perform(get("/api/me/sign-ins").with(other.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].network").value("198.51.100.0/24"));
    }

    @Test
    void atMostTheTwentyNewest() throws Exception {
        TestCaller busy = client("si.busy@example.com");
        for (int i = 0; i < 25; i++) {
            keycloak.signIn(busy.accountId(), T + i * 1_000L, "LOGIN", "203.0.113.5", null, Map.of());
        }

        mvc.perform(get("/api/me/sign-ins").with(busy.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(20)))
                .andExpect(jsonPath("$.items[0].at").value("2026-12-05T14:02:35Z"))
                .andExpect(jsonPath("$.items[19].at").value("2026-12-05T14:02:16Z"));
    }

    @Test
    void anAccountThatNeverSignedInHasAnEmptyList() throws Exception {
        mvc.perform(get("/api/me/sign-ins").with(client("si.new@example.com").token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(0)));
    }

    @Test
    void staffSeeTheirOwn() throws Exception {
        String id = keycloak.user("si.notaris@example.com", "STAFF", null, "nl", true);
        TestCaller staff = new TestCaller(id, "si.notaris@example.com", "Notaris", null, null, List.of("staff"));
        keycloak.signIn(id, T, "LOGIN", "192.0.2.10", null, Map.of("user_agent", FIREFOX));

        mvc.perform(get("/api/me/sign-ins").with(staff.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].network").value("192.0.2.0/24"));
    }

    @Test
    void keycloakDownIsA503ProblemNeverA500() throws Exception {
        TestCaller client = client("si.down@example.com");
        keycloak.eventsUnavailable = true;
        try {
            mvc.perform(get("/api/me/sign-ins").with(client.token())).andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Content-Type", startsWith("application/problem+json")));
        } finally {
            keycloak.eventsUnavailable = false;
        }
    }

    @Test
    void anonymousCallersGet401() throws Exception {
        mvc.perform(get("/api/me/sign-ins")).andExpect(status().isUnauthorized());
    }
}
