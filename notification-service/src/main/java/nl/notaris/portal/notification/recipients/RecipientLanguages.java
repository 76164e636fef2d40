package nl.notaris.portal.notification.recipients;

import org.springframework.stereotype.Component;

import nl.notaris.portal.notification.mail.Language;
import nl.notaris.portal.support.access.DossierParty;

/**
 * The one place that decides in which language a party is mailed (NOT-1). Until account events
 * carry each account's choice to this service, everyone is mailed in Dutch, the portal's default.
 */
@Component
public class RecipientLanguages {

    public Language languageOf(DossierParty party) {
        return Language.DEFAULT;
    }
}
