package nl.notaris.portal.document.document;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import nl.notaris.portal.document.events.DocumentTopics;
import nl.notaris.portal.support.events.ProcessedEvents;
import tools.jackson.databind.json.JsonMapper;

/** Files the attachments of sent messages ({@code portal.messages.v1}) as documents of the dossier. */
@Component
class MessageEventsListener {

    static final String CONSUMER = "document-service.message-attachments";
    static final String SENT_BY_CLIENT = "portal.message.sent-by-client";
    static final String SENT_BY_OFFICE = "portal.message.sent-by-office";

    private final DocumentService documents;
    private final ProcessedEvents processed;
    private final JsonMapper json;

    MessageEventsListener(DocumentService documents, ProcessedEvents processed, JsonMapper json) {
        this.documents = documents;
        this.processed = processed;
        this.json = json;
    }

    @KafkaListener(id = "message-attachments", idIsGroup = false, topics = DocumentTopics.MESSAGES)
    void on(ConsumerRecord<String, String> record) {
        MessageEvent event = json.readValue(record.value(), MessageEvent.class);
        boolean fromClient = SENT_BY_CLIENT.equals(event.type());
        if (!fromClient && !SENT_BY_OFFICE.equals(event.type())) {
            return;
        }
        Data data = event.data();
        if (data.attachments() == null || data.attachments().isEmpty()) {
            return;
        }
        processed.handleOnce(CONSUMER, event.id(), () -> documents.fileAttachments(data.messageId(), data.dossierId(),
                data.senderAccountId(), fromClient, data.attachments().stream().map(Attachment::documentId).toList(),
                data.sentAt()));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MessageEvent(String id, String type, Data data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String messageId, String dossierId, String senderAccountId, Instant sentAt, List<Attachment> attachments) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Attachment(String documentId) {
    }
}
