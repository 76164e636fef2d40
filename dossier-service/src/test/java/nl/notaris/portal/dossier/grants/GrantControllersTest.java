package nl.notaris.portal.dossier.grants;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import nl.notaris.portal.dossier.dossier.Grant;
import nl.notaris.portal.support.access.AccessGrant.Scope;

/**
 * The grant routes' rules, in seconds: what they accept and how they answer; the service behind them is a
 * stand-in here, the integration tests wire the real one.
 */
@WebMvcTest(controllers = { ClientGrantController.class, StaffGrantController.class })
class GrantControllersTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    GrantService grants;

    static final GrantView GRANT = new GrantView("g-0123456789ab", "d1", "2026-0001", "adviseur@example.com",
            "Henk de Adviseur", Scope.READ_DELIVER, LocalDate.parse("2027-01-31"),
            Instant.parse("2027-01-31T23:00:00Z"), Instant.parse("2026-12-01T09:30:00Z"), "Anna de Vries", null,
            Grant.State.ACTIVE, null);

    @Test
    void aGrantIs201WithItsFieldsAndLocationInTheClientsLanguage() throws Exception {
        given(grants.grant(any(), eq("d1"), any(), any())).willReturn(GRANT);

        mvc.perform(post("/api/dossiers/d1/grants").with(jwt().jwt(token -> token.subject("a1-anna")
                        .claim("name", "Anna de Vries").claim("locale", "en")
                        .claim("realm_access", Map.of("roles", List.of("client"))))
                        .authorities(new SimpleGrantedAuthority("ROLE_client")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"email": "adviseur@example.com", "name": "Henk de Adviseur", "scope": "READ_DELIVER",
                                 "until": "2027-01-31"}"""))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/dossiers/d1/grants/g-0123456789ab"))
                .andExpect(jsonPath("$.id").value("g-0123456789ab"))
                .andExpect(jsonPath("$.dossierNumber").value("2026-0001"))
                .andExpect(jsonPath("$.scope").value("READ_DELIVER"))
                .andExpect(jsonPath("$.until").value("2027-01-31"))
                .andExpect(jsonPath("$.expiresAt").value("2027-01-31T23:00:00Z"))
                .andExpect(jsonPath("$.grantedBy").value("Anna de Vries"))
                .andExpect(jsonPath("$.state").value("ACTIVE"))
                .andExpect(jsonPath("$.lastUsedAt").isEmpty())
                .andExpect(jsonPath("$.revokedAt").isEmpty());
        verify(grants).grant(any(), eq("d1"), eq(new GrantService.NewGrant("adviseur@example.com", "Henk de Adviseur",
                Scope.READ_DELIVER, LocalDate.parse("2027-01-31"))), eq("en"));
    }

    @Test
    void withoutALanguageInTheTokenTheInvitationIsDutchAndWithoutADayTheDefaultApplies() throws Exception {
        given(grants.grant(any(), eq("d1"), any(), any())).willReturn(GRANT);

        mvc.perform(post("/api/dossiers/d1/grants").with(ANNA.token()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\": \"adviseur@example.com\", \"name\": \"Henk\", \"scope\": \"READ\"}"))
                .andExpect(status().isCreated());
        verify(grants).grant(any(), eq("d1"), eq(new GrantService.NewGrant("adviseur@example.com", "Henk",
                Scope.READ, null)), eq("nl"));
    }

    @Test
    void badInputNamesItsField() throws Exception {
        for (String[] bad : new String[][] {
                { "{\"name\": \"Henk\", \"scope\": \"READ\"}", "email" },
                { "{\"email\": \"geen adres\", \"name\": \"Henk\", \"scope\": \"READ\"}", "email" },
                { "{\"email\": \"a@example.com\", \"name\": \" \", \"scope\": \"READ\"}", "name" },
                { "{\"email\": \"a@example.com\", \"name\": \"Henk (adviseur)\", \"scope\": \"READ\"}", "name" },
                { "{\"email\": \"h\u00e9nk@example.com\", \"name\": \"Henk\", \"scope\": \"READ\"}", "email" },
                { "{\"email\": \"a@example.com\", \"name\": \"Henk\"}", "scope" },
                { "{\"email\": \"a@example.com\", \"name\": \"Henk\", \"scope\": \"WRITE\"}", "scope" },
                { "{\"email\": \"a@example.com\", \"name\": \"Henk\", \"scope\": \"READ\", \"until\": \"31-01-2027\"}", "until" } }) {
            mvc.perform(post("/api/dossiers/d1/grants").with(ANNA.token()).contentType(MediaType.APPLICATION_JSON)
                            .content(bad[0]))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.errors[0].field").value(bad[1]));
        }
        mvc.perform(patch("/api/dossiers/d1/grants/g-0123456789ab").with(ANNA.token())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("until"));
        verifyNoInteractions(grants);
    }

    @Test
    void revokingIs204AndTheListsAreArrays() throws Exception {
        given(grants.allOf(any())).willReturn(List.of(GRANT));
        given(grants.grantsOf(any(), eq("d1"))).willReturn(List.of(GRANT));

        mvc.perform(delete("/api/dossiers/d1/grants/g-0123456789ab").with(ANNA.token()))
                .andExpect(status().isNoContent());
        verify(grants).revoke(any(), eq("d1"), eq("g-0123456789ab"));
        mvc.perform(get("/api/grants").with(ANNA.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].dossierId").value("d1"));
        mvc.perform(get("/api/dossiers/d1/grants").with(ANNA.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].email").value("adviseur@example.com"));
        mvc.perform(get("/api/grants")).andExpect(status().isUnauthorized());
    }

    @Test
    void theOfficesRoutesAreStaffOnly() throws Exception {
        mvc.perform(get("/api/staff/dossiers/d1/grants").with(ANNA.token())).andExpect(status().isForbidden());
        mvc.perform(delete("/api/staff/dossiers/d1/grants/g-0123456789ab").with(ANNA.token()))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/staff/dossiers/d1/grant-policy").with(ANNA.token()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"grantsAllowed\": false}")).andExpect(status().isForbidden());
        verifyNoInteractions(grants);
    }

    @Test
    void theOfficeRevokesAndSetsThePolicy() throws Exception {
        given(grants.allowGrants("d1", false)).willReturn(false);

        mvc.perform(delete("/api/staff/dossiers/d1/grants/g-0123456789ab").with(STAFF.token()))
                .andExpect(status().isNoContent());
        verify(grants).revokeByOffice(any(), eq("d1"), eq("g-0123456789ab"));
        mvc.perform(put("/api/staff/dossiers/d1/grant-policy").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"grantsAllowed\": false}")).andExpect(status().isOk())
                .andExpect(jsonPath("$.grantsAllowed").value(false));
        mvc.perform(put("/api/staff/dossiers/d1/grant-policy").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("grantsAllowed"))
                .andExpect(jsonPath("$.detail").value(containsString("true or false")));
    }
}
