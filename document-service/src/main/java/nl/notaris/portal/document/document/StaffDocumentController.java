package nl.notaris.portal.document.document;

import java.net.URI;
import java.time.Instant;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.EnumParameter;
import nl.notaris.portal.support.web.InvalidRequestException;
import nl.notaris.portal.support.web.PageQuery;
import nl.notaris.portal.support.web.PageResponse;

/** The office publishes correspondence and documents to a dossier (STF-3). */
@RestController
@Tag(name = "Documents (staff)")
class StaffDocumentController {

    private final DocumentService documents;

    StaffDocumentController(DocumentService documents) {
        this.documents = documents;
    }

    @PostMapping(path = "/api/staff/dossiers/{dossierId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Publish a letter (CORRESPONDENCE) or another document (DOCUMENT) to a dossier")
    ResponseEntity<Published> publish(Caller caller, @PathVariable String dossierId,
            @RequestPart(required = false) MultipartFile file, @RequestParam(required = false) String title,
            @RequestParam(required = false) String category) {
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new InvalidRequestException("title", "title is required (at most 200 characters).");
        }
        Category parsed = EnumParameter.parse(Category.class, "category", category);
        if (parsed != Category.CORRESPONDENCE && parsed != Category.DOCUMENT) {
            throw new InvalidRequestException("category", "The office publishes CORRESPONDENCE or DOCUMENT.");
        }
        PublishedDocument document = documents.publish(caller, dossierId, file, title, parsed);
        return ResponseEntity.created(URI.create("/api/documents/" + document.getId() + "/content"))
                .body(new Published(document.getId(), document.getDossierId(), document.getTitle(),
                        document.getCategory(), document.getFileName(), document.getContentType(), document.getSize(),
                        document.getPublishedAt()));
    }

    @GetMapping("/api/staff/dossiers/{dossierId}/documents")
    @Operation(summary = "A dossier's documents of one category, newest first (DELIVERED: what the client delivered)")
    PageResponse<DocumentService.ClientDocument> list(Caller caller, @PathVariable String dossierId,
            @RequestParam(required = false) String category, PageQuery page) {
        Category parsed = EnumParameter.parseOr(Category.class, "category", category, Category.DELIVERED);
        return PageResponse.of(documents.list(caller, dossierId, parsed, page.toPageRequest()), d -> d);
    }

    record Published(String id, String dossierId, String title, Category category, String fileName,
            String contentType, long size, Instant publishedAt) {
    }
}
