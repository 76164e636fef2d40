package nl.notaris.portal.messaging.message;

import java.net.URI;
import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.InvalidRequestException;
import nl.notaris.portal.support.web.PageQuery;
import nl.notaris.portal.support.web.PageResponse;

/** The office sends messages to a dossier's parties and reads theirs (STF-4). Needs the {@code staff} role. */
@RestController
@Tag(name = "Messages (staff)", description = "Messages between the office and a dossier's parties, with files "
        + "(STF-4).")
class StaffMessageController {

    private final MessageService messages;

    StaffMessageController(MessageService messages) {
        this.messages = messages;
    }

    @PostMapping(path = "/api/staff/dossiers/{dossierId}/messages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Send a message to the dossier's parties, with up to 10 files",
            description = "A multipart form: subject (at most 200 characters), body (at most 20,000), optional "
                    + "inReplyTo (a message of this dossier) and up to 10 files (PDF, JPEG, PNG, HEIC, TIFF, DOCX, "
                    + "XLSX, ODT). The parties get an e-mail with a link, never the subject or the text.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, examples = @ExampleObject(value = """
                            {"subject": "Concept akte van levering",
                             "body": "Beste mevrouw De Vries, bijgaand het concept van de akte. Klopt alles?",
                             "files": ["(the file: concept-akte-van-levering.pdf)"]}"""))))
    @ApiResponse(responseCode = "201", description = "Sent; Location names the message.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No dossier with this id.")
    @ApiResponse(responseCode = "413", description = "More than 10 files, or a file larger than allowed.")
    @ApiResponse(responseCode = "415", description = "A file of a type the portal does not take, or a body that is "
            + "not multipart/form-data.")
    ResponseEntity<MessageView.Staff> send(Caller caller, @PathVariable String dossierId,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String body,
            @RequestParam(required = false) String inReplyTo,
            @RequestPart(name = "files", required = false) List<MultipartFile> files) {
        require("subject", subject, 200);
        require("body", body, 20_000);
        Message message = messages.sendByOffice(caller, dossierId, subject, body, inReplyTo, files);
        return ResponseEntity.created(URI.create("/api/staff/messages/" + message.getId()))
                .body(MessageView.Staff.of(message));
    }

    @GetMapping("/api/staff/dossiers/{dossierId}/messages")
    @Operation(summary = "A dossier's messages, newest first, with direction and read receipts",
            description = "direction: OUTGOING for a client's message (as the client sent it), INCOMING for the "
                    + "office's; readByOfficeAt and readByClientAt are the receipts; attachments list the files. "
                    + "page, size: as every list.")
    @ApiResponse(responseCode = "200", description = "A page of messages.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No dossier with this id.")
    PageResponse<MessageView.Staff> list(Caller caller, @PathVariable String dossierId, PageQuery page) {
        return PageResponse.of(messages.listForStaff(caller, dossierId, page.toPageRequest()), m -> m);
    }

    @PutMapping("/api/staff/messages/{messageId}/read")
    @Operation(summary = "Mark a client's message read: the client sees that the office read it",
            description = "Marking it again keeps the first time. The office's own messages are read by the clients "
                    + "(400 naming messageId). No body.")
    @ApiResponse(responseCode = "200", description = "The message with its receipt.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No message with this id.")
    MessageView.Staff markRead(Caller caller, @PathVariable String messageId) {
        return MessageView.Staff.of(messages.markReadByOffice(caller, messageId));
    }

    private static void require(String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            throw new InvalidRequestException(field, field + " is required (at most " + max + " characters).");
        }
    }
}
