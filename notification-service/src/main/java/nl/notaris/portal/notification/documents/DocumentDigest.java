package nl.notaris.portal.notification.documents;

import java.time.Instant;
import java.util.Set;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The documents published to one dossier within one window that one account is to hear of (NOT-2):
 * they become one e-mail to that account. Who hears of a document is decided when it is published,
 * by the account's choices then (ME-3). A digest is {@code OPEN} while documents may join it,
 * {@code QUEUED} once its mail is on its way, and {@code SENT} after; it keeps the ids of its
 * events, so a repeated event is never counted twice.
 */
@Document("document_digests")
@CompoundIndexes({
        @CompoundIndex(name = "dossier_account_status", def = "{'dossierId': 1, 'accountId': 1, 'status': 1}"),
        @CompoundIndex(name = "events_account", def = "{'eventIds': 1, 'accountId': 1}"),
        @CompoundIndex(name = "status_due", def = "{'status': 1, 'dueAt': 1}") })
public record DocumentDigest(@Id String id, String dossierId, String accountId, Set<String> eventIds,
        Set<String> categories, Status status, Instant firstAt, Instant dueAt, Instant queuedAt) {

    public enum Status {
        OPEN, QUEUED, SENT
    }

    /** The tab of the dossier page to link to: the documents' own tab when they share one. */
    String tab() {
        if (categories == null || categories.size() != 1) {
            return null;
        }
        return switch (categories.iterator().next()) {
            case "CORRESPONDENCE" -> "correspondentie";
            case "DOCUMENT" -> "documenten";
            default -> null;
        };
    }
}
