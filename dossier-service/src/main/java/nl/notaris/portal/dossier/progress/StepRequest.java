package nl.notaris.portal.dossier.progress;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the office needs from the client for a step: a named document to deliver ("Kopie paspoort") or
 * a questionnaire (its assignment). Fulfilled by a client's message with attachments that names the
 * step ({@code requestId}), or by completing the questionnaire. {@code fulfilledBy} (the account's
 * name) and {@code fulfilledMessageId} are for the office's view only.
 */
public record StepRequest(RequestKind kind, String name, String assignmentId, LocalDate dueDate,
        Instant fulfilledAt, @JsonInclude(JsonInclude.Include.NON_NULL) String fulfilledBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String fulfilledMessageId) {

    public enum RequestKind {
        DOCUMENT, QUESTIONNAIRE
    }

    public static StepRequest document(String name, LocalDate dueDate) {
        return new StepRequest(RequestKind.DOCUMENT, name, null, dueDate, null, null, null);
    }

    public static StepRequest questionnaire(String assignmentId, LocalDate dueDate) {
        return new StepRequest(RequestKind.QUESTIONNAIRE, null, assignmentId, dueDate, null, null, null);
    }

    /** Whether both ask for the same thing (a changed due date is still the same request). */
    public boolean asksSameAs(StepRequest other) {
        return other != null && kind == other.kind && java.util.Objects.equals(name, other.name)
                && java.util.Objects.equals(assignmentId, other.assignmentId);
    }

    /** This request with the fulfilment of an earlier one that asked the same. */
    public StepRequest keepingFulfilmentOf(StepRequest earlier) {
        return asksSameAs(earlier)
                ? new StepRequest(kind, name, assignmentId, dueDate, earlier.fulfilledAt, earlier.fulfilledBy,
                        earlier.fulfilledMessageId)
                : this;
    }

    public StepRequest fulfilled(Instant at, String byName, String messageId) {
        return new StepRequest(kind, name, assignmentId, dueDate, at, byName, messageId);
    }

    StepRequest forClient() {
        return new StepRequest(kind, name, assignmentId, dueDate, fulfilledAt, null, null);
    }
}
