package nl.notaris.portal.notification.mail;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** Links into the portal (the gateway's public address), for the e-mails. */
@Component
public class PortalLinks {

    private final String portalUrl;

    PortalLinks(@Value("${portal.url}") String portalUrl) {
        this.portalUrl = portalUrl;
    }

    public String dossier(String dossierId) {
        return UriComponentsBuilder.fromUriString(portalUrl).pathSegment("dossiers", dossierId)
                .encode().build().toUriString();
    }

    public String home() {
        return UriComponentsBuilder.fromUriString(portalUrl).path("/").encode().build().toUriString();
    }

    /** The invitation page of e-mail #1, where the client types the address (ONB-2). */
    public String invitation(String token) {
        return UriComponentsBuilder.fromUriString(portalUrl).pathSegment("account-activeren", token)
                .encode().build().toUriString();
    }

    /** The dossier page opened on one of its tabs ({@code correspondentie}, {@code documenten}, {@code berichten}, …). */
    public String dossierTab(String dossierId, String tab) {
        return UriComponentsBuilder.fromUriString(portalUrl).pathSegment("dossiers", dossierId)
                .queryParam("tab", tab).encode().build().toUriString();
    }

    /** A questionnaire to fill in, under Acties (ACT-2). */
    public String questionnaire(String assignmentId) {
        return UriComponentsBuilder.fromUriString(portalUrl).pathSegment("acties", assignmentId)
                .encode().build().toUriString();
    }

    /** The client's e-mail choices ("Mijn gegevens" → "Notificaties", ME-3): the List-Unsubscribe target. */
    public String preferences() {
        return UriComponentsBuilder.fromUriString(portalUrl).path("/mijn-gegevens").fragment("notificaties")
                .encode().build().toUriString();
    }
}
