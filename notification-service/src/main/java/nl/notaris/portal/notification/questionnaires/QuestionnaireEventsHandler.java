package nl.notaris.portal.notification.questionnaires;

import java.time.LocalDate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import nl.notaris.portal.notification.config.ConsumedTopics;
import nl.notaris.portal.notification.events.TopicHandler;
import nl.notaris.portal.notification.mail.MailKind;
import nl.notaris.portal.notification.mail.PortalLinks;
import nl.notaris.portal.notification.recipients.DossierNotifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mails the recipient of a questionnaire that it is waiting (ACT-1): a link to it and the date the
 * office asks it by, never its title or questions (the event does not carry them).
 */
@Component
class QuestionnaireEventsHandler implements TopicHandler {

    static final String ASSIGNED = "portal.questionnaire.assigned";

    private final DossierNotifier notifier;
    private final PortalLinks links;
    private final JsonMapper json;

    QuestionnaireEventsHandler(DossierNotifier notifier, PortalLinks links, JsonMapper json) {
        this.notifier = notifier;
        this.links = links;
        this.json = json;
    }

    @Override
    public String topic() {
        return ConsumedTopics.QUESTIONNAIRES;
    }

    @Override
    public void handle(ConsumerRecord<String, String> record) {
        QuestionnaireEvent event = json.readValue(record.value(), QuestionnaireEvent.class);
        if (!ASSIGNED.equals(event.type())) {
            return;
        }
        Data data = event.data();
        notifier.notifyParty(event.id(), data.dossierId(), data.accountId(), MailKind.QUESTIONNAIRE_WAITING,
                links.questionnaire(data.assignmentId()), data.dueDate());
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record QuestionnaireEvent(String id, String type, Data data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String assignmentId, String dossierId, String accountId, LocalDate dueDate) {
    }
}
