package nl.notaris.portal.notification.recipients;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import nl.notaris.portal.support.events.ProcessedEvents;
import tools.jackson.databind.json.JsonMapper;

/** Keeps the recipients replica from {@code portal.dossiers.v1}. */
@Component
class DossierEventsListener {

    private static final String CONSUMER = "notification-service.dossier-recipients";

    private final DossierRecipientsReplica replica;
    private final ProcessedEvents processed;
    private final JsonMapper json;

    DossierEventsListener(DossierRecipientsReplica replica, ProcessedEvents processed, JsonMapper json) {
        this.replica = replica;
        this.processed = processed;
        this.json = json;
    }

    @KafkaListener(topics = "portal.dossiers.v1", groupId = "notification-service")
    void on(ConsumerRecord<String, String> record) {
        DossierEvent event = json.readValue(record.value(), DossierEvent.class);
        if (!event.type().startsWith("portal.dossier.")) {
            return;
        }
        processed.handleOnce(CONSUMER, event.id(), () -> replica.apply(event.data().dossierId(),
                event.data().parties().stream().map(Party::recipient).distinct().toList(), event.data().version()));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DossierEvent(String id, String type, Data data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String dossierId, long version, List<Party> parties) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Party(String accountId, String email, String accountType, String companyId) {

        Recipient recipient() {
            return new Recipient(accountId, email, accountType, companyId);
        }
    }
}
