package nl.notaris.portal.notification.documents;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import nl.notaris.portal.notification.config.ConsumedTopics;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts each document the office publishes in its dossier's digest (NOT-2), which becomes one mail
 * to the dossier's parties (NOT-1). The event carries no title and the mail says nothing of the documents.
 */
@Component
class DocumentEventsListener {

    static final String PUBLISHED = "portal.document.published";

    private final DocumentDigests digests;
    private final JsonMapper json;

    DocumentEventsListener(DocumentDigests digests, JsonMapper json) {
        this.digests = digests;
        this.json = json;
    }

    @KafkaListener(topics = ConsumedTopics.DOCUMENTS)
    void on(ConsumerRecord<String, String> record) {
        DocumentEvent event = json.readValue(record.value(), DocumentEvent.class);
        if (!PUBLISHED.equals(event.type())) {
            return;
        }
        digests.add(event.id(), event.data().dossierId(), event.data().category());
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DocumentEvent(String id, String type, Data data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String documentId, String dossierId, String category) {
    }
}
