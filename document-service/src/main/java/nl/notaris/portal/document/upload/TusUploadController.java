package nl.notaris.portal.document.upload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.InvalidRequestException;

/**
 * The tus 1.0.0 resumable upload protocol (core, creation and termination) at {@code /api/uploads/tus}:
 * a large scan on a bad mobile connection continues where it stopped. Upload-Metadata carries
 * {@code filename} and {@code dossierId}. The upload id is the last segment of the Location.
 */
@RestController
@RequestMapping("/api/uploads/tus")
class TusUploadController {

    static final String TUS_RESUMABLE = "Tus-Resumable";
    static final String VERSION = "1.0.0";
    static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";

    private final UploadService uploads;
    private final UploadLimits limits;

    TusUploadController(UploadService uploads, UploadLimits limits) {
        this.uploads = uploads;
        this.limits = limits;
    }

    @RequestMapping(method = RequestMethod.OPTIONS)
    ResponseEntity<Void> options() {
        return ResponseEntity.noContent().header(TUS_RESUMABLE, VERSION).header("Tus-Version", VERSION)
                .header("Tus-Extension", "creation,termination")
                .header("Tus-Max-Size", String.valueOf(limits.maxFileSize().toBytes())).build();
    }

    @PostMapping
    ResponseEntity<Void> create(Caller caller, @RequestHeader(name = "Upload-Length", required = false) String length,
            @RequestHeader(name = "Upload-Metadata", required = false) String metadata) {
        Map<String, String> meta = metadata(metadata);
        Upload upload = uploads.start(caller, meta.get("dossierId"), meta.get("filename"),
                number("Upload-Length", length));
        return ResponseEntity.status(201).header(HttpHeaders.LOCATION, "/api/uploads/tus/" + upload.id())
                .header(TUS_RESUMABLE, VERSION).build();
    }

    @RequestMapping(path = "/{id}", method = RequestMethod.HEAD)
    ResponseEntity<Void> offset(Caller caller, @PathVariable String id) {
        Upload upload = uploads.get(caller, id);
        return ResponseEntity.ok().header(TUS_RESUMABLE, VERSION)
                .header("Upload-Offset", String.valueOf(upload.offset()))
                .header("Upload-Length", String.valueOf(upload.length()))
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @PatchMapping("/{id}")
    ResponseEntity<Void> append(Caller caller, @PathVariable String id,
            @RequestHeader(name = "Upload-Offset", required = false) String offset, HttpServletRequest request)
            throws IOException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.startsWith(OFFSET_OCTET_STREAM)) {
            return ResponseEntity.status(415).header(TUS_RESUMABLE, VERSION).build();
        }
        Upload upload = uploads.append(caller, id, number("Upload-Offset", offset), request.getInputStream());
        return ResponseEntity.noContent().header(TUS_RESUMABLE, VERSION)
                .header("Upload-Offset", String.valueOf(upload.offset())).build();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> terminate(Caller caller, @PathVariable String id) {
        uploads.delete(caller, id);
        return ResponseEntity.noContent().header(TUS_RESUMABLE, VERSION).build();
    }

    /** tus metadata: comma-separated {@code key base64value} pairs. */
    static Map<String, String> metadata(String header) {
        Map<String, String> values = new HashMap<>();
        if (header == null || header.isBlank()) {
            return values;
        }
        for (String pair : header.split(",")) {
            String[] parts = pair.trim().split(" ", 2);
            try {
                values.put(parts[0], parts.length == 2
                        ? new String(Base64.getDecoder().decode(parts[1].trim()), StandardCharsets.UTF_8) : "");
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestException("Upload-Metadata", "Upload-Metadata '" + parts[0]
                        + "' is not Base64.");
            }
        }
        return values;
    }

    private static long number(String header, String value) {
        try {
            return Long.parseLong(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException(header, header + " must be a whole number of bytes.");
        }
    }
}
