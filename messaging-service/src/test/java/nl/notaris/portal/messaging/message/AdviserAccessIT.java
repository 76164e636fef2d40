package nl.notaris.portal.messaging.message;

import static nl.notaris.portal.support.access.DossierOwnerWithGrants.grant;
import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.BOB;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.support.access.DossierOwnerWithGrants;
import nl.notaris.portal.messaging.events.MessageTopics;
import nl.notaris.portal.support.access.AccessGrant;
import nl.notaris.portal.support.access.AccessGrant.Scope;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;
import nl.notaris.portal.testsupport.TestCaller;
import nl.notaris.portal.testsupport.TopicReader;
import nl.notaris.portal.testsupport.UploadsStub;

/**
 * An adviser in the IDOR matrix (ADV-1): every client route of messaging-service × the adviser's own
 * live grant, a revoked one (dossier-service answers without it), an expired one, and another dossier.
 * With a live grant the adviser sees only its own messages and, when the grant allows delivering,
 * writes to the office with its uploads; the client's and the office's messages stay theirs.
 */
@ServiceIntegrationTest
@Import(DossierOwnerWithGrants.Registration.class)
class AdviserAccessIT extends IntegrationTest {

    /** Anna's mortgage adviser: an account of its own, not a party, that Anna gave access to one dossier. */
    static final TestCaller ADVISER = BOB;

    enum Grant {
        LIVE, REVOKED, EXPIRED, OTHER_DOSSIER
    }

    static final UploadsStub uploads = new UploadsStub();

    @DynamicPropertySource
    static void documentService(DynamicPropertyRegistry registry) {
        registry.add("portal.document-service-url", uploads::url);
    }

    @AfterAll
    static void stop() {
        uploads.stop();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    DossierOwnerWithGrants owner;
    @Autowired
    Clock clock;

    /** A dossier of Anna's with a message of the office's and one of hers; the adviser has no grant yet. */
    record Dossier(String id, String officeMessage, String annasMessage) {
    }

    Dossier annasDossier(AccessGrant... grants) throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        owner.knows(dossierId, List.of(grants), ANNA);
        String officeMessage = officeSends(dossierId);
        String annasMessage = created(send(ANNA, dossierId, "{\"subject\":\"Vraag\",\"body\":\"Mijn vraag.\"}"));
        return new Dossier(dossierId, officeMessage, annasMessage);
    }

    AccessGrant liveGrant(Scope scope) {
        return grant(ADVISER, scope, clock.instant().plus(Duration.ofDays(30)));
    }

    String officeSends(String dossierId) throws Exception {
        return created(mvc.perform(multipart("/api/staff/dossiers/{id}/messages", dossierId)
                .param("subject", "Concept akte").param("body", "Zie de akte.").with(STAFF.bearerToken())));
    }

    ResultActions send(TestCaller caller, String dossierId, String json) throws Exception {
        return mvc.perform(post("/api/dossiers/{id}/messages", dossierId).with(caller.bearerToken())
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }

    /** The adviser's message with an upload of its own, made at document-service (the stub). */
    ResultActions adviserDelivers(String dossierId) throws Exception {
        String uploadId = "up-" + UUID.randomUUID();
        uploads.has(uploadId, "test." + ADVISER.accountId(), dossierId, "jaarcijfers.pdf", true);
        return send(ADVISER, dossierId, """
                {"subject":"Jaarcijfers","body":"Bijgaand de jaarcijfers.","uploads":["%s"]}""".formatted(uploadId));
    }

    static String created(ResultActions sent) throws Exception {
        return JsonPath.read(sent.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(),
                "$.id");
    }

    @ParameterizedTest
    @EnumSource(Grant.class)
    void everyClientRouteAnswersTheAdviserOnlyWhileItsOwnGrantLasts(Grant grant) throws Exception {
        AccessGrant live = liveGrant(Scope.READ_DELIVER);
        Dossier dossier = annasDossier(grant == Grant.OTHER_DOSSIER ? new AccessGrant[0] : new AccessGrant[] { live });
        String advisersMessage = null;
        switch (grant) {
            case LIVE -> advisersMessage = created(adviserDelivers(dossier.id()));
            case REVOKED -> {
                advisersMessage = created(adviserDelivers(dossier.id()));
                owner.knows(dossier.id(), List.of(), ANNA);
            }
            case EXPIRED -> {
                advisersMessage = created(adviserDelivers(dossier.id()));
                owner.knows(dossier.id(), List.of(new AccessGrant(live.grantId(), live.accountId(), live.scope(),
                        clock.instant())), ANNA);
            }
            case OTHER_DOSSIER -> created(adviserDelivers(annasDossier(live).id()));
        }
        boolean isLive = grant == Grant.LIVE;
        String id = dossier.id();

        ResultActions list = mvc.perform(get("/api/dossiers/{id}/messages", id).with(ADVISER.token()));
        if (isLive) {
            list.andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(1))
                    .andExpect(jsonPath("$.items[0].id").value(advisersMessage))
                    .andExpect(jsonPath("$.items[0].senderRole").value("ADVISER"));
        } else {
            list.andExpect(status().isNotFound());
        }
        ResultActions counts = mvc.perform(get("/api/dossiers/{id}/messages/counts", id).with(ADVISER.token()));
        if (isLive) {
            counts.andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1))
                    .andExpect(jsonPath("$.unread").value(0));
        } else {
            counts.andExpect(status().isNotFound());
        }
        adviserDelivers(id).andExpect(isLive ? status().isCreated() : status().isNotFound());
        if (advisersMessage != null) {
            mvc.perform(get("/api/messages/{id}", advisersMessage).with(ADVISER.token()))
                    .andExpect(isLive ? status().isOk() : status().isNotFound());
        }

        // never open to an adviser: the client's and the office's messages, their subjects, the unread counts
        for (String theirs : List.of(dossier.officeMessage(), dossier.annasMessage())) {
            mvc.perform(get("/api/messages/{id}", theirs).with(ADVISER.token())).andExpect(status().isNotFound());
        }
        mvc.perform(get("/api/dossiers/{id}/messages/subjects", id).param("id", dossier.annasMessage())
                .with(ADVISER.token())).andExpect(status().isNotFound());
        mvc.perform(get("/api/messages/unread-counts").param("dossierId", id).with(ADVISER.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$['" + id + "']").doesNotExist());
        mvc.perform(get("/api/staff/dossiers/{id}/messages", id).with(ADVISER.token()))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/staff/messages/{id}/read", dossier.annasMessage()).with(ADVISER.token()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theOfficeSeesTheAdvisersMessageAsAnAdvisersWithItsFiles() throws Exception {
        Dossier dossier = annasDossier(liveGrant(Scope.READ_DELIVER));
        String advisersMessage = created(adviserDelivers(dossier.id()));

        mvc.perform(get("/api/staff/dossiers/{id}/messages", dossier.id()).with(STAFF.token()))
                .andExpect(jsonPath("$.items[0].id").value(advisersMessage))
                .andExpect(jsonPath("$.items[0].senderRole").value("ADVISER"))
                .andExpect(jsonPath("$.items[0].senderName").value(ADVISER.name()))
                .andExpect(jsonPath("$.items[0].senderAccountId").value(ADVISER.accountId()))
                .andExpect(jsonPath("$.items[0].attachments[0].fileName").value("jaarcijfers.pdf"))
                .andExpect(jsonPath("$.items[1].senderRole").value("CLIENT"))
                .andExpect(jsonPath("$.items[2].senderRole").value("OFFICE"));
        mvc.perform(put("/api/staff/messages/{id}/read", advisersMessage).with(STAFF.token()))
                .andExpect(status().isOk());
        mvc.perform(get("/api/messages/{id}", advisersMessage).with(ADVISER.token()))
                .andExpect(jsonPath("$.readByOfficeAt").isNotEmpty());
        // Anna's dossier: she sees who wrote to the office about it
        mvc.perform(get("/api/dossiers/{id}/messages", dossier.id()).with(ANNA.token()))
                .andExpect(jsonPath("$.totalItems").value(3))
                .andExpect(jsonPath("$.items[0].senderRole").value("ADVISER"));

        try (TopicReader reader = new TopicReader(MessageTopics.TOPIC)) {
            String sent = reader.readUntil(r -> dossier.id().equals(r.key()) && r.value().contains(advisersMessage)
                    && r.value().contains("sent-by-client"), 1, Duration.ofSeconds(20)).get(0).value();
            assertThat(EventContracts.violations(sent)).isEmpty();
            assertThat((String) JsonPath.read(sent, "$.data.senderRole")).isEqualTo("ADVISER");
            assertThat((String) JsonPath.read(sent, "$.data.senderAccountId")).isEqualTo(ADVISER.accountId());
            assertThat(sent).doesNotContain("jaarcijfers").doesNotContain("Bijgaand");
        }
    }

    @Test
    void anAdviserRepliesOnlyToItsOwnMessagesAndAnswersNoRequests() throws Exception {
        Dossier dossier = annasDossier(liveGrant(Scope.READ_DELIVER));
        String advisersMessage = created(adviserDelivers(dossier.id()));

        for (String theirs : List.of(dossier.officeMessage(), dossier.annasMessage(), "no-such-message")) {
            send(ADVISER, dossier.id(), """
                    {"subject":"Re","body":"Antwoord.","inReplyTo":"%s"}""".formatted(theirs))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("message.reply-to-unknown"));
        }
        send(ADVISER, dossier.id(), """
                {"subject":"Re: Jaarcijfers","body":"Aanvulling.","inReplyTo":"%s"}""".formatted(advisersMessage))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.inReplyTo").value(advisersMessage));

        String uploadId = "up-" + UUID.randomUUID();
        uploads.has(uploadId, "test." + ADVISER.accountId(), dossier.id(), "paspoort.pdf", true);
        send(ADVISER, dossier.id(), """
                {"subject":"Aanlevering","body":"Hierbij.","requestId":"step-1","uploads":["%s"]}""".formatted(uploadId))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("requestId"));
    }

    @Test
    void aGrantToReadShowsTheAdvisersOwnMessagesButSendsNone() throws Exception {
        Dossier dossier = annasDossier(liveGrant(Scope.READ));

        mvc.perform(get("/api/dossiers/{id}/messages", dossier.id()).with(ADVISER.token()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.totalItems").value(0));
        adviserDelivers(dossier.id()).andExpect(status().isNotFound());
    }
}
