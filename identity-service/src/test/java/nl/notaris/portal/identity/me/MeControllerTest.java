package nl.notaris.portal.identity.me;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import nl.notaris.portal.identity.accounts.AccountPreferences;
import nl.notaris.portal.identity.accounts.AccountRecords;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(MeController.class)
class MeControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    AccountRecords accounts;
    @MockitoBean
    AccountPreferences preferences;

    @Test
    void aLanguageOtherThanDutchOrEnglishIsA400NamingTheField() throws Exception {
        mvc.perform(put("/api/me/language").with(ANNA.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"language\":\"fr\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("language"));
        mvc.perform(put("/api/me/language").with(ANNA.token()).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .content("language=en"))
                .andExpect(status().isUnsupportedMediaType());
        verify(preferences, never()).changeLanguage(any(), any());
    }

    @Test
    void withoutAChoiceTheLanguageIsDutch() throws Exception {
        org.mockito.BDDMockito.given(accounts.findOrReconcile(any())).willReturn(java.util.Optional.empty());
        mvc.perform(get("/api/me").with(ANNA.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("nl")).andExpect(jsonPath("$.email").value("anna@example.com"));
        mvc.perform(get("/api/me")).andExpect(status().isUnauthorized());
    }

    @Test
    void aStaffMemberGetsTheLanguageChosenLastNotTheOneOfTheSignIn() throws Exception {
        org.mockito.BDDMockito.given(preferences.staffLanguage(STAFF.accountId())).willReturn(java.util.Optional.of("en"));
        mvc.perform(get("/api/me").with(STAFF.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("en"));
        org.mockito.BDDMockito.given(preferences.staffLanguage(STAFF.accountId())).willReturn(java.util.Optional.empty());
        mvc.perform(get("/api/me").with(STAFF.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.language").value("nl"));
        verify(accounts, never()).findOrReconcile(any());
    }

    /** ADV-1: the web app shapes Home, Acties and Mijn gegevens for an adviser by its type. */
    @Test
    void anAdviserIsToldItIsAnAdviser() throws Exception {
        org.mockito.BDDMockito.given(accounts.findOrReconcile(any())).willReturn(java.util.Optional.empty());
        var adviser = new nl.notaris.portal.testsupport.TestCaller("adv-1", "adviseur@example.com", "Bram Hypotheek",
                "ADVISER", null, java.util.List.of("client"));
        mvc.perform(get("/api/me").with(adviser.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.accountType").value("ADVISER"));
    }
}
