package nl.notaris.portal.notification.documents;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import nl.notaris.portal.notification.config.ConsumedTopics;
import nl.notaris.portal.notification.mail.MailKind;
import nl.notaris.portal.notification.mail.PortalLinks;
import nl.notaris.portal.notification.recipients.DossierNotifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mails the dossier's parties when the office publishes a document (NOT-1). The event carries no
 * title and the mail says nothing of the document.
 */
@Component
class DocumentEventsListener {

    static final String PUBLISHED = "portal.document.published";

    private final DossierNotifier notifier;
    private final PortalLinks links;
    private final JsonMapper json;

    DocumentEventsListener(DossierNotifier notifier, PortalLinks links, JsonMapper json) {
        this.notifier = notifier;
        this.links = links;
        this.json = json;
    }

    @KafkaListener(topics = ConsumedTopics.DOCUMENTS)
    void on(ConsumerRecord<String, String> record) {
        DocumentEvent event = json.readValue(record.value(), DocumentEvent.class);
        if (!PUBLISHED.equals(event.type())) {
            return;
        }
        String dossierId = event.data().dossierId();
        notifier.notifyParties(event.id(), dossierId, MailKind.DOCUMENT_PUBLISHED, links.dossier(dossierId));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DocumentEvent(String id, String type, Data data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String documentId, String dossierId) {
    }
}
