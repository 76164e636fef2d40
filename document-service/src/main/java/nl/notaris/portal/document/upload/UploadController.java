package nl.notaris.portal.document.upload;

import java.net.URI;
import java.time.Instant;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nl.notaris.portal.support.security.Caller;

/**
 * Uploads in one request for simple clients and tools, and what the uploader may do with an upload
 * before sending it (the browser uploads with tus: {@link TusUploadController}).
 */
@RestController
@Tag(name = "Uploads")
class UploadController {

    private final UploadService uploads;

    UploadController(UploadService uploads) {
        this.uploads = uploads;
    }

    @PostMapping(path = "/api/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a file for a message to a dossier (PDF, JPEG, PNG, HEIC, TIFF, DOCX, XLSX, ODT)")
    ResponseEntity<UploadView> upload(Caller caller, @RequestPart(required = false) MultipartFile file,
            @RequestParam(required = false) String dossierId) {
        Upload upload = uploads.store(caller, dossierId, file);
        return ResponseEntity.created(URI.create("/api/uploads/" + upload.id())).body(UploadView.of(upload));
    }

    @GetMapping("/api/uploads/{id}")
    @Operation(summary = "An upload of the caller: name, size, type, whether it is complete")
    UploadView get(Caller caller, @PathVariable String id) {
        return UploadView.of(uploads.get(caller, id));
    }

    @DeleteMapping("/api/uploads/{id}")
    @Operation(summary = "Remove an upload of the caller before it is sent",
            description = "Once a message names the upload it is the message's: 409.")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
        uploads.delete(caller, id);
        return ResponseEntity.noContent().build();
    }

    @PatchMapping(path = "/api/uploads/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Mark a complete upload of the caller as sent with a message; it can then no longer be removed",
            description = "messaging-service does this, with the sender's token, before it saves the message.")
    UploadView markSent(Caller caller, @PathVariable String id, @Valid @RequestBody Sent sent) {
        return UploadView.of(uploads.markSent(caller, id, sent.messageId()));
    }

    /** The message that names the upload. */
    record Sent(@NotBlank(message = "is required") @Size(max = 64, message = "is at most 64 characters")
            String messageId) {
    }

    /** An upload as its uploader sees it; {@code messageId} once a message names it. */
    record UploadView(String id, String dossierId, String fileName, long size, long received, String contentType,
            UploadStatus status, String messageId, Instant expiresAt) {

        static UploadView of(Upload upload) {
            return new UploadView(upload.id(), upload.dossierId(), upload.fileName(), upload.length(),
                    upload.offset(), upload.contentType(), upload.status(), upload.messageId(), upload.expiresAt());
        }
    }
}
