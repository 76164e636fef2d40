package nl.notaris.portal.messaging.message;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.BOB;
import static nl.notaris.portal.testsupport.TestCaller.JANSEN_BV;
import static nl.notaris.portal.testsupport.TestCaller.PIET;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.testsupport.DossierOwnerStub;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;
import nl.notaris.portal.testsupport.TestCaller;

/**
 * The unread counts of a page of the dossier list and the subjects of a dossier's messages, on the
 * real database: each caller's own read state, only dossiers the caller may see, and nothing marked
 * read by asking.
 */
@ServiceIntegrationTest
class MessageSummariesIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    /** A dossier of these parties, known to this service's replica. */
    String dossierOf(TestCaller... parties) throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        DossierOwnerStub.instance().knows(dossierId, 1, parties);
        mvc.perform(get("/api/dossiers/{id}/messages/counts", dossierId).with(STAFF.token())).andExpect(status().isOk());
        return dossierId;
    }

    String officeSends(String dossierId, String subject) throws Exception {
        String response = mvc.perform(multipart("/api/staff/dossiers/{id}/messages", dossierId).param("subject", subject)
                        .param("body", "Tekst.").with(STAFF.bearerToken()))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    String clientSends(TestCaller client, String dossierId, String subject) throws Exception {
        String response = mvc.perform(post("/api/dossiers/{id}/messages", dossierId).with(client.bearerToken())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subject\":\"%s\",\"body\":\"Tekst.\"}".formatted(subject)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(response, "$.id");
    }

    @Test
    void perDossierTheOfficesMessagesTheCallerHasNotOpenedAndOnlyDossiersTheCallerMaySee() throws Exception {
        String busy = dossierOf(ANNA);
        String quiet = dossierOf(ANNA);
        String bobs = dossierOf(BOB);
        String opened = officeSends(busy, "Concept-akte");
        officeSends(busy, "Afspraak");
        officeSends(busy, "Nota");
        clientSends(ANNA, busy, "Vraag");
        officeSends(bobs, "Voor Bob");
        mvc.perform(get("/api/messages/{id}", opened).with(ANNA.token())).andExpect(status().isOk());

        mvc.perform(get("/api/messages/unread-counts").param("dossierId", busy, quiet, bobs, "dos-unknown")
                        .with(ANNA.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$['" + busy + "']").value(2))
                .andExpect(jsonPath("$['" + quiet + "']").value(0))
                .andExpect(jsonPath("$['" + bobs + "']").doesNotExist());
        mvc.perform(get("/api/messages/unread-counts").param("dossierId", bobs).with(BOB.token()))
                .andExpect(jsonPath("$['" + bobs + "']").value(1));
    }

    @Test
    void eachAccountOfACompanyHasItsOwnCount() throws Exception {
        String dossierId = dossierOf(JANSEN_BV);
        String messageId = officeSends(dossierId, "Statuten");
        mvc.perform(get("/api/messages/{id}", messageId).with(PIET.token())).andExpect(status().isOk());

        mvc.perform(get("/api/messages/unread-counts").param("dossierId", dossierId).with(PIET.token()))
                .andExpect(jsonPath("$['" + dossierId + "']").value(0));
        mvc.perform(get("/api/messages/unread-counts").param("dossierId", dossierId).with(JANSEN_BV.token()))
                .andExpect(jsonPath("$['" + dossierId + "']").value(1));
    }

    @Test
    void noIdsOrMoreThanAPageAreRefusedNamingTheParameter() throws Exception {
        String[] many = IntStream.range(0, 101).mapToObj(i -> "dos-" + i).toArray(String[]::new);
        mvc.perform(get("/api/messages/unread-counts").param("dossierId", many).with(ANNA.token()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("dossierId"));
        mvc.perform(get("/api/messages/unread-counts").with(ANNA.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("dossierId"));
        mvc.perform(get("/api/dossiers/{id}/messages/subjects", dossierOf(ANNA)).with(ANNA.token()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("id"));
        mvc.perform(get("/api/messages/unread-counts").param("dossierId", "x")).andExpect(status().isUnauthorized());
    }

    @Test
    void theSubjectsOfTheDossiersOwnMessagesWithoutMarkingThemRead() throws Exception {
        String dossierId = dossierOf(ANNA);
        String bobs = dossierOf(BOB);
        String mine = clientSends(ANNA, dossierId, "Paspoort en koopakte");
        String office = officeSends(dossierId, "Concept-akte");
        String elsewhere = officeSends(bobs, "Voor Bob");

        mvc.perform(get("/api/dossiers/{id}/messages/subjects", dossierId).param("id", mine, office, elsewhere, "nope")
                        .with(ANNA.token()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[?(@.id == '" + mine + "')].subject").value("Paspoort en koopakte"))
                .andExpect(jsonPath("$[?(@.id == '" + office + "')].direction").value("INCOMING"))
                .andExpect(jsonPath("$[?(@.id == '" + elsewhere + "')]").isEmpty());
        mvc.perform(get("/api/dossiers/{id}/messages/counts", dossierId).with(ANNA.token()))
                .andExpect(jsonPath("$.unread").value(1));
        mvc.perform(get("/api/dossiers/{id}/messages/subjects", dossierId).param("id", mine).with(BOB.token()))
                .andExpect(status().isNotFound());
    }
}
