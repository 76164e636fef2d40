package nl.notaris.portal.identity.accounts;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
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
    AccountService accounts;

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
                        .content("{\"type\":\"PERSON\",\"email\":\"a\\u0000@b\",\"firstName\":\"\",\"lastName\":\"B\",\"language\":\"de\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.containsInAnyOrder("email", "firstName", "language")));
        verifyNoInteractions(accounts, keycloak);
    }

    @Test
    void clientsMayNotLookUpAndAnonymousIs401() throws Exception {
        mvc.perform(get("/api/staff/accounts/lookup").param("email", "x@example.com").with(ANNA.token()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/staff/accounts/lookup").param("email", "x@example.com")).andExpect(status().isUnauthorized());
    }
}
