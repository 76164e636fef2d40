package nl.notaris.portal.dossier.events;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one listener of this service's consumer group ({@code dossier-service}) for the topics of
 * messages, documents, questionnaires, accounts, staff actions and grants ({@link DossierTopics}): it hands each event to every
 * {@link ConsumedEventHandler}. One listener rather than one per part, because listeners of one group
 * on one topic would share its partitions between them, each seeing only some of the events; and the
 * service's dead letters and their replay are per group. A failing record is retried and then parked
 * on {@code <topic>.dlt} (a record that is not JSON at once) by support's error handler.
 */
@Component
class ServiceEventsListener {

    static final String LISTENER_ID = "dossier-service-events";

    private final List<ConsumedEventHandler> handlers;
    private final JsonMapper json;

    ServiceEventsListener(List<ConsumedEventHandler> handlers, JsonMapper json) {
        this.handlers = handlers;
        this.json = json;
    }

    @KafkaListener(id = LISTENER_ID, idIsGroup = false, topics = { DossierTopics.MESSAGES, DossierTopics.DOCUMENTS,
            DossierTopics.QUESTIONNAIRES, DossierTopics.ACCOUNTS, DossierTopics.STAFF_ACTIONS, DossierTopics.ACCESS })
    void on(ConsumerRecord<String, String> record) {
        ConsumedEvent event = json.readValue(record.value(), ConsumedEvent.class);
        if (event.type() == null) {
            return;
        }
        for (ConsumedEventHandler handler : handlers) {
            handler.handle(event);
        }
    }
}
