package nl.notaris.portal.notification.recipients;

import nl.notaris.portal.notification.mail.Language;

/** An account to mail about a dossier, at its address, in its language. */
public record Recipient(String accountId, String email, Language language) {
}
