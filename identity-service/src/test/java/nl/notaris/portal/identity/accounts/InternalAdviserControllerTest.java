package nl.notaris.portal.identity.accounts;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.JANSEN_BV;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
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

import nl.notaris.portal.identity.accounts.AdviserAccounts.AdviserAccount;
import nl.notaris.portal.identity.accounts.AdviserAccounts.NewAdviser;
import nl.notaris.portal.testsupport.TestCaller;

/** {@code POST /internal/advisers}: who may call it, what it accepts, and its answer (ADV-1). */
@WebMvcTest(InternalAdviserController.class)
class InternalAdviserControllerTest {

    static final TestCaller ADVISER = new TestCaller("adv-1", "adviseur@example.com", "Bram Hypotheek", "ADVISER",
            null, List.of("client"));

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AdviserAccounts accounts;

    static Map<String, String> adviser() {
        return new HashMap<>(Map.of("email", "adviseur@example.com", "name", "Bram de Hypotheek", "language", "en",
                "invitedByName", "Anna de Vries", "dossierNumber", "2026-0001"));
    }

    static String json(Map<String, String> body) throws Exception {
        return new ObjectMapper().writeValueAsString(body);
    }

    @Test
    void aNewAdviserIsCreatedAndAnExistingAccountIsReturnedAsItIs() throws Exception {
        given(accounts.inviteAdviser(any())).willReturn(
                new AdviserAccount("kc-1", "adviseur@example.com", "Bram de Hypotheek", true));
        mvc.perform(post("/internal/advisers").with(ANNA.token()).contentType(MediaType.APPLICATION_JSON)
                        .content(json(adviser())))
                .andExpect(status().isCreated())
                .andExpect(content().json("""
                        {"accountId":"kc-1","email":"adviseur@example.com","name":"Bram de Hypotheek","created":true}""",
                        true));
        verify(accounts).inviteAdviser(new NewAdviser("adviseur@example.com", "Bram de Hypotheek", "en",
                "Anna de Vries", "2026-0001"));

        given(accounts.inviteAdviser(any())).willReturn(
                new AdviserAccount("kc-2", "adviseur@example.com", "Bram Bestaand", false));
        mvc.perform(post("/internal/advisers").with(JANSEN_BV.token()).contentType(MediaType.APPLICATION_JSON)
                        .content(json(adviser())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.accountId").value("kc-2"))
                .andExpect(jsonPath("$.created").value(false));
    }

    @Test
    void withoutALanguageTheAdviserGetsDutchAndTheSharingDetailsMayBeLeftOut() throws Exception {
        given(accounts.inviteAdviser(any())).willReturn(new AdviserAccount("kc-1", "adviseur@example.com", "Bram", true));
        mvc.perform(post("/internal/advisers").with(ANNA.token()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"adviseur@example.com\",\"name\":\"Bram\"}")).andExpect(status().isCreated());
        verify(accounts).inviteAdviser(new NewAdviser("adviseur@example.com", "Bram", "nl", null, null));
    }

    @Test
    void onlyAClientMayCallStaffAndAdvisersAreRefused() throws Exception {
        for (TestCaller refused : List.of(STAFF, ADVISER, ANNA.withRoles("staff", "client"))) {
            mvc.perform(post("/internal/advisers").with(refused.token()).contentType(MediaType.APPLICATION_JSON)
                            .content(json(adviser())))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        }
        mvc.perform(post("/internal/advisers").contentType(MediaType.APPLICATION_JSON).content(json(adviser())))
                .andExpect(status().isUnauthorized());
        verifyNoInteractions(accounts);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "email         | NULL",
            "email         | geen-adres",
            "email         | jörg@example.com",
            "name          | NULL",
            "name          | '   '",
            "name          | Bram <b>Hypotheek</b>",
            "language      | fr",
            "invitedByName | 'Anna\nde Vries'",
            "dossierNumber | 'a\u202Eb'" })
    void anUnacceptableFieldIsA400NamingIt(String field, String value) throws Exception {
        Map<String, String> body = adviser();
        body.put(field, value);
        mvc.perform(post("/internal/advisers").with(ANNA.token()).contentType(MediaType.APPLICATION_JSON)
                        .content(json(body)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors.length()").value(1));
        verifyNoInteractions(accounts);
    }

    @Test
    void aNameOrDossierNumberLongerThanTwoHundredCharactersIsA400() throws Exception {
        for (String field : List.of("name", "invitedByName", "dossierNumber")) {
            Map<String, String> body = adviser();
            body.put(field, "a".repeat(201));
            mvc.perform(post("/internal/advisers").with(ANNA.token()).contentType(MediaType.APPLICATION_JSON)
                    .content(json(body))).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(field));
        }
        verifyNoInteractions(accounts);
    }
}
