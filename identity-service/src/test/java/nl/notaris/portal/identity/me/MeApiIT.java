package nl.notaris.portal.identity.me;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.JANSEN_BV;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;

@ServiceIntegrationTest
class MeApiIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void meTellsWhoIsSignedInWithDutchAsDefaultLanguage() throws Exception {
        mvc.perform(get("/api/me").with(JANSEN_BV.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(JANSEN_BV.accountId()))
                .andExpect(jsonPath("$.email").value("jansen.bv@example.com"))
                .andExpect(jsonPath("$.name").value("Bakkerij Jansen B.V."))
                .andExpect(jsonPath("$.roles").value(org.hamcrest.Matchers.hasItems("client", "company-admin")))
                .andExpect(jsonPath("$.accountType").value("COMPANY_MAIN"))
                .andExpect(jsonPath("$.companyId").value("bakkerij-jansen"))
                .andExpect(jsonPath("$.language").value("nl"));
    }

    @Test
    void theLanguageChoiceAppliesAtOnceAndIsValidated() throws Exception {
        mvc.perform(put("/api/me/language").with(ANNA.token()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"language\":\"en\"}")).andExpect(status().isNoContent());
        mvc.perform(get("/api/me").with(ANNA.token())).andExpect(jsonPath("$.language").value("en"));

        mvc.perform(put("/api/me/language").with(ANNA.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"language\":\"fr\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("language"));
        mvc.perform(get("/api/me").with(ANNA.token())).andExpect(jsonPath("$.language").value("en"));

        mvc.perform(put("/api/me/language").with(ANNA.token()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"language\":\"nl\"}")).andExpect(status().isNoContent());
    }

    @Test
    void anonymousCallersGet401() throws Exception {
        mvc.perform(get("/api/me")).andExpect(status().isUnauthorized());
    }
}
