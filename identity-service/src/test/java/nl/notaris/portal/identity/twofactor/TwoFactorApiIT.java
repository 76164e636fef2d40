package nl.notaris.portal.identity.twofactor;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import nl.notaris.portal.identity.IdentityIntegrationTest;
import nl.notaris.portal.testsupport.TestCaller;

/** The second factors of the signed-in account, read from Keycloak's credentials of that account only. */
class TwoFactorApiIT extends IdentityIntegrationTest {

    @Autowired
    MockMvc mvc;

    static TestCaller client(String email) {
        String id = keycloak.user(email, "PERSON", null, "nl", true);
        return new TestCaller(id, email, "Test Gebruiker", "PERSON", null, List.of("client"));
    }

    @Test
    void anAccountWithoutSecondFactorsHasNone() throws Exception {
        TestCaller plain = client("tf.plain@example.com");
        mvc.perform(get("/api/me/two-factor").with(plain.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.sms").isEmpty())
                .andExpect(jsonPath("$.authenticatorApps").isEmpty())
                .andExpect(jsonPath("$.passkeys").isEmpty())
                .andExpect(jsonPath("$.recoveryCode").value(false));
    }

    @Test
    void smsAppAndPasskeyAreListedWithTheNumberMaskedAndNoSecrets() throws Exception {
        TestCaller sanne = client("tf.sanne@example.com");
        keycloak.otherCredentials.put(sanne.accountId(), List.of(
                Map.of("id", "cred-sms", "type", "portal-sms", "createdDate", 1795000000000L,
                        "credentialData", "{\"phoneNumber\":\"+31612345678\"}"),
                Map.of("id", "cred-rc", "type", "portal-recovery-code", "createdDate", 1795000000000L),
                Map.of("id", "cred-otp", "type", "otp", "userLabel", "Telefoon", "createdDate", 1795000000000L),
                Map.of("id", "cred-key", "type", "webauthn", "userLabel", "Laptop", "createdDate", 1795000000000L)));

        mvc.perform(get("/api/me/two-factor").with(sanne.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.sms.phoneNumber").value("+31 6 •••• ••78"))
                .andExpect(jsonPath("$.sms.since").value("2026-11-18T11:06:40Z"))
                .andExpect(jsonPath("$.authenticatorApps[0].id").value("cred-otp"))
                .andExpect(jsonPath("$.authenticatorApps[0].label").value("Telefoon"))
                .andExpect(jsonPath("$.passkeys[0].label").value("Laptop"))
                .andExpect(jsonPath("$.recoveryCode").value(true));

        TestCaller other = client("tf.other@example.com");
        mvc.perform(get("/api/me/two-factor").with(other.token())).andExpect(jsonPath("$.sms").isEmpty());
    }

    @Test
    void anonymousCallersGet401() throws Exception {
        mvc.perform(get("/api/me/two-factor")).andExpect(status().isUnauthorized());
    }
}
