package nl.notaris.portal.dossier.dossier;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.PIET;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import nl.notaris.portal.dossier.parties.Party;
import nl.notaris.portal.dossier.progress.StepRequest;
import nl.notaris.portal.support.access.AccessGrant;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.testsupport.TestCaller;

/**
 * The rules of the dossier endpoints, in seconds: who may call them, what they accept, and what a
 * caller is told when something is wrong. The services behind them are stand-ins here; the
 * integration tests wire the real ones.
 */
@WebMvcTest(controllers = { ClientDossierController.class, StaffDossierController.class,
        InternalDossierController.class })
class DossierControllersTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    DossierService service;
    @MockitoBean
    DossierSearch search;

    static Dossier dossier() {
        return Dossier.open("2026-0001", "Aankoop woning", DossierStatus.IN_PROGRESS,
                List.of(new Party("a1-anna", "anna@example.com", "PERSON", null, "Anna de Vries")), Instant.parse("2026-11-28T10:00:00Z"));
    }

    @Test
    void anonymousCallsAre401Problems() throws Exception {
        mvc.perform(get("/api/dossiers")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/internal/dossiers/x/access")).andExpect(status().isUnauthorized());
    }

    @Test
    void clientsNeverReachTheStaffApi() throws Exception {
        mvc.perform(get("/api/staff/dossiers").with(ANNA.token())).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.status").value(403));
        mvc.perform(post("/api/staff/dossiers").with(PIET.token()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"number\":\"X\",\"description\":\"Y\"}")).andExpect(status().isForbidden());
    }

    @Test
    void theListShowsDossiersInProgressUnlessOtherStatusesAreAsked() throws Exception {
        given(search.forCaller(any(), any(), any(), any(), any())).willReturn(new PageImpl<>(List.of(dossier()), PageRequest.of(0, 20), 1));

        mvc.perform(get("/api/dossiers").with(ANNA.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].number").value("2026-0001"))
                .andExpect(jsonPath("$.items[0].lastActivityAt").value("2026-11-28T10:00:00Z"));
        verify(search).forCaller(argThat(readerOf("account:a1-anna")), eq(EnumSet.of(DossierStatus.IN_PROGRESS)),
                eq(null), eq(DossierSearch.ClientOrder.NUMBER), eq(PageRequest.of(0, 20)));

        mvc.perform(get("/api/dossiers").param("status", "completed,ON_HOLD").param("page", "2").param("size", "5")
                .with(ANNA.token())).andExpect(status().isOk());
        verify(search).forCaller(any(), eq(EnumSet.of(DossierStatus.COMPLETED, DossierStatus.ON_HOLD)), eq(null),
                eq(DossierSearch.ClientOrder.NUMBER), eq(PageRequest.of(2, 5)));
    }

    @Test
    void theListIsSortedByLastActivityOnRequestAndAnUnknownSortIsNamed() throws Exception {
        given(search.forCaller(any(), any(), any(), any(), any())).willReturn(new PageImpl<>(List.of(dossier()), PageRequest.of(0, 20), 1));

        mvc.perform(get("/api/dossiers").param("sort", "lastactivity").with(ANNA.token())).andExpect(status().isOk());
        verify(search).forCaller(any(), any(), eq(null), eq(DossierSearch.ClientOrder.LAST_ACTIVITY), any());

        mvc.perform(get("/api/dossiers").param("sort", "updated").with(ANNA.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sort"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("number, lastActivity")));
    }

    @Test
    void theCountsOfASearchAreTheCallersOwnPerStatus() throws Exception {
        given(search.countByStatus(argThat(readerOf("account:a1-anna")), eq("Samenleving")))
                .willReturn(new java.util.EnumMap<>(java.util.Map.of(DossierStatus.COMPLETED, 1L)));

        mvc.perform(get("/api/dossiers/counts").param("query", "Samenleving").with(ANNA.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.COMPLETED").value(1));
        mvc.perform(get("/api/dossiers/counts")).andExpect(status().isUnauthorized());
    }

    @Test
    void pagingAndStatusParametersAreCheckedAndNamed() throws Exception {
        mvc.perform(get("/api/dossiers").param("page", "-1").with(ANNA.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/api/dossiers").param("size", "101").with(ANNA.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/dossiers").param("size", "veel").with(ANNA.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/dossiers").param("status", "SLEEPING").with(ANNA.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("IN_PROGRESS, ON_HOLD")));
        mvc.perform(get("/api/staff/dossiers").param("page", "x").with(STAFF.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("page"));
    }

    @Test
    void theStaffListHoldsEveryStatusByLastActivityUnlessAskedOtherwise() throws Exception {
        given(search.forStaff(any(), any(), any(), any())).willReturn(new PageImpl<>(List.of(dossier()), PageRequest.of(0, 20), 1));

        mvc.perform(get("/api/staff/dossiers").with(STAFF.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[0].parties[0]").value("anna@example.com"))
                .andExpect(jsonPath("$.items[0].partyDetails[0].name").value("Anna de Vries"))
                .andExpect(jsonPath("$.items[0].lastActivityAt").value("2026-11-28T10:00:00Z"));
        verify(search).forStaff(eq(null), eq(EnumSet.noneOf(DossierStatus.class)),
                eq(DossierSearch.StaffOrder.LAST_ACTIVITY), eq(PageRequest.of(0, 20)));

        mvc.perform(get("/api/staff/dossiers").param("query", "jansen").param("status", "on_hold,COMPLETED")
                .param("status", "CANCELLED").param("sort", "Number").param("page", "1").param("size", "50")
                .with(STAFF.token())).andExpect(status().isOk());
        verify(search).forStaff(eq("jansen"),
                eq(EnumSet.of(DossierStatus.ON_HOLD, DossierStatus.COMPLETED, DossierStatus.CANCELLED)),
                eq(DossierSearch.StaffOrder.NUMBER), eq(PageRequest.of(1, 50)));
    }

    @Test
    void theStaffListsStatusAndSortAreCheckedAndNamed() throws Exception {
        mvc.perform(get("/api/staff/dossiers").param("status", "IN_PROGRESS,LOST").with(STAFF.token()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Unknown status 'LOST'")));
        mvc.perform(get("/api/staff/dossiers").param("sort", "newest").with(STAFF.token()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("sort"))
                .andExpect(jsonPath("$.detail").value("Unknown sort 'newest'. Use one of: lastActivity, number."));
        mvc.perform(get("/api/staff/dossiers").param("sort", "number").param("sort", "lastActivity").with(STAFF.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("sort"));
    }

    @Test
    void aNulByteInTheSearchIsRefusedBeforeItReachesTheDatabase() throws Exception {
        mvc.perform(get("/api/dossiers").param("query", "a\u0000b").with(ANNA.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("query"));
    }

    @Test
    void theInternalAccessAnswerCarriesWhatTheEventsCarry() throws Exception {
        Dossier dossier = dossier();
        given(service.readFor(any(), eq(dossier.getId()))).willReturn(new DossierService.DossierReading(dossier, null));
        mvc.perform(get("/internal/dossiers/{id}/access", dossier.getId()).with(STAFF.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.dossierId").value(dossier.getId()))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.parties[0].accountId").value("a1-anna"))
                .andExpect(jsonPath("$.grants").isEmpty());
    }

    /** The grants every service's access rule reads: live and ended ones, never a revoked one; no address or name. */
    @Test
    void theInternalAccessAnswerCarriesTheGrantsThatAreNotRevoked() throws Exception {
        Dossier dossier = dossier();
        Grant kept = dossier.grant("adv-1", "adviseur@example.com", "Henk", AccessGrant.Scope.READ_DELIVER,
                LocalDate.parse("2026-12-31"), ANNA_CALLER, NOW);
        Grant revoked = dossier.grant("adv-2", "ander@example.com", "Ander", AccessGrant.Scope.READ,
                LocalDate.parse("2026-12-31"), ANNA_CALLER, NOW);
        dossier.revokeGrant(revoked.id(), "Anna de Vries", NOW);
        given(service.readFor(any(), eq(dossier.getId()))).willReturn(new DossierService.DossierReading(dossier, kept));

        mvc.perform(get("/internal/dossiers/{id}/access", dossier.getId()).with(ADVISER.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grants.length()").value(1))
                .andExpect(jsonPath("$.grants[0].grantId").value(kept.id()))
                .andExpect(jsonPath("$.grants[0].accountId").value("adv-1"))
                .andExpect(jsonPath("$.grants[0].scope").value("READ_DELIVER"))
                .andExpect(jsonPath("$.grants[0].expiresAt").value("2026-12-31T23:00:00Z"))
                .andExpect(jsonPath("$.grants[0].email").doesNotExist());
    }

    /** An adviser's view: who shared it and until when, the progress without what the office asks of the client. */
    @Test
    void anAdviserSeesWhoSharedTheDossierAndNoRequestsOfTheClient() throws Exception {
        Dossier dossier = dossier();
        dossier.replaceProgress(List.of(new Dossier.StepInput(null, "Identificatie", false, "Uitleg", null,
                StepRequest.document("Kopie paspoort", null))), NOW);
        Grant grant = dossier.grant("adv-1", "adviseur@example.com", "Henk", AccessGrant.Scope.READ,
                LocalDate.parse("2027-01-31"), ANNA_CALLER, NOW);
        given(service.readFor(any(), eq(dossier.getId()))).willReturn(new DossierService.DossierReading(dossier, grant));

        mvc.perform(get("/api/dossiers/{id}", dossier.getId()).with(ADVISER.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sharedBy").value("Anna de Vries"))
                .andExpect(jsonPath("$.sharedUntil").value("2027-01-31"))
                .andExpect(jsonPath("$.access").value("READ"))
                .andExpect(jsonPath("$.progress.steps[0].title").value("Identificatie"))
                .andExpect(jsonPath("$.progress.steps[0].explanation").value("Uitleg"))
                .andExpect(jsonPath("$.progress.steps[0].request").doesNotExist());

        given(service.readFor(any(), eq(dossier.getId()))).willReturn(new DossierService.DossierReading(dossier, null));
        mvc.perform(get("/api/dossiers/{id}", dossier.getId()).with(ANNA.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.sharedBy").doesNotExist())
                .andExpect(jsonPath("$.access").doesNotExist())
                .andExpect(jsonPath("$.progress.steps[0].request.name").value("Kopie paspoort"));
    }

    @Test
    void theStaffViewTellsWhetherTheClientsMayShare() throws Exception {
        given(service.get("d1")).willReturn(dossier());
        mvc.perform(get("/api/staff/dossiers/d1").with(STAFF.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.grantsAllowed").value(true));
    }

    static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    static final Caller ANNA_CALLER = new Caller("a1-anna", "anna@example.com", "Anna de Vries", null, List.of("client"));
    static final TestCaller ADVISER = new TestCaller("adv-1", "adviseur@example.com", "Henk", "ADVISER", null,
            List.of("client"));

    static ArgumentMatcher<DossierSearch.Reader> readerOf(String... keys) {
        return reader -> reader != null && reader.accessKeys().equals(List.of(keys)) && reader.now() != null
                && reader.accountId() != null && keys[0].equals("account:" + reader.accountId());
    }

    @Test
    void badStaffInputNamesTheField() throws Exception {
        mvc.perform(post("/api/staff/dossiers").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\":\"Zonder nummer\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("number"));
        mvc.perform(post("/api/staff/dossiers").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"1\",\"description\":\"D\",\"parties\":[\"geen adres\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("parties[0]"));
        mvc.perform(post("/api/staff/dossiers").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"1\",\"description\":\"D\",\"parties\":[\"a\\u0000@b\"]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("parties[0]"));
        mvc.perform(put("/api/staff/dossiers/d1/progress").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"steps\":[null]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("steps[0]"));
        mvc.perform(put("/api/staff/dossiers/d1/progress").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"steps\":[{\"done\":true}]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("steps[0].title"));
        mvc.perform(put("/api/staff/dossiers/d1/progress").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"steps\":[{\"title\":\"Identificatie\",\"request\":{\"kind\":\"DOCUMENT\"}}]}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("steps[0].request.complete"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("needs a name")));
        mvc.perform(put("/api/staff/dossiers/d1/progress").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"steps\":[{\"id\":\"step-1\",\"title\":\"Intake\",\"explanation\":\"%s\"}]}"
                                .formatted("x".repeat(501))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[*].field").value(
                        org.hamcrest.Matchers.containsInAnyOrder("steps[0].id", "steps[0].explanation")));
        mvc.perform(put("/api/staff/dossiers/d1/progress").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("not json"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(
                        org.hamcrest.Matchers.containsString("not JSON")));
    }

    @Test
    void aConcurrentChangeIsA409NotA500() throws Exception {
        given(service.update(any(), anyString(), any(), any()))
                .willThrow(new OptimisticLockingFailureException("version mismatch"));
        mvc.perform(patch("/api/staff/dossiers/d1").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"ON_HOLD\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("Reload")));
    }
}
