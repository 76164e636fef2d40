package nl.notaris.portal.support.access;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import nl.notaris.portal.support.events.ProcessedEvents;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the dossier access replica from {@code portal.dossiers.v1}: idempotent and version-guarded. One
 * consumer whatever {@code spring.kafka.listener.concurrency} says: an event is one quick upsert, and a
 * service's further consumer threads are for work that waits (notification-service's mail).
 */
public class DossierEventsListener {

    /** The listener's id, e.g. to stop and start it in a test. */
    public static final String LISTENER_ID = "dossier-access";

    private final DossierAccessReplica replica;
    private final ProcessedEvents processed;
    private final JsonMapper json;
    private final String consumer;

    DossierEventsListener(DossierAccessReplica replica, ProcessedEvents processed, JsonMapper json,
            String application) {
        this.replica = replica;
        this.processed = processed;
        this.json = json;
        this.consumer = application + "." + LISTENER_ID;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = DossierAccessAutoConfiguration.TOPIC,
            concurrency = "1")
    public void on(ConsumerRecord<String, String> record) {
        DossierEvent event = json.readValue(record.value(), DossierEvent.class);
        if (event.type() == null || !event.type().startsWith("portal.dossier.")) {
            return;
        }
        Data data = event.data();
        processed.handleOnce(consumer, event.id(),
                () -> replica.apply(DossierAccess.of(data.dossierId(), data.number(), data.parties(), data.grants(), data.version())));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DossierEvent(String id, String type, Data data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String dossierId, String number, long version, List<DossierParty> parties, List<AccessGrant> grants) {
    }
}
