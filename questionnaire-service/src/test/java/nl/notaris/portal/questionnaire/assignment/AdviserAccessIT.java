package nl.notaris.portal.questionnaire.assignment;

import static nl.notaris.portal.support.access.DossierOwnerWithGrants.grant;
import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.BOB;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.support.access.DossierOwnerWithGrants;
import nl.notaris.portal.questionnaire.Fixtures;
import nl.notaris.portal.support.access.AccessGrant.Scope;
import nl.notaris.portal.support.access.DossierAccessReplica;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;
import nl.notaris.portal.testsupport.TestCaller;

/**
 * Questionnaires stay the parties' (ADV-1): an adviser whose grant on the dossier lasts gets none of
 * its questionnaires, not even one sent to its own account while it was a party.
 */
@ServiceIntegrationTest
@Import(DossierOwnerWithGrants.Registration.class)
class AdviserAccessIT extends IntegrationTest {

    /** Anna's adviser: a party of the dossier once, now in through the live grant Anna gave. */
    static final TestCaller ADVISER = BOB;

    @Autowired
    MockMvc mvc;
    @Autowired
    DossierOwnerWithGrants owner;
    @Autowired
    DossierAccessReplica replica;
    @Autowired
    Clock clock;

    String send(String dossierId, String recipient) throws Exception {
        String response = mvc.perform(post("/api/staff/dossiers/{id}/questionnaires", dossierId).with(STAFF.token())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"questionnaire\":\"aankoop-woning\",\"recipient\":\"%s\"}".formatted(recipient)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    @Test
    void anAdviserWithALiveGrantGetsNoneOfTheDossiersQuestionnaires() throws Exception {
        mvc.perform(post("/api/staff/questionnaires").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                .content(Files.readString(Fixtures.AANKOOP_WONING))).andExpect(status().isCreated());
        String dossierId = "dos-" + UUID.randomUUID();
        owner.knows(dossierId, List.of(), ANNA, ADVISER);
        String annas = send(dossierId, ANNA.email());
        String advisers = send(dossierId, ADVISER.email());

        // no party any more, but let in by Anna for a month; the dossier's event brings that to the replica
        replica.apply(owner.knows(dossierId,
                List.of(grant(ADVISER, Scope.READ_DELIVER, clock.instant().plus(Duration.ofDays(30)))), ANNA));

        for (String assignmentId : List.of(annas, advisers)) {
            mvc.perform(get("/api/questionnaires/assignments/{id}", assignmentId).with(ADVISER.token()))
                    .andExpect(status().isNotFound());
            mvc.perform(put("/api/questionnaires/assignments/{id}/pages/{page}", assignmentId, "persoonlijk")
                    .with(ADVISER.token()).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"answers\":" + Fixtures.PERSONAL + "}")).andExpect(status().isNotFound());
            mvc.perform(post("/api/questionnaires/assignments/{id}/complete", assignmentId)
                    .with(ADVISER.bearerToken())).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/actions").with(ADVISER.token())).andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].assignmentId", not(hasItem(advisers))));
        mvc.perform(get("/api/staff/dossiers/{id}/questionnaires", dossierId).with(ADVISER.token()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/questionnaires/assignments/{id}", annas).with(ANNA.token())).andExpect(status().isOk());
    }
}
