package nl.notaris.portal.notification.recipients;

import nl.notaris.portal.notification.mail.Language;

/** An account to mail about a dossier, at its address, greeted by its name (when known), in its language. */
public record Recipient(String accountId, String email, String name, Language language) {
}
