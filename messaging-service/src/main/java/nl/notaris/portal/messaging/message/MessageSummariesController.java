package nl.notaris.portal.messaging.message;

import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.notaris.portal.support.security.Caller;

/** Messages as other pages mention them: unread counts of the dossier list, subjects of delivered files. */
@RestController
class MessageSummariesController {

    private final MessageSummaries summaries;

    MessageSummariesController(MessageSummaries summaries) {
        this.summaries = summaries;
    }

    /** {@code {"<dossierId>": unread, …}}: 1 to 100 dossiers (a page of the list); those the caller may not see are left out. */
    @GetMapping("/api/messages/unread-counts")
    Map<String, Long> unreadCounts(Caller caller,
            @RequestParam(name = "dossierId", required = false) List<String> dossierIds) {
        return summaries.unreadPerDossier(caller, dossierIds);
    }

    /** The subjects of 1 to 100 messages of the dossier; opening nothing, so nothing becomes read. */
    @GetMapping("/api/dossiers/{dossierId}/messages/subjects")
    List<MessageSummaries.Subject> subjects(Caller caller, @PathVariable String dossierId,
            @RequestParam(name = "id", required = false) List<String> messageIds) {
        return summaries.subjects(caller, dossierId, messageIds);
    }
}
