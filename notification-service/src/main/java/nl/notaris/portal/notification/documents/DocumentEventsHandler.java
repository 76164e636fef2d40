package nl.notaris.portal.notification.documents;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import nl.notaris.portal.notification.config.ConsumedTopics;
import nl.notaris.portal.notification.events.TopicHandler;
import nl.notaris.portal.notification.mail.MailKind;
import nl.notaris.portal.notification.recipients.DossierNotifier;
import nl.notaris.portal.notification.recipients.Recipient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Counts each document the office publishes in the digest of every account that may see the dossier
 * and wants such mail now (NOT-1, ME-3); each digest becomes one mail (NOT-2). The event carries no
 * title and the mail says nothing of the documents.
 */
@Component
class DocumentEventsHandler implements TopicHandler {

    static final String PUBLISHED = "portal.document.published";

    private final DossierNotifier notifier;
    private final DocumentDigests digests;
    private final DocumentDigestQueue queue;
    private final JsonMapper json;

    DocumentEventsHandler(DossierNotifier notifier, DocumentDigests digests, DocumentDigestQueue queue, JsonMapper json) {
        this.notifier = notifier;
        this.digests = digests;
        this.queue = queue;
        this.json = json;
    }

    @Override
    public String topic() {
        return ConsumedTopics.DOCUMENTS;
    }

    @Override
    public void handle(ConsumerRecord<String, String> record) {
        DocumentEvent event = json.readValue(record.value(), DocumentEvent.class);
        if (!PUBLISHED.equals(event.type())) {
            return;
        }
        String dossierId = event.data().dossierId();
        for (Recipient recipient : notifier.recipients(event.id(), dossierId, MailKind.DOCUMENT_PUBLISHED)) {
            queue.wakeAt(digests.add(event.id(), dossierId, recipient.accountId(), event.data().category()));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DocumentEvent(String id, String type, Data data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String documentId, String dossierId, String category) {
    }
}
