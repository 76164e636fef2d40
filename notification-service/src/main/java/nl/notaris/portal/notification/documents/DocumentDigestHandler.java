package nl.notaris.portal.notification.documents;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;

import nl.notaris.portal.notification.config.ConsumedTopics;
import nl.notaris.portal.notification.documents.DocumentDigestQueue.DigestDue;
import nl.notaris.portal.notification.events.TopicHandler;
import nl.notaris.portal.notification.mail.MailKind;
import nl.notaris.portal.notification.mail.PortalLinks;
import nl.notaris.portal.notification.recipients.DossierNotifier;
import tools.jackson.databind.json.JsonMapper;

/** Sends a digest's mail — "3 nieuwe documenten" — to its account, if it still may see the dossier and wants it (NOT-1, NOT-2). */
@Component
class DocumentDigestHandler implements TopicHandler {

    private final DossierNotifier notifier;
    private final DocumentDigests digests;
    private final PortalLinks links;
    private final JsonMapper json;

    DocumentDigestHandler(DossierNotifier notifier, DocumentDigests digests, PortalLinks links, JsonMapper json) {
        this.notifier = notifier;
        this.digests = digests;
        this.links = links;
        this.json = json;
    }

    @Override
    public String topic() {
        return ConsumedTopics.DOCUMENT_DIGESTS;
    }

    @Override
    public void handle(ConsumerRecord<String, String> record) {
        DigestDue due = json.readValue(record.value(), DigestDue.class);
        String link = due.tab() == null ? links.dossier(due.dossierId()) : links.dossierTab(due.dossierId(), due.tab());
        notifier.notifyRecipient(due.id(), due.dossierId(), due.accountId(), MailKind.DOCUMENT_PUBLISHED, link,
                due.count());
        digests.sent(due.digestId());
    }
}
