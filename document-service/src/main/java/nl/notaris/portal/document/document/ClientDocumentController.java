package nl.notaris.portal.document.document;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.EnumParameter;
import nl.notaris.portal.support.web.PageQuery;
import nl.notaris.portal.support.web.PageResponse;

/** A client's documents of a dossier, their tab counts, and their content (DOC-1..4, DOS-5). */
@RestController
class ClientDocumentController {

    private final DocumentService documents;
    private final UnreadDocuments unread;

    ClientDocumentController(DocumentService documents, UnreadDocuments unread) {
        this.documents = documents;
        this.unread = unread;
    }

    @GetMapping("/api/dossiers/{dossierId}/documents")
    PageResponse<DocumentService.ClientDocument> list(Caller caller, @PathVariable String dossierId,
            @RequestParam(required = false) String category, PageQuery page) {
        Category parsed = EnumParameter.parseOr(Category.class, "category", category, Category.CORRESPONDENCE);
        return PageResponse.of(documents.list(caller, dossierId, parsed, page.toPageRequest()), d -> d);
    }

    @GetMapping("/api/dossiers/{dossierId}/documents/counts")
    Map<Category, DocumentService.TabCount> counts(Caller caller, @PathVariable String dossierId) {
        return documents.counts(caller, dossierId);
    }

    /**
     * For a page of the dossier list: {@code {"<dossierId>": unread, …}}, 1 to 100 dossiers; those the
     * caller may not see are left out.
     */
    @GetMapping("/api/documents/unread-counts")
    Map<String, Long> unreadCounts(Caller caller,
            @RequestParam(name = "dossierId", required = false) List<String> dossierIds) {
        return unread.perDossier(caller, dossierIds);
    }

    /** Streams the content; the file name is the server's safe version, never the raw upload name. */
    @GetMapping("/api/documents/{documentId}/content")
    ResponseEntity<InputStreamResource> content(Caller caller, @PathVariable String documentId) {
        return download(documents.open(caller, documentId));
    }

    /** A download: the stored type, the server's safe file name as an attachment, never cached. */
    static ResponseEntity<InputStreamResource> download(DocumentService.Content content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.contentType()))
                .contentLength(content.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.fileName(), StandardCharsets.UTF_8).build().toString())
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(new InputStreamResource(content.stream()));
    }
}
