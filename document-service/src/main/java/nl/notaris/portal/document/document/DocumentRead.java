package nl.notaris.portal.document.document;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

import nl.notaris.portal.support.events.PendingEvent;

/**
 * That an account opened or downloaded a document (DOC-4): read state is per account. The office
 * sees who opened the documents of a page at once ({@code document_readers}).
 * <p>The marker is also the outbox of {@code portal.document.opened} ({@link #COLLECTION} is an
 * {@code OutboxCollection}): every time a client account opens the content, its event is written into
 * the marker's {@code pendingEvents} in the same single-document write that makes or touches it.
 * {@code unopened} is true only on the marker made when the account's own delivery was filed: the file
 * is not news to its sender (read), but the sender has not opened it yet; the first open clears it.
 */
@Document(DocumentRead.COLLECTION)
@CompoundIndexes({
        @CompoundIndex(name = "dossier_reader", def = "{'dossierId': 1, 'accountId': 1}"),
        @CompoundIndex(name = "document_readers", def = "{'documentId': 1, 'readAt': 1}") })
public record DocumentRead(@Id String id, String documentId, String dossierId, String accountId, Instant readAt,
        Boolean unopened, List<PendingEvent> pendingEvents) {

    public static final String COLLECTION = "document_reads";

    static String idOf(String documentId, String accountId) {
        return documentId + ":" + accountId;
    }

    /** The first time an account opens the document: read from now, with its opened event. */
    static DocumentRead opened(PublishedDocument document, String accountId, Instant now, PendingEvent event) {
        return new DocumentRead(idOf(document.getId(), accountId), document.getId(), document.getDossierId(),
                accountId, now, null, List.of(event));
    }

    /** What the account delivered itself: read from the moment it was filed, not yet opened. */
    static DocumentRead delivered(PublishedDocument document, String accountId) {
        return new DocumentRead(idOf(document.getId(), accountId), document.getId(), document.getDossierId(),
                accountId, document.getPublishedAt(), true, List.of());
    }
}
