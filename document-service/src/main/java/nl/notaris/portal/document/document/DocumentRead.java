package nl.notaris.portal.document.document;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * That an account opened or downloaded a document (DOC-4): read state is per account. The office
 * sees who opened the documents of a page at once ({@code document_readers}).
 */
@Document("document_reads")
@CompoundIndexes({
        @CompoundIndex(name = "dossier_reader", def = "{'dossierId': 1, 'accountId': 1}"),
        @CompoundIndex(name = "document_readers", def = "{'documentId': 1, 'readAt': 1}") })
public record DocumentRead(@Id String id, String documentId, String dossierId, String accountId, Instant readAt) {

    public static DocumentRead of(PublishedDocument document, String accountId, Instant now) {
        return new DocumentRead(document.getId() + ":" + accountId, document.getId(), document.getDossierId(),
                accountId, now);
    }
}
