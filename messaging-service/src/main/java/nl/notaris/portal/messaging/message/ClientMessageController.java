package nl.notaris.portal.messaging.message;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.InvalidRequestException;
import nl.notaris.portal.support.web.PageQuery;
import nl.notaris.portal.support.web.PageResponse;

/** The client's "Berichten" tab: the dossier's messages, opening one, writing one (MSG-1..5). */
@RestController
class ClientMessageController {

    private final MessageService messages;

    ClientMessageController(MessageService messages) {
        this.messages = messages;
    }

    @GetMapping("/api/dossiers/{dossierId}/messages")
    PageResponse<MessageView> list(Caller caller, @PathVariable String dossierId, PageQuery page) {
        return PageResponse.of(messages.list(caller, dossierId, page.toPageRequest()), m -> m);
    }

    @GetMapping("/api/dossiers/{dossierId}/messages/counts")
    MessageView.Counts counts(Caller caller, @PathVariable String dossierId) {
        return messages.counts(caller, dossierId);
    }

    @GetMapping("/api/messages/{messageId}")
    MessageView open(Caller caller, @PathVariable String messageId) {
        return MessageView.opened(messages.open(caller, messageId));
    }

    @PostMapping("/api/dossiers/{dossierId}/messages")
    ResponseEntity<MessageView> send(Caller caller, @PathVariable String dossierId,
            @Valid @RequestBody NewMessage request) {
        request.requireFilesForRequest();
        Message message = messages.sendByClient(caller, dossierId, request.subject(), request.body(),
                request.inReplyTo(), request.requestId(), request.uploads());
        return ResponseEntity.created(URI.create("/api/messages/" + message.getId())).body(MessageView.opened(message));
    }

    /**
     * "Onderwerp" and "Bericht" are required (MSG-4); uploads are the ids of the caller's finished uploads.
     * {@code requestId}, optional: the progress step whose document request this message answers (its id
     * as dossier-service gives it); such a message delivers at least one file.
     */
    record NewMessage(@NotBlank(message = "is required") @Size(max = 200, message = "is at most 200 characters") String subject,
            @NotBlank(message = "is required") @Size(max = 20_000, message = "is at most 20000 characters") String body,
            @Size(max = 64) String inReplyTo,
            @Pattern(regexp = "[A-Za-z0-9_-]{1,64}", message = "must be the id of a progress step's request: 1 to 64 "
                    + "letters, digits, '-' or '_'") String requestId,
            List<@NotNull(message = "must be an upload id") @Size(max = 64) String> uploads) {

        /** A message that answers a document request delivers what was asked: at least one upload (400 naming uploads). */
        void requireFilesForRequest() {
            if (requestId != null && (uploads == null || uploads.isEmpty())) {
                throw new InvalidRequestException("uploads", "A message that answers a document request (requestId) "
                        + "delivers the requested files: upload at least one file and name it in uploads.");
            }
        }
    }
}
