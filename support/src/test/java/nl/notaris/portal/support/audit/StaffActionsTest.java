package nl.notaris.portal.support.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import nl.notaris.portal.support.events.CloudEventFactory;
import nl.notaris.portal.support.events.PendingEvent;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.testsupport.EventContracts;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every kind of staff action becomes one record that its contract accepts, with the actor of the token and the clock's time. */
class StaffActionsTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00.123456Z");
    static final Caller NOTARY = new Caller("kc-notary", "notaris@kantoor.example", "Mr. J. de Notaris", null,
            List.of("staff"));
    static final Caller BACK_OFFICE = new Caller("kc-back-office", null, null, null, List.of("staff"));
    static final Caller ANNA = new Caller("kc-anna", "anna@example.com", "Anna", null, List.of("client"));

    final JsonMapper json = JsonMapper.builder().build();
    final StaffActions actions = new StaffActions(
            new CloudEventFactory(json, "/notary-portal/test-service", Clock.fixed(NOW, ZoneOffset.UTC)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    static Stream<StaffAction> everyKind() {
        return Stream.of(StaffAction.dossierCreated("dos-1", "IN_PROGRESS", List.of("kc-anna")),
                StaffAction.dossierCreated("dos-1", "IN_PROGRESS", List.of()),
                StaffAction.dossierChanged("dos-1", List.of("DESCRIPTION"), null),
                StaffAction.dossierChanged("dos-1", List.of("DESCRIPTION", "STATUS"), "COMPLETED"),
                StaffAction.partiesChanged("dos-1", List.of("kc-bob"), List.of()),
                StaffAction.progressChanged("dos-1"), StaffAction.documentPublished("dos-1", "doc-1"),
                StaffAction.messageSent("dos-1", "msg-1"), StaffAction.questionnaireSent("dos-1", "as-1"),
                StaffAction.questionnaireDefinitionUploaded("koopakte:2"), StaffAction.clientInvited("kc-anna"),
                StaffAction.invitationResent("kc-anna"), StaffAction.workItemHandled("dos-1", "wi-1"),
                StaffAction.workItemHandled(null, "wi-2"));
    }

    @ParameterizedTest
    @MethodSource("everyKind")
    void everyKindOfActionMakesARecordItsContractAccepts(StaffAction action) {
        PendingEvent event = actions.recorded(NOTARY, action);

        assertThat(EventContracts.violations(event.payload())).isEmpty();
        assertThat(event.topic()).isEqualTo("portal.staff-actions.v1");
        assertThat(event.type()).isEqualTo("portal.staff.action-recorded");
        JsonNode data = json.readTree(event.payload()).get("data");
        assertThat(data.get("action").asString()).isEqualTo(action.kind().name());
        assertThat(data.get("objectId").asString()).isEqualTo(action.objectId());
    }

    @Test
    void theRecordNamesWhoAndWhenAndIsKeyedByItsDossier() {
        PendingEvent event = actions.recorded(NOTARY, StaffAction.documentPublished("dos-1", "doc-1"));

        JsonNode envelope = json.readTree(event.payload());
        JsonNode data = envelope.get("data");
        assertThat(event.key()).isEqualTo("dos-1");
        assertThat(envelope.get("subject").asString()).isEqualTo("documents/doc-1");
        assertThat(envelope.get("id").asString()).isEqualTo(data.get("actionId").asString()).isEqualTo(event.eventId());
        assertThat(data.get("actorId").asString()).isEqualTo("kc-notary");
        assertThat(data.get("actorName").asString()).isEqualTo("Mr. J. de Notaris");
        assertThat(data.get("dossierId").asString()).isEqualTo("dos-1");
        assertThat(data.get("objectType").asString()).isEqualTo("DOCUMENT");
        assertThat(data.get("occurredAt").asString()).isEqualTo("2026-11-28T12:00:00.123Z");
        assertThat(envelope.get("time").asString()).isEqualTo("2026-11-28T12:00:00.123Z");
    }

    @Test
    void anActionOutsideADossierSaysSoWithANullDossierAndIsKeyedByItsObject() {
        PendingEvent event = actions.recorded(BACK_OFFICE, StaffAction.clientInvited("kc-anna"));

        JsonNode data = json.readTree(event.payload()).get("data");
        assertThat(event.key()).isEqualTo("kc-anna");
        assertThat(data.has("dossierId")).isTrue();
        assertThat(data.get("dossierId").isNull()).isTrue();
        assertThat(data.has("actorName")).as("a token without a name gives none").isFalse();
        assertThat(data.has("changes")).isFalse();
        assertThat(EventContracts.violations(event.payload())).isEmpty();
    }

    @Test
    void aStatusChangeCarriesTheNewStatusAndADescriptionChangeDoesNot() {
        JsonNode status = json.readTree(actions.recorded(NOTARY,
                StaffAction.dossierChanged("dos-1", List.of("STATUS"), "ON_HOLD")).payload()).get("data");
        JsonNode description = json.readTree(actions.recorded(NOTARY,
                StaffAction.dossierChanged("dos-1", List.of("DESCRIPTION"), "ON_HOLD")).payload()).get("data");

        assertThat(status.get("status").asString()).isEqualTo("ON_HOLD");
        assertThat(json.convertValue(status.get("changes"), List.class)).containsExactly("STATUS");
        assertThat(description.has("status")).isFalse();
    }

    @Test
    void aClientsActionIsNoStaffAction() {
        assertThatThrownBy(() -> actions.recorded(ANNA, StaffAction.messageSent("dos-1", "msg-1")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRecordThatBreaksItsContractIsCaught() {
        // the validation the services' tests rely on bites on a record like these
        String payload = actions.recorded(NOTARY, StaffAction.messageSent("dos-1", "msg-1")).payload();
        Map<String, Object> event = json.readValue(payload, Map.class);
        ((Map<String, Object>) event.get("data")).put("body", "Bijgaand de akte");
        assertThat(EventContracts.violations(json.writeValueAsString(event))).isNotEmpty();
    }
}
