package nl.notaris.portal.notification.recipients;

import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import nl.notaris.portal.notification.mail.MailContent;
import nl.notaris.portal.notification.mail.MailKind;
import nl.notaris.portal.notification.mail.MailModel;
import nl.notaris.portal.notification.mail.MailTemplates;
import nl.notaris.portal.notification.mail.NotificationMailer;
import nl.notaris.portal.notification.mail.PortalLinks;
import nl.notaris.portal.support.access.DossierAccess;
import nl.notaris.portal.support.access.DossierAccessReplica;

/**
 * Mails every account that may see a dossier about one event (NOT-1), each in its own language, at
 * most once per account and event (NOT-3). A dossier this service has not heard of yet makes the event retry.
 */
@Component
public class DossierNotifier {

    private final DossierAccessReplica dossiers;
    private final Recipients recipients;
    private final MailTemplates templates;
    private final NotificationMailer mailer;
    private final PortalLinks links;
    private final String officeName;

    DossierNotifier(DossierAccessReplica dossiers, Recipients recipients, MailTemplates templates,
            NotificationMailer mailer, PortalLinks links, @Value("${portal.office-name:Notariskantoor}") String officeName) {
        this.dossiers = dossiers;
        this.recipients = recipients;
        this.templates = templates;
        this.mailer = mailer;
        this.links = links;
        this.officeName = officeName;
    }

    /** Mails every account that may see the dossier and wants this kind of mail. */
    public void notifyParties(String eventId, String dossierId, MailKind kind, String link) {
        MailModel model = model(link);
        for (Recipient recipient : recipients(eventId, dossierId, kind)) {
            send(eventId, recipient, kind, model);
        }
    }

    /**
     * Everyone who may see the dossier (of new documents also an adviser whose grant lasts) and wants this
     * kind of mail now.
     */
    public List<Recipient> recipients(String eventId, String dossierId, MailKind kind) {
        DossierAccess dossier = dossiers.find(dossierId)
                .orElseThrow(() -> new DossierNotKnownYetException(eventId, dossierId));
        return recipients.of(dossier, kind);
    }

    /**
     * Mails one account that was to hear of the dossier, if it still may (an adviser: its grant still lasts)
     * and still wants to; {@code count} is the number of new documents the mail tells of.
     */
    public void notifyRecipient(String eventId, String dossierId, String accountId, MailKind kind, String link,
            int count) {
        MailModel model = model(link).withCount(count);
        recipients(eventId, dossierId, kind).stream().filter(r -> r.accountId().equals(accountId)).findFirst()
                .ifPresent(recipient -> send(eventId, recipient, kind, model));
    }

    /**
     * Mails one party about something meant for that account alone (a questionnaire to fill in); an
     * account that is no longer a party of the dossier gets nothing.
     */
    public void notifyParty(String eventId, String dossierId, String accountId, MailKind kind, String link,
            LocalDate dueDate) {
        DossierAccess dossier = dossiers.find(dossierId)
                .orElseThrow(() -> new DossierNotKnownYetException(eventId, dossierId));
        dossier.parties().stream().filter(party -> party.accountId().equals(accountId)).findFirst()
                .flatMap(party -> recipients.party(party, kind))
                .ifPresent(recipient -> send(eventId, recipient, kind,
                        model(link).withDueDate(recipient.language().longDate(dueDate))));
    }

    private MailModel model(String link) {
        return new MailModel(link, officeName).withPreferencesLink(links.preferences());
    }

    private void send(String eventId, Recipient recipient, MailKind kind, MailModel model) {
        MailContent mail = templates.render(kind, recipient.language(), model.withRecipientName(recipient.name()));
        mailer.sendOnce(eventId, recipient.accountId(), recipient.email(),
                new MailContent(mail.subject(), mail.text(), mail.html(), links.preferences()));
    }
}
