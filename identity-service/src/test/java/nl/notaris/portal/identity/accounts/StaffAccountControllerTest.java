package nl.notaris.portal.identity.accounts;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import nl.notaris.portal.identity.keycloak.KeycloakAdminClient;
import nl.notaris.portal.identity.keycloak.KeycloakAdminClient.UserRepresentation;

@WebMvcTest(StaffAccountController.class)
class StaffAccountControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    KeycloakAdminClient keycloak;
    @MockitoBean
    AccountRecords accounts;
    @MockitoBean
    AccountInvitations invitations;
    @MockitoBean
    AccountSearch search;

    static UserRepresentation user(String email, boolean verified, boolean enabled) {
        return new UserRepresentation("kc-1", email, email, "Anna", "de Vries", enabled, verified,
                Map.of("account_type", List.of("PERSON")));
    }

    @Test
    void onlyAnEnabledAccountWithAVerifiedAddressIsFound() throws Exception {
        given(keycloak.findUsersByEmail("anna@example.com")).willReturn(List.of(user("anna@example.com", true, true)));
        given(keycloak.findUsersByEmail("typed@example.com")).willReturn(List.of(user("typed@example.com", false, true)));
        given(keycloak.findUsersByEmail("blocked@example.com")).willReturn(List.of(user("blocked@example.com", true, false)));

        mvc.perform(get("/api/staff/accounts/lookup").param("email", "anna@example.com").with(STAFF.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.id").value("kc-1"));
        mvc.perform(get("/api/staff/accounts/lookup").param("email", "typed@example.com").with(STAFF.token()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/staff/accounts/lookup").param("email", "blocked@example.com").with(STAFF.token()))
                .andExpect(status().isNotFound());
    }

    @Test
    void somethingThatIsNotAnAddressIsA400NamingTheFieldAndNeverReachesKeycloak() throws Exception {
        for (String bad : new String[] { "", "geen-adres", "a b@c", "a@b@c" }) {
            mvc.perform(get("/api/staff/accounts/lookup").param("email", bad).with(STAFF.token()))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("email"));
        }
        mvc.perform(get("/api/staff/accounts/lookup").param("email", "a\u0000@b").with(STAFF.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("email"));
        verifyNoInteractions(keycloak);
    }

    @Test
    void anInvitationNamesEachWrongFieldAndNeverReachesKeycloak() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/staff/accounts")
                        .with(STAFF.token()).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"PERSON\",\"email\":\"geen-adres\",\"firstName\":\"\",\"lastName\":\"B\",\"language\":\"de\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("email", "firstName", "language")));
        // a NUL is refused as well (by the JSON reader or by the address rule)
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/staff/accounts")
                        .with(STAFF.token()).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"PERSON\",\"email\":\"a\\u0000@b.nl\",\"firstName\":\"A\",\"lastName\":\"B\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("email"));
        verifyNoInteractions(accounts, invitations, keycloak);
    }

    /** What Keycloak's user profile refuses is refused here first, naming the field, instead of a 500 from Keycloak. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "email     | x<b>@example.com",
            "email     | a,b@x",
            "email     | jörg@example.com",
            "email     | anna@localhost",
            "firstName | <script>alert(1)</script>",
            "lastName  | Jansen <b>",
            "phone     | 12345678",
            "phone     | 0800-FLOWERS" })
    void whatKeycloakWouldRefuseIsA400NamingTheFieldAndNeverReachesKeycloak(String field, String value) throws Exception {
        java.util.Map<String, String> invitation = new java.util.HashMap<>(
                Map.of("type", "PERSON", "email", "anna@example.com", "firstName", "Anna", "lastName", "de Vries"));
        invitation.put(field, value);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/staff/accounts")
                        .with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(invitation)))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors.length()").value(1));
        verifyNoInteractions(accounts, invitations, keycloak);
    }

    @Test
    void namesWithAccentsApostrophesAndHyphensAndUsualAddressesAreAccepted() throws Exception {
        given(invitations.inviteByStaff(any(), any())).willReturn(Account.invited("kc-2",
                "jan.de-vries+notaris@mail.example.nl", "Ëlla", "van 't Hoff-Smit", AccountType.PERSON, null, null, "nl",
                null, java.time.Instant.parse("2026-01-01T00:00:00Z")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/staff/accounts")
                        .with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"PERSON\",\"email\":\"Jan.de-Vries+notaris@mail.example.nl\","
                                + "\"firstName\":\"Ëlla\",\"lastName\":\"van 't Hoff-Smit\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void theListPassesItsFiltersOnToTheSearch() throws Exception {
        given(search.forStaff(any(), any())).willReturn(new PageImpl<>(List.of(Account.invited("kc-3", "eva@example.com",
                "Eva", "Smit", AccountType.COMPANY_MAIN, "c-1", "Bakkerij B.V.", "nl", null,
                java.time.Instant.parse("2026-01-01T00:00:00Z"))), PageRequest.of(1, 5), 6));

        mvc.perform(get("/api/staff/accounts").param("query", " Smit ").param("state", "invited,ACTIVE")
                        .param("state", "BLOCKED").param("type", "COMPANY_MAIN").param("companyId", "c-1")
                        .param("page", "1").param("size", "5").with(STAFF.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].id").value("kc-3"))
                .andExpect(jsonPath("$.items[0].name").value("Eva Smit"))
                .andExpect(jsonPath("$.items[0].companyName").value("Bakkerij B.V."))
                .andExpect(jsonPath("$.items[0].createdAt").value("2026-01-01T00:00:00Z"))
                .andExpect(jsonPath("$.items[0].updatedAt").value("2026-01-01T00:00:00Z"))
                .andExpect(jsonPath("$.totalItems").value(6)).andExpect(jsonPath("$.totalPages").value(2));
        verify(search).forStaff(new AccountSearch.Filter(" Smit ",
                EnumSet.of(AccountState.INVITED, AccountState.ACTIVE, AccountState.BLOCKED),
                EnumSet.of(AccountType.COMPANY_MAIN), "c-1"), PageRequest.of(1, 5));
    }

    @Test
    void anUnknownStateOrTypeIsA400NamingTheParameterAndNeverSearches() throws Exception {
        mvc.perform(get("/api/staff/accounts").param("state", "ACTIVE,SLEEPING").with(STAFF.token()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("state"));
        mvc.perform(get("/api/staff/accounts").param("type", "ROBOT").with(STAFF.token()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        verifyNoInteractions(search);
    }

    @Test
    void clientsMayNotListAccounts() throws Exception {
        mvc.perform(get("/api/staff/accounts").with(ANNA.token())).andExpect(status().isForbidden());
        verifyNoInteractions(search);
    }

    @Test
    void clientsMayNotLookUpAndAnonymousIs401() throws Exception {
        mvc.perform(get("/api/staff/accounts/lookup").param("email", "x@example.com").with(ANNA.token()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/staff/accounts/lookup").param("email", "x@example.com")).andExpect(status().isUnauthorized());
    }
}
