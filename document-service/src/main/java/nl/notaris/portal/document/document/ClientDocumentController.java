package nl.notaris.portal.document.document;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.InvalidRequestException;
import nl.notaris.portal.support.web.PageResponse;

/** A client's documents of a dossier, their tab counts, and their content (DOC-1..4, DOS-5). */
@RestController
class ClientDocumentController {

    private final DocumentService documents;

    ClientDocumentController(DocumentService documents) {
        this.documents = documents;
    }

    @GetMapping("/api/dossiers/{dossierId}/documents")
    PageResponse<DocumentService.ClientDocument> list(@AuthenticationPrincipal Jwt jwt, @PathVariable String dossierId,
            @RequestParam(defaultValue = "CORRESPONDENCE") String category,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0) {
            throw new InvalidRequestException("page", "page must be 0 or more.");
        }
        if (size < 1 || size > 100) {
            throw new InvalidRequestException("size", "size must be between 1 and 100.");
        }
        return PageResponse.of(documents.list(Caller.from(jwt), dossierId, parse(category), PageRequest.of(page, size)),
                d -> d);
    }

    @GetMapping("/api/dossiers/{dossierId}/documents/counts")
    Map<Category, DocumentService.TabCount> counts(@AuthenticationPrincipal Jwt jwt, @PathVariable String dossierId) {
        return documents.counts(Caller.from(jwt), dossierId);
    }

    /** Streams the content; the file name is the server's safe version, never the raw upload name. */
    @GetMapping("/api/documents/{documentId}/content")
    ResponseEntity<InputStreamResource> content(@AuthenticationPrincipal Jwt jwt, @PathVariable String documentId)
            throws IOException {
        DocumentService.Content content = documents.open(Caller.from(jwt), documentId);
        PublishedDocument document = content.document();
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.getContentType()))
                .contentLength(document.getSize())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.getFileName(), StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(new InputStreamResource(content.resource().getInputStream()));
    }

    static Category parse(String category) {
        try {
            return Category.parse(category);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("category", e.getMessage());
        }
    }
}
