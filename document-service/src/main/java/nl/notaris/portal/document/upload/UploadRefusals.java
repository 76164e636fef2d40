package nl.notaris.portal.document.upload;

import java.util.Map;

import org.springframework.http.HttpStatus;

import nl.notaris.portal.support.web.ProblemException;

/**
 * The refusals of an upload a client can meet, each with a stable code and its parameters (the web
 * app says them in the user's language) and an English {@code detail} for API callers:
 * <ul>
 * <li>{@code upload.refused-type} {file, kind, type} 415: {@link RefusedFileTypeException}</li>
 * <li>{@code upload.too-large} {file, max} 413: larger than {@code max} bytes</li>
 * <li>{@code upload.empty} {file} 400</li>
 * <li>{@code upload.dossier-not-found} 404: the dossier is not one the caller may see</li>
 * <li>{@code upload.not-found} 404: gone (expired or removed) or not the caller's</li>
 * <li>{@code upload.offset-mismatch} {offset} 409 and {@code upload.busy} 409: tus PATCHes that crossed</li>
 * <li>{@code upload.unfinished} {file} 409: not every byte is in yet, so it cannot be sent</li>
 * <li>{@code upload.already-sent} {file} 409: a message names it, so it cannot be removed</li>
 * </ul>
 */
final class UploadRefusals {

    private UploadRefusals() {
    }

    static ProblemException tooLarge(String fileName, long maxBytes, long maxMegabytes) {
        return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "file", "'" + fileName + "' is larger than "
                + maxMegabytes + " MB, the most a file may be.", "upload.too-large",
                Map.of("file", fileName, "max", String.valueOf(maxBytes)));
    }

    static ProblemException empty(String field, String fileName) {
        return new ProblemException(HttpStatus.BAD_REQUEST, field, "The file is empty.", "upload.empty",
                Map.of("file", fileName));
    }

    static ProblemException dossierNotFound() {
        return new ProblemException(HttpStatus.NOT_FOUND, "dossierId", "The dossier named in dossierId was not found.",
                "upload.dossier-not-found", Map.of());
    }

    static ProblemException notFound(String uploadId) {
        return new ProblemException(HttpStatus.NOT_FOUND, null, "Upload " + uploadId + " was not found.",
                "upload.not-found", Map.of());
    }

    static ProblemException busy() {
        return new ProblemException(HttpStatus.CONFLICT, null, "Another request is appending to this upload.",
                "upload.busy", Map.of());
    }

    static ProblemException unfinished(String fileName) {
        return new ProblemException(HttpStatus.CONFLICT, null, "'" + fileName
                + "' has not finished uploading; it can be sent once every byte is in.", "upload.unfinished",
                Map.of("file", fileName));
    }

    static ProblemException alreadySent(String fileName) {
        return new ProblemException(HttpStatus.CONFLICT, null, "'" + fileName
                + "' was sent with a message and can no longer be removed.", "upload.already-sent",
                Map.of("file", fileName));
    }
}
