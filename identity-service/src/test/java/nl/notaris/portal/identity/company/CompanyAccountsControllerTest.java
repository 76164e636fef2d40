package nl.notaris.portal.identity.company;

import static nl.notaris.portal.testsupport.TestCaller.JANSEN_BV;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;

import nl.notaris.portal.identity.accounts.AccountInvitations;
import nl.notaris.portal.identity.accounts.AccountRecords;
import nl.notaris.portal.identity.accounts.ExtraAccounts;
import nl.notaris.portal.testsupport.TestCaller;

@WebMvcTest(CompanyAccountsController.class)
class CompanyAccountsControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AccountRecords accounts;
    @MockitoBean
    AccountInvitations invitations;
    @MockitoBean
    ExtraAccounts extraAccounts;

    /** The same rules as the office's invitations: what Keycloak would refuse is a 400 naming the field. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "email     | x<b>@example.com",
            "email     | a,b@x",
            "email     | jörg@example.com",
            "firstName | <script>alert(1)</script>",
            "lastName  | Jansen <b>",
            "phone     | 06 1234",
            "phone     | 06 01234567",
            "phone     | +31 6 12345678 ext 2" })
    void whatKeycloakWouldRefuseIsA400NamingTheField(String field, String value) throws Exception {
        Map<String, String> colleague = new HashMap<>(Map.of("email", "collega@example.com", "firstName", "Piet",
                "lastName", "Jansen"));
        colleague.put(field, value);
        mvc.perform(post("/api/me/accounts").with(JANSEN_BV.token()).contentType(MediaType.APPLICATION_JSON)
                        .content(new ObjectMapper().writeValueAsString(colleague)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors.length()").value(1));
        verifyNoInteractions(accounts, invitations, extraAccounts);
    }

    /** ADV-1: an adviser a client let into a dossier is no company's main account. */
    @Test
    void anAdviserManagesNoCompanyAccounts() throws Exception {
        TestCaller adviser = new TestCaller("adv-1", "adviseur@example.com", "Bram Hypotheek", "ADVISER", null,
                List.of("client"));
        mvc.perform(get("/api/me/accounts").with(adviser.token())).andExpect(status().isForbidden());
        mvc.perform(post("/api/me/accounts").with(adviser.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\":\"collega@example.com\",\"firstName\":\"Piet\",\"lastName\":\"Jansen\"}"))
                .andExpect(status().isForbidden());
        verifyNoInteractions(accounts, invitations, extraAccounts);
    }
}
