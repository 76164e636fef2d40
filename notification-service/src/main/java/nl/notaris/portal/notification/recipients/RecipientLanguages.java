package nl.notaris.portal.notification.recipients;

import org.springframework.stereotype.Component;

import nl.notaris.portal.notification.mail.Language;

/**
 * The one place that decides in which language a recipient is mailed (NOT-1). Language preferences
 * (ME-3) are not replicated to this service yet, so everyone gets Dutch, the portal's default; a
 * replica of identity-service's preference events plugs in here.
 */
@Component
public class RecipientLanguages {

    public Language languageOf(Recipient recipient) {
        return Language.DEFAULT;
    }
}
