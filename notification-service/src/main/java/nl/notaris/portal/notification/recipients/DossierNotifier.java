package nl.notaris.portal.notification.recipients;

import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import nl.notaris.portal.notification.mail.MailKind;
import nl.notaris.portal.notification.mail.MailModel;
import nl.notaris.portal.notification.mail.MailTemplates;
import nl.notaris.portal.notification.mail.NotificationMailer;
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
    private final String officeName;

    DossierNotifier(DossierAccessReplica dossiers, Recipients recipients, MailTemplates templates,
            NotificationMailer mailer, @Value("${portal.office-name:Notariskantoor}") String officeName) {
        this.dossiers = dossiers;
        this.recipients = recipients;
        this.templates = templates;
        this.mailer = mailer;
        this.officeName = officeName;
    }

    public void notifyParties(String eventId, String dossierId, MailKind kind, String link) {
        DossierAccess dossier = dossiers.find(dossierId)
                .orElseThrow(() -> new DossierNotKnownYetException(eventId, dossierId));
        MailModel model = new MailModel(link, officeName);
        for (Recipient recipient : recipients.of(dossier.parties())) {
            mailer.sendOnce(eventId, recipient.accountId(), recipient.email(),
                    templates.render(kind, recipient.language(), model));
        }
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
                .flatMap(recipients::party)
                .ifPresent(recipient -> mailer.sendOnce(eventId, recipient.accountId(), recipient.email(),
                        templates.render(kind, recipient.language(), new MailModel(link, officeName, null,
                                recipient.language().longDate(dueDate)))));
    }
}
