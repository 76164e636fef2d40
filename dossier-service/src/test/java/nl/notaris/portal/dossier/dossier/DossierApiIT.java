package nl.notaris.portal.dossier.dossier;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.BOB;
import static nl.notaris.portal.testsupport.TestCaller.JANSEN_BV;
import static nl.notaris.portal.testsupport.TestCaller.PIET;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.dossier.TestAccounts;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;
import nl.notaris.portal.testsupport.TestCaller;

@ServiceIntegrationTest
@Import(TestAccounts.class)
class DossierApiIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    String create(String number, String description, String status, String... parties) throws Exception {
        String body = """
                {"number": "%s", "description": "%s", %s "parties": [%s]}""".formatted(number, description,
                status == null ? "" : "\"status\": \"" + status + "\",",
                String.join(",", java.util.Arrays.stream(parties).map(p -> "\"" + p + "\"").toList()));
        String response = mvc.perform(post("/api/staff/dossiers").with(STAFF.token())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void staffCreatesADossierThatItsPartySeesAndNobodyElse() throws Exception {
        String number = unique("2026");
        String id = create(number, "Aankoop woning Dorpsstraat 12", null, ANNA.email());

        mvc.perform(get("/api/dossiers").with(ANNA.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.id == '%s')].number".formatted(id)).value(number))
                .andExpect(jsonPath("$.items[?(@.id == '%s')].status".formatted(id)).value("IN_PROGRESS"));
        mvc.perform(get("/api/dossiers/{id}", id).with(ANNA.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.description").value("Aankoop woning Dorpsstraat 12"))
                .andExpect(jsonPath("$.progress.done").value(0))
                .andExpect(jsonPath("$.progress.total").value(0));

        for (TestCaller other : new TestCaller[] { BOB, JANSEN_BV, PIET }) {
            mvc.perform(get("/api/dossiers/{id}", id).with(other.token()))
                    .andExpect(status().isNotFound())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
            // the same rule where the other services ask about a dossier with the caller's token
            mvc.perform(get("/internal/dossiers/{id}/access", id).with(other.token())).andExpect(status().isNotFound());
        }
    }

    @Test
    void aCompanysMainAccountAsPartyGivesEveryAccountOfTheCompanyAccess() throws Exception {
        String id = create(unique("2026"), "Oprichting holding", null, JANSEN_BV.email());

        mvc.perform(get("/api/dossiers/{id}", id).with(JANSEN_BV.token())).andExpect(status().isOk());
        mvc.perform(get("/api/dossiers/{id}", id).with(PIET.token())).andExpect(status().isOk());
        mvc.perform(get("/api/dossiers/{id}", id).with(ANNA.token())).andExpect(status().isNotFound());
    }

    @Test
    void anonymousCallsAre401AndClientsNeverReachTheStaffApi() throws Exception {
        mvc.perform(get("/api/dossiers")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
        mvc.perform(post("/api/staff/dossiers").with(ANNA.token()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"number\":\"X\",\"description\":\"Y\",\"parties\":[]}")).andExpect(status().isForbidden());
        mvc.perform(get("/api/staff/dossiers").with(ANNA.token())).andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(403));
    }

    @Test
    void badStaffInputGetsAProblemThatNamesWhatIsWrong() throws Exception {
        mvc.perform(post("/api/staff/dossiers").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\":\"Zonder nummer\",\"parties\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("number"));
        mvc.perform(post("/api/staff/dossiers").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"%s\",\"description\":\"D\",\"parties\":[\"nobody@example.com\"]}"
                                .formatted(unique("2026"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nobody@example.com")));
        mvc.perform(post("/api/staff/dossiers").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"%s\",\"description\":\"D\",\"status\":\"SLEEPING\",\"parties\":[]}"
                                .formatted(unique("2026"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));

        String number = unique("2026");
        create(number, "Eerste", null);
        mvc.perform(post("/api/staff/dossiers").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"%s\",\"description\":\"Tweede\",\"parties\":[]}".formatted(number)))
                .andExpect(status().isConflict());
    }

    @Test
    void progressStatusAndPartiesCanBeMaintained() throws Exception {
        String id = create(unique("2026"), "Testament", null, ANNA.email());

        mvc.perform(put("/api/staff/dossiers/{id}/progress", id).with(STAFF.token())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"steps\":[{\"title\":\"Intake\",\"done\":true},{\"title\":\"Ondertekening\",\"done\":false}]}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/dossiers/{id}", id).with(ANNA.token()))
                .andExpect(jsonPath("$.progress.done").value(1))
                .andExpect(jsonPath("$.progress.total").value(2))
                .andExpect(jsonPath("$.progress.steps[0].title").value("Intake"))
                .andExpect(jsonPath("$.progress.steps[0].doneAt").isNotEmpty());

        mvc.perform(patch("/api/staff/dossiers/{id}", id).with(STAFF.token())
                .contentType(MediaType.APPLICATION_JSON).content("{\"status\":\"COMPLETED\"}")).andExpect(status().isOk());
        mvc.perform(get("/api/dossiers").with(ANNA.token()))
                .andExpect(jsonPath("$.items[?(@.id == '%s')]".formatted(id)).isEmpty());
        mvc.perform(get("/api/dossiers").param("status", "IN_PROGRESS", "COMPLETED").with(ANNA.token()))
                .andExpect(jsonPath("$.items[?(@.id == '%s')].status".formatted(id)).value("COMPLETED"));

        mvc.perform(put("/api/staff/dossiers/{id}/parties", id).with(STAFF.token())
                .contentType(MediaType.APPLICATION_JSON).content("{\"parties\":[\"bob@example.com\"]}")).andExpect(status().isOk());
        mvc.perform(get("/api/dossiers/{id}", id).with(ANNA.token())).andExpect(status().isNotFound());
        mvc.perform(get("/api/dossiers/{id}", id).with(BOB.token())).andExpect(status().isOk());
        assertThat(id).isNotBlank();
    }

    @Autowired
    DossierRepository repository;

    /** Two saves of the same revision, as two concurrent requests would make them: the second is refused, not merged. */
    @Test
    void aConcurrentSaveOfTheSameDossierIsRefused() throws Exception {
        String id = create(unique("2026"), "Gelijktijdig", null, ANNA.email());
        Dossier first = repository.findById(id).orElseThrow();
        Dossier second = repository.findById(id).orElseThrow();
        first.describe("Eerste wijziging", java.time.Instant.now());
        repository.save(first);
        second.describe("Tweede wijziging", java.time.Instant.now());

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> repository.save(second))
                .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
        mvc.perform(get("/api/dossiers/{id}", id).with(ANNA.token()))
                .andExpect(jsonPath("$.description").value("Eerste wijziging"));
    }

    @Test
    void theStaffApiIsDescribedWithOpenApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/staff/dossiers'].post").exists())
                .andExpect(jsonPath("$.paths['/api/staff/dossiers/{id}/progress'].put").exists());
    }
}
