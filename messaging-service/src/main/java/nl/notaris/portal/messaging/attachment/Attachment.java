package nl.notaris.portal.messaging.attachment;

/** A file attached to a message: a document of the dossier (document-service owns the bytes). */
public record Attachment(String documentId, String fileName, long size, String contentType) {
}
