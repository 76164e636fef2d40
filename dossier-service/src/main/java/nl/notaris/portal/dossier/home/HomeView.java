package nl.notaris.portal.dossier.home;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/** {@code GET /api/home}: "Nieuw voor u" and "Wat wij van u nodig hebben" (NEW-1), each at most a page. */
record HomeView(Section<NewItem> newForYou, Section<NeededItem> neededFromYou) {

    /** The first items of a list and how many there are in all. */
    record Section<T>(List<T> items, long total) {

        static <T> Section<T> firstOf(List<T> all, int max) {
            return new Section<>(List.copyOf(all.subList(0, Math.min(max, all.size()))), all.size());
        }
    }

    /**
     * Something new for the client: {@code DOCUMENT} (with its document and category), {@code MESSAGE}
     * (from the office), {@code STEP_DONE} (a progress step done) or {@code QUESTIONNAIRE} (sent to them).
     */
    record NewItem(String id, String kind, String dossierId, String dossierNumber, Instant at,
            @JsonInclude(Include.NON_NULL) String documentId, @JsonInclude(Include.NON_NULL) String category,
            @JsonInclude(Include.NON_NULL) String messageId, @JsonInclude(Include.NON_NULL) String stepTitle,
            @JsonInclude(Include.NON_NULL) String assignmentId) {
    }

    /** What the office needs: a {@code DOCUMENT_REQUEST} of a progress step, or a {@code QUESTIONNAIRE} to fill in. */
    record NeededItem(String id, String kind, String dossierId, String dossierNumber, LocalDate dueDate,
            @JsonInclude(Include.NON_NULL) String name, @JsonInclude(Include.NON_NULL) String stepId,
            @JsonInclude(Include.NON_NULL) String stepTitle, @JsonInclude(Include.NON_NULL) String assignmentId) {
    }
}
