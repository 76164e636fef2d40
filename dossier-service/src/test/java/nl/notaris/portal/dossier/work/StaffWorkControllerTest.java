package nl.notaris.portal.dossier.work;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.JANSEN_BV;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

/**
 * The Werkvoorraad's routes: staff only, exactly these fields, 204 as promised. The queue is a stand-in; what an
 * unknown item answers is the real queue's rule, shown in {@link WorkQueueIT}.
 */
@WebMvcTest(controllers = StaffWorkController.class)
class StaffWorkControllerTest {

    @Autowired
    MockMvc mvc;
    @MockitoBean
    WorkQueue queue;

    @Test
    void clientsAreForbiddenBothRoutesAndAnonymousCallersAreUnauthorized() throws Exception {
        mvc.perform(get("/api/staff/work").with(ANNA.token())).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(put("/api/staff/work/{id}/handled", "x").with(JANSEN_BV.token())).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/staff/work")).andExpect(status().isUnauthorized());
        mvc.perform(put("/api/staff/work/{id}/handled", "x")).andExpect(status().isUnauthorized());
        verifyNoInteractions(queue);
    }

    @Test
    void theListAnswersThePageOfOpenItemsWithExactlyTheItemFields() throws Exception {
        var message = WorkItem.open(WorkKind.MESSAGE, "d-1", "2026-0001", "a1-anna", "Anna de Vries", "m-1",
                Instant.parse("2026-11-28T14:00:00Z"), null);
        var invitation = WorkItem.open(WorkKind.INVITATION_PENDING, null, null, "acc-2", null, "acc-2",
                Instant.parse("2026-11-27T09:00:00Z"), null);
        var overdue = WorkItem.open(WorkKind.QUESTIONNAIRE_OVERDUE, "d-1", "2026-0001", "a1-anna", "Anna de Vries",
                "as-1", Instant.parse("2026-11-20T23:00:00Z"), "2026-11-20");
        given(queue.open(PageRequest.of(1, 3))).willReturn(new PageImpl<>(List.of(message, invitation, overdue),
                PageRequest.of(1, 3), 7));

        String body = mvc.perform(get("/api/staff/work").param("page", "1").param("size", "3").with(STAFF.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(1)).andExpect(jsonPath("$.size").value(3))
                .andExpect(jsonPath("$.totalItems").value(7)).andExpect(jsonPath("$.totalPages").value(3))
                .andReturn().getResponse().getContentAsString();

        Map<String, Object> first = JsonPath.read(body, "$.items[0]");
        assertThat(first).containsOnlyKeys("id", "kind", "dossierId", "dossierNumber", "accountId", "accountName",
                "subjectId", "occurredAt", "dueDate");
        assertThat(first).containsEntry("id", message.id()).containsEntry("kind", "MESSAGE")
                .containsEntry("dossierId", "d-1").containsEntry("dossierNumber", "2026-0001")
                .containsEntry("accountId", "a1-anna").containsEntry("accountName", "Anna de Vries")
                .containsEntry("subjectId", "m-1").containsEntry("occurredAt", "2026-11-28T14:00:00Z")
                .containsEntry("dueDate", null);
        Map<String, Object> second = JsonPath.read(body, "$.items[1]");
        assertThat(second).containsOnlyKeys(first.keySet()).containsEntry("kind", "INVITATION_PENDING")
                .containsEntry("dossierId", null).containsEntry("dossierNumber", null).containsEntry("accountName", null);
        Map<String, Object> third = JsonPath.read(body, "$.items[2]");
        assertThat(third).containsEntry("kind", "QUESTIONNAIRE_OVERDUE").containsEntry("dueDate", "2026-11-20");
    }

    @Test
    void theCountsOfAPageOfDossiersNeedOneToAHundredIdsAndTheStaffRole() throws Exception {
        given(queue.openPerDossier(List.of("d-1", "d-2"))).willReturn(List.of(new WorkQueue.DossierWork("d-1", 2, 1)));
        mvc.perform(get("/api/staff/work/counts").param("dossierId", "d-1", "d-2").with(STAFF.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].dossierId").value("d-1"))
                .andExpect(jsonPath("$[0].messages").value(2)).andExpect(jsonPath("$[0].deliveries").value(1))
                .andExpect(jsonPath("$.length()").value(1));

        mvc.perform(get("/api/staff/work/counts").with(STAFF.token())).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dossierId"));
        String[] tooMany = java.util.stream.IntStream.range(0, 101).mapToObj(i -> "d-" + i).toArray(String[]::new);
        mvc.perform(get("/api/staff/work/counts").param("dossierId", tooMany).with(STAFF.token()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/staff/work/counts").param("dossierId", "d-1").with(ANNA.token()))
                .andExpect(status().isForbidden());
        verify(queue).openPerDossier(any());
    }

    @Test
    void markingHandledIs204ByTheCallersAccount() throws Exception {
        mvc.perform(put("/api/staff/work/{id}/handled", "item-1").with(STAFF.token())).andExpect(status().isNoContent());

        verify(queue).markHandled(eq("item-1"),
                argThat(caller -> caller.accountId().equals(STAFF.accountId()) && caller.isStaff()));
    }
}
