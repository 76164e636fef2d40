package nl.notaris.portal.dossier.progress;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.function.Predicate;

/**
 * One step of a dossier's progress list (DOS-4, NEW-2): its title, whether and when it was done, and
 * what the client is told about it: an explanation, a planned date and what the office needs from
 * them for it ({@link StepRequest}). {@code id} stays the same while the step exists, so a request and
 * its fulfilment can name the step.
 */
public record ProgressStep(String id, String title, boolean done, Instant doneAt, String explanation,
        LocalDate plannedDate, StepRequest request) {

    public ProgressStep(String title, boolean done, Instant doneAt) {
        this(null, title, done, doneAt, null, null, null);
    }

    /** A step stored before steps had ids gets one that follows from its title and place. */
    public ProgressStep withIdFor(int index) {
        return id != null ? this : new ProgressStep(legacyId(title, index), title, done, doneAt, explanation,
                plannedDate, request);
    }

    public ProgressStep withRequest(StepRequest newRequest) {
        return new ProgressStep(id, title, done, doneAt, explanation, plannedDate, newRequest);
    }

    /** What a client sees: the step without who at the office's side fulfilled what. */
    public ProgressStep forClient() {
        return request == null ? this : withRequest(request.forClient());
    }

    /** The step whose document request has this step id. */
    public static Predicate<ProgressStep> documentRequest(String stepId) {
        return step -> step.id().equals(stepId) && step.request() != null
                && step.request().kind() == StepRequest.RequestKind.DOCUMENT;
    }

    /** The step whose request is to complete this questionnaire assignment. */
    public static Predicate<ProgressStep> questionnaireRequest(String assignmentId) {
        return step -> step.request() != null && assignmentId.equals(step.request().assignmentId());
    }

    public boolean hasOpenRequest() {
        return request != null && request.fulfilledAt() == null;
    }

    private static String legacyId(String title, int index) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest((index + "\n" + title).getBytes(StandardCharsets.UTF_8));
            return "s-" + HexFormat.of().formatHex(hash, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
