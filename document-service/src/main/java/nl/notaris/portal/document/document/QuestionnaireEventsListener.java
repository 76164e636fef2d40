package nl.notaris.portal.document.document;

import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import nl.notaris.portal.document.events.DocumentTopics;
import nl.notaris.portal.support.events.ProcessedEvents;
import tools.jackson.databind.json.JsonMapper;

/** Files the PDF of each completed questionnaire ({@code portal.questionnaires.v1}) under "Door mij aangeleverd". */
@Component
class QuestionnaireEventsListener {

    static final String CONSUMER = "document-service.questionnaire-pdfs";
    static final String COMPLETED = "portal.questionnaire.completed";

    private final DocumentService documents;
    private final ProcessedEvents processed;
    private final JsonMapper json;

    QuestionnaireEventsListener(DocumentService documents, ProcessedEvents processed, JsonMapper json) {
        this.documents = documents;
        this.processed = processed;
        this.json = json;
    }

    @KafkaListener(id = "questionnaire-pdfs", idIsGroup = false, topics = DocumentTopics.QUESTIONNAIRES)
    void on(ConsumerRecord<String, String> record) {
        QuestionnaireEvent event = json.readValue(record.value(), QuestionnaireEvent.class);
        if (!COMPLETED.equals(event.type())) {
            return;
        }
        Data data = event.data();
        processed.handleOnce(CONSUMER, event.id(), () -> documents.fileCompletedQuestionnaire(data.assignmentId(),
                data.dossierId(), data.accountId(), data.pdfDocumentId(), data.completedAt()));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record QuestionnaireEvent(String id, String type, Data data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String assignmentId, String dossierId, String accountId, String pdfDocumentId, Instant completedAt) {
    }
}
