package nl.notaris.portal.messaging.attachment;

import nl.notaris.portal.support.uploads.DocumentServiceUploads.Upload;

/** A file attached to a message: a document of the dossier (document-service owns the bytes). */
public record Attachment(String documentId, String fileName, long size, String contentType) {

    /** The upload a message names, as its attachment (the upload's id becomes the document's). */
    public static Attachment of(Upload upload) {
        return new Attachment(upload.id(), upload.fileName(), upload.size(), upload.contentType());
    }
}
