package nl.notaris.portal.document.document;

import java.net.URI;
import java.time.Instant;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.EnumParameter;
import nl.notaris.portal.support.web.InvalidRequestException;
import nl.notaris.portal.support.web.PageQuery;
import nl.notaris.portal.support.web.PageResponse;

/**
 * The office publishes correspondence and documents to a dossier (STF-3): a multipart form with the
 * file, or JSON naming a finished resumable upload of its own. It lists a dossier's documents with
 * who opened them, what the clients delivered among them, and downloads any document.
 */
@RestController
@Tag(name = "Documents (staff)", description = "Letters and documents published to a dossier (STF-3), what the "
        + "clients delivered, who opened what.")
class StaffDocumentController {

    private final DocumentService documents;

    StaffDocumentController(DocumentService documents) {
        this.documents = documents;
    }

    @PostMapping(path = "/api/staff/dossiers/{dossierId}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = PUBLISH_SUMMARY, description = PUBLISH_DESCRIPTION,
            // springdoc describes both ways as one operation: each names both examples
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, examples = @ExampleObject(value = """
                            {"file": "(the file: koopakte-dorpsstraat-12.pdf)", "title": "Concept koopakte",
                             "category": "DOCUMENT"}""")),
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(value = """
                            {"uploadId": "6751a0c2e4b0a1b2c3d4e5f6", "title": "Concept koopakte",
                             "category": "DOCUMENT"}""")) }))
    @ApiResponse(responseCode = "201", description = "Published; Location is the document's download.",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No dossier with this id.")
    @ApiResponse(responseCode = "413", description = "The file is larger than allowed.")
    ResponseEntity<Published> publish(Caller caller, @PathVariable String dossierId,
            @RequestPart(required = false) MultipartFile file, @RequestParam(required = false) String title,
            @RequestParam(required = false) String category) {
        Category parsed = publishable(title, category);
        return created(documents.publish(caller, dossierId, file, title, parsed));
    }

    @PostMapping(path = "/api/staff/dossiers/{dossierId}/documents", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = PUBLISH_SUMMARY, description = PUBLISH_DESCRIPTION,
            // springdoc describes both ways as one operation: each names both examples
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, examples = @ExampleObject(value = """
                            {"file": "(the file: koopakte-dorpsstraat-12.pdf)", "title": "Concept koopakte",
                             "category": "DOCUMENT"}""")),
                    @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, examples = @ExampleObject(value = """
                            {"uploadId": "6751a0c2e4b0a1b2c3d4e5f6", "title": "Concept koopakte",
                             "category": "DOCUMENT"}""")) }))
    @ApiResponse(responseCode = "201", description = "Published; Location is the document's download.",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No dossier with this id.")
    @ApiResponse(responseCode = "409", description = "The upload was published already, or sent with a message.")
    ResponseEntity<Published> publishUpload(Caller caller, @PathVariable String dossierId,
            @RequestBody PublishUpload request) {
        Category parsed = publishable(request.title(), request.category());
        return created(documents.publishUpload(caller, dossierId, request.uploadId(), request.title(), parsed));
    }

    @GetMapping("/api/staff/dossiers/{dossierId}/documents")
    @Operation(summary = "A dossier's documents of one category, newest first (DELIVERED, the default: what the "
            + "clients delivered), each with who opened it (readBy)",
            description = "category: DELIVERED (default), CORRESPONDENCE or DOCUMENT. readBy: the accounts of the "
                    + "dossier that opened the document, with the time they first did. page, size: as every list.")
    @ApiResponse(responseCode = "200", description = "A page of documents.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No dossier with this id.")
    PageResponse<DocumentService.StaffDocument> list(Caller caller, @PathVariable String dossierId,
            @RequestParam(required = false) String category, PageQuery page) {
        Category parsed = EnumParameter.parseOr(Category.class, "category", category, Category.DELIVERED);
        return PageResponse.of(documents.listForStaff(caller, dossierId, parsed, page.toPageRequest()), d -> d);
    }

    @GetMapping("/api/staff/documents/{documentId}/content")
    @Operation(summary = "Download any document of any dossier",
            description = "As the client's download: the server's safe file name as an attachment. Does not mark it read.")
    @ApiResponse(responseCode = "200", description = "The file, as an attachment (Content-Disposition) of its type.",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM_VALUE,
                    schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "404", description = "No document with this id.")
    ResponseEntity<InputStreamResource> content(Caller caller, @PathVariable String documentId) {
        return ClientDocumentController.download(documents.openForStaff(caller, documentId));
    }

    static final String PUBLISH_SUMMARY = "Publish a letter (CORRESPONDENCE) or another document (DOCUMENT) to a dossier";
    static final String PUBLISH_DESCRIPTION = "Two ways, one request per file. multipart/form-data: the file itself "
            + "(file) with title and category. application/json: a finished upload of your own (tus at "
            + "/api/uploads/tus, resumable, for large files) by its uploadId, with title and category; the upload "
            + "must be yours, complete and for this dossier (else 400 naming uploadId) and is published once "
            + "(again: 409). title: at most 200 characters. The dossier's parties see the document at once and "
            + "get an e-mail as their notification settings say.";

    /** The title and category rules of both ways to publish. */
    private static Category publishable(String title, String category) {
        if (title == null || title.isBlank() || title.length() > 200) {
            throw new InvalidRequestException("title", "title is required (at most 200 characters).");
        }
        Category parsed = EnumParameter.parse(Category.class, "category", category);
        if (parsed != Category.CORRESPONDENCE && parsed != Category.DOCUMENT) {
            throw new InvalidRequestException("category", "The office publishes CORRESPONDENCE or DOCUMENT.");
        }
        return parsed;
    }

    private static ResponseEntity<Published> created(PublishedDocument document) {
        return ResponseEntity.created(URI.create("/api/documents/" + document.getId() + "/content"))
                .body(new Published(document.getId(), document.getDossierId(), document.getTitle(),
                        document.getCategory(), document.getFileName(), document.getContentType(), document.getSize(),
                        document.getPublishedAt()));
    }

    /** Publishing a finished upload: its id (the Location's last segment of the tus creation), title and category. */
    record PublishUpload(String uploadId, String title, String category) {
    }

    record Published(String id, String dossierId, String title, Category category, String fileName,
            String contentType, long size, Instant publishedAt) {
    }
}
