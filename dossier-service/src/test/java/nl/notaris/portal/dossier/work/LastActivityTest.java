package nl.notaris.portal.dossier.work;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import nl.notaris.portal.dossier.dossier.Dossier;
import nl.notaris.portal.dossier.dossier.DossierActivity;
import nl.notaris.portal.dossier.dossier.DossierStatus;
import nl.notaris.portal.dossier.events.ConsumedEvent;
import nl.notaris.portal.dossier.events.DossierTopics;
import nl.notaris.portal.dossier.parties.Party;
import nl.notaris.portal.support.audit.StaffActions;
import nl.notaris.portal.support.events.CloudEventFactory;
import nl.notaris.portal.support.events.ProcessedEvents;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.MovingClock;
import tools.jackson.databind.json.JsonMapper;

/**
 * A dossier's last activity follows what its clients see happen in it: the events of documents,
 * messages and questionnaires (the contracts' examples, fed to the listener as the broker hands them
 * over), and the dossier's own changes. The latest moment wins, whatever the order or repetition.
 */
class LastActivityTest {

    static final Instant CREATED = Instant.parse("2026-11-01T09:00:00Z");
    static final Party ANNA = new Party("a1-anna", "anna@example.com", "PERSON", null, "Anna de Vries");

    static MongoServer server;
    static MongoClient client;

    MongoTemplate mongo;
    WorkEventsListener listener;
    Dossier dossier;

    @BeforeAll
    static void startMongo() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @BeforeEach
    void aDossierCreatedOnTheFirstOfNovember() {
        mongo = new MongoTemplate(client, "activity-" + UUID.randomUUID());
        MovingClock clock = new MovingClock(Instant.parse("2026-12-01T09:00:00Z"));
        WorkQueue queue = new WorkQueue(new WorkItems(mongo), new DossierFacts(mongo), mongo,
                new StaffActions(new CloudEventFactory(JsonMapper.builder().build(), "/notary-portal/dossier-service", clock),
                        clock),
                clock, Duration.ofDays(7));
        listener = new WorkEventsListener(queue, new DossierActivity(mongo), new ProcessedEvents(mongo, clock),
                JsonMapper.builder().build());
        dossier = mongo.insert(Dossier.open("2026-0050", "Aankoop woning", DossierStatus.IN_PROGRESS, List.of(ANNA),
                CREATED));
    }

    @Test
    void aNewDossiersLastActivityIsItsCreation() {
        assertThat(lastActivity()).isEqualTo(CREATED);
    }

    @Test
    void eachEventClientsSeeMovesItToTheMomentTheEventTells() {
        String id = dossier.getId();
        feed(DossierTopics.DOCUMENTS, EventContracts.example("portal.document.published").forDossier(id)
                .with("data.publishedAt", "2026-11-02T10:00:00.000Z").json());
        assertThat(lastActivity()).isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
        feed(DossierTopics.MESSAGES, EventContracts.example("portal.message.sent-by-office").forDossier(id)
                .with("data.sentAt", "2026-11-03T10:00:00.000Z").json());
        assertThat(lastActivity()).isEqualTo(Instant.parse("2026-11-03T10:00:00Z"));
        feed(DossierTopics.MESSAGES, WorkQueueTest.clientMessage(id, "m-1", "a1-anna", "2026-11-04T10:00:00Z"));
        assertThat(lastActivity()).isEqualTo(Instant.parse("2026-11-04T10:00:00Z"));
        feed(DossierTopics.DOCUMENTS, EventContracts.example("portal.document.delivered").forDossier(id)
                .with("data.deliveredAt", "2026-11-05T10:00:00.000Z").json());
        assertThat(lastActivity()).isEqualTo(Instant.parse("2026-11-05T10:00:00Z"));
        feed(DossierTopics.QUESTIONNAIRES, EventContracts.example("portal.questionnaire.assigned").forDossier(id)
                .with("data.assignedAt", "2026-11-06T10:00:00.000Z").json());
        assertThat(lastActivity()).isEqualTo(Instant.parse("2026-11-06T10:00:00Z"));
        feed(DossierTopics.QUESTIONNAIRES, WorkQueueTest.completed(id, "as-1", "2026-11-07T10:00:00Z"));
        assertThat(lastActivity()).isEqualTo(Instant.parse("2026-11-07T10:00:00Z"));
    }

    @Test
    void anEarlierOrRepeatedEventLeavesTheLatestMoment() {
        String later = WorkQueueTest.clientMessage(dossier.getId(), "m-2", "a1-anna", "2026-11-20T10:00:00Z");
        feed(DossierTopics.MESSAGES, later);
        feed(DossierTopics.DOCUMENTS, EventContracts.example("portal.document.published").forDossier(dossier.getId())
                .with("data.publishedAt", "2026-11-10T10:00:00.000Z").json());
        feed(DossierTopics.MESSAGES, later);

        assertThat(lastActivity()).isEqualTo(Instant.parse("2026-11-20T10:00:00Z"));
    }

    @Test
    void eventsOfAccountsAndOfOtherDossiersLeaveItAlone() {
        feed(DossierTopics.ACCOUNTS, WorkQueueTest.activated("acc-1", "2026-11-15T10:00:00Z"));
        feed(DossierTopics.MESSAGES, WorkQueueTest.clientMessage("6b0a9f0e1c2d3e4f5a6b7c8d", "m-3", "a1-anna",
                "2026-11-15T10:00:00Z"));

        assertThat(lastActivity()).isEqualTo(CREATED);
    }

    /**
     * The event's update leaves the version alone, so the office's change of a dossier read before it
     * still saves; and that save does not take the last activity back, its own moment being later.
     */
    @Test
    void anOfficeChangeReadBeforeAnEventStillSavesAndKeepsTheLaterMoment() {
        Dossier readByTheOffice = mongo.findById(dossier.getId(), Dossier.class);
        feed(DossierTopics.MESSAGES, WorkQueueTest.clientMessage(dossier.getId(), "m-4", "a1-anna",
                "2026-11-20T10:00:00Z"));

        readByTheOffice.changeStatus(DossierStatus.ON_HOLD, Instant.parse("2026-11-20T10:00:01Z"));
        mongo.save(readByTheOffice);

        assertThat(lastActivity()).isEqualTo(Instant.parse("2026-11-20T10:00:01Z"));
    }

    /** As the service's listener hands it over, whatever the topic. */
    void feed(String topic, String json) {
        listener.handle(JsonMapper.builder().build().readValue(json, ConsumedEvent.class));
    }

    Instant lastActivity() {
        return mongo.findById(dossier.getId(), Dossier.class).getLastActivityAt();
    }
}
