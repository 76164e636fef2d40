package nl.notaris.portal.notification.documents;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import nl.notaris.portal.notification.config.ConsumedTopics;
import nl.notaris.portal.notification.mail.DocumentPublishedMail;
import nl.notaris.portal.notification.mail.NotificationMailer;
import nl.notaris.portal.notification.mail.PortalLinks;
import nl.notaris.portal.notification.recipients.RecipientLanguages;
import nl.notaris.portal.support.access.DossierAccess;
import nl.notaris.portal.support.access.DossierAccessReplica;
import nl.notaris.portal.support.access.DossierParty;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mails every party of the dossier when the office publishes a document (NOT-1), once per party
 * per event (NOT-3). The event carries no title and the mail says nothing of the document.
 */
@Component
class DocumentEventsListener {

    static final String PUBLISHED = "portal.document.published";

    private final DossierAccessReplica recipients;
    private final RecipientLanguages languages;
    private final PortalLinks links;
    private final NotificationMailer mailer;
    private final JsonMapper json;

    DocumentEventsListener(DossierAccessReplica recipients, RecipientLanguages languages, PortalLinks links,
            NotificationMailer mailer, JsonMapper json) {
        this.recipients = recipients;
        this.languages = languages;
        this.links = links;
        this.mailer = mailer;
        this.json = json;
    }

    @KafkaListener(topics = ConsumedTopics.DOCUMENTS)
    void on(ConsumerRecord<String, String> record) {
        DocumentEvent event = json.readValue(record.value(), DocumentEvent.class);
        if (!PUBLISHED.equals(event.type())) {
            return;
        }
        String dossierId = event.data().dossierId();
        DossierAccess dossier = recipients.find(dossierId)
                .orElseThrow(() -> new DossierNotKnownYetException(event.id(), dossierId));
        String link = links.dossier(dossierId);
        for (DossierParty party : dossier.parties()) {
            mailer.sendOnce(event.id(), party.accountId(), party.email(),
                    DocumentPublishedMail.render(languages.languageOf(party), link));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DocumentEvent(String id, String type, Data data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Data(String documentId, String dossierId) {
    }
}
