package nl.notaris.portal.identity.accounts;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

import nl.notaris.portal.identity.IdentityIntegrationTest;
import nl.notaris.portal.testsupport.RawHttp;

/** The look-up against Keycloak's admin API, authenticated with this service's own client credentials. */
class AccountLookupIT extends IdentityIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Value("${local.server.port}")
    int port;

    @Test
    void staffFindAnAccountByEmail() throws Exception {
        String id = keycloak.user("lookup.jansen@example.com", "COMPANY_MAIN", "bakkerij-lookup", "nl", true);
        mvc.perform(get("/api/staff/accounts/lookup").param("email", "Lookup.Jansen@example.com").with(STAFF.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.accountType").value("COMPANY_MAIN"))
                .andExpect(jsonPath("$.companyId").value("bakkerij-lookup"))
                .andExpect(jsonPath("$.name").value("Bedrijf bakkerij-lookup"));
    }

    /** An address nobody verified (e.g. one a client typed in itself) never makes its account a party. */
    @Test
    void anAccountWithAnUnverifiedAddressIsNotFound() throws Exception {
        String id = keycloak.user("changed@example.com", "PERSON", null, "nl", true);
        keycloak.users.get(id).put("emailVerified", false);
        mvc.perform(get("/api/staff/accounts/lookup").param("email", "changed@example.com").with(STAFF.token()))
                .andExpect(status().isNotFound());
    }

    @Test
    void unknownAddressesAre404AndClientsMayNotLookUp() throws Exception {
        mvc.perform(get("/api/staff/accounts/lookup").param("email", "nobody@example.com").with(STAFF.token()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/staff/accounts/lookup").param("email", "not-an-address").with(STAFF.token()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/staff/accounts/lookup").param("email", "x@example.com").with(ANNA.token()))
                .andExpect(status().isForbidden());
    }

    /** Over real HTTP, as an attack run sent it: a 400 naming the field, not a 500 from Keycloak's refusal. */
    @Test
    void aNulByteOrBytesThatAreNotUtf8InTheAddressAreA400() throws IOException {
        RawHttp.send(port, "GET /api/staff/accounts/lookup?email=a%00@b HTTP/1.1\r\n" + STAFF.bearer())
                .assertProblem(400).assertField("email");
        RawHttp.send(port, "GET /api/staff/accounts/lookup?email=a%C0%80@b HTTP/1.1\r\n" + STAFF.bearer())
                .assertProblem(400).assertField("email");
    }
}
