package nl.notaris.portal.notification.recipients;

/** A party of a dossier as this service needs it to send a notification. */
public record Recipient(String accountId, String email, String accountType, String companyId) {
}
