package nl.notaris.portal.questionnaire.assignment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.types.ObjectId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.CompoundIndexes;
import org.springframework.data.mongodb.core.mapping.Document;

import nl.notaris.portal.support.events.PendingEvent;

/**
 * A questionnaire the office sent to one client for one dossier: the version it was sent in, the
 * answers saved page by page, where the client stopped, and the PDF once completed. It records its
 * own events, so the change and the event are one write. The indexes serve the client's open
 * questionnaires (Acties, Home) and the office's list per dossier.
 */
@Document("assignments")
@CompoundIndexes({
        @CompoundIndex(name = "account_status", def = "{'accountId': 1, 'status': 1, 'dueDate': 1}"),
        @CompoundIndex(name = "dossier_assigned", def = "{'dossierId': 1, 'assignedAt': -1}") })
public class Assignment {

    @Id
    private String id;
    private String dossierId;
    private String accountId;
    private String recipientEmail;
    private String questionnaireKey;
    private int version;
    private String title;
    private AssignmentStatus status;
    private LocalDate dueDate;
    private Instant assignedAt;
    private Instant completedAt;
    private String currentPageId;
    private Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
    private String pdfDocumentId;
    private List<PendingEvent> pendingEvents = new ArrayList<>();
    @Version
    private Long revision;

    protected Assignment() {
    }

    static Assignment send(String dossierId, String accountId, String recipientEmail, String key, int version,
            String title, LocalDate dueDate, Instant now) {
        Assignment assignment = new Assignment();
        assignment.id = new ObjectId().toHexString();
        assignment.dossierId = dossierId;
        assignment.accountId = accountId;
        assignment.recipientEmail = recipientEmail;
        assignment.questionnaireKey = key;
        assignment.version = version;
        assignment.title = title;
        assignment.status = AssignmentStatus.OPEN;
        assignment.dueDate = dueDate;
        assignment.assignedAt = now;
        return assignment;
    }

    void savePage(String pageId, Map<String, Object> pageAnswers, String nextPageId) {
        answers.put(pageId, pageAnswers);
        currentPageId = nextPageId;
    }

    /** @param checkedAnswers every page's answers as checked at completion (hidden answers left out) */
    void complete(Map<String, Map<String, Object>> checkedAnswers, Instant now, String pdfDocumentId) {
        answers = new LinkedHashMap<>(checkedAnswers);
        status = AssignmentStatus.COMPLETED;
        completedAt = now;
        currentPageId = null;
        this.pdfDocumentId = pdfDocumentId;
    }

    void record(PendingEvent event) {
        pendingEvents.add(event);
    }

    public boolean isOpen() {
        return status == AssignmentStatus.OPEN;
    }

    public String getId() {
        return id;
    }

    public String getDossierId() {
        return dossierId;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getRecipientEmail() {
        return recipientEmail;
    }

    public String getQuestionnaireKey() {
        return questionnaireKey;
    }

    public int getVersion() {
        return version;
    }

    public String getTitle() {
        return title;
    }

    public AssignmentStatus getStatus() {
        return status;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public Instant getAssignedAt() {
        return assignedAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public String getCurrentPageId() {
        return currentPageId;
    }

    public Map<String, Map<String, Object>> getAnswers() {
        return answers;
    }

    public String getPdfDocumentId() {
        return pdfDocumentId;
    }
}
