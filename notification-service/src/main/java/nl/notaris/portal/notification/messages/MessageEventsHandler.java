package nl.notaris.portal.notification.messages;

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
 * Mails the dossier's parties when the office sends them a message (NOT-1): a link to the dossier's
 * Berichten tab, never the subject or the text (the event does not carry them).
 */
@Component
class MessageEventsHandler implements TopicHandler {

    static final String SENT_BY_OFFICE = "portal.message.sent-by-office";

    private final DossierNotifier notifier;
    private final PortalLinks links;
    private final JsonMapper json;

    MessageEventsHandler(DossierNotifier notifier, PortalLinks links, JsonMapper json) {
        this.notifier = notifier;
        this.links = links;
        this.json = json;
    }

    @Override
    public String topic() {
        return ConsumedTopics.MESSAGES;
    }

    @Override
    public void handle(ConsumerRecord<String, String> record) {
        MessageEvent event = json.readValue(record.value(), MessageEvent.class);
        if (!SENT_BY_OFFICE.equals(event.type())) {
            return;
        }
        String dossierId = event.data().dossierId();
        notifier.notifyParties(event.id(), dossierId, MailKind.MESSAGE_RECEIVED, links.dossierTab(dossierId, "berichten"));
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MessageEvent(String id, String type, Data data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String messageId, String dossierId) {
    }
}
