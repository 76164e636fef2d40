package nl.notaris.portal.document.document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import nl.notaris.portal.support.events.PendingEvent;

/** A document's metadata; its content lies in GridFS under {@code contentId}. */
@Document("documents")
@CompoundIndex(name = "dossier_tab", def = "{'dossierId': 1, 'category': 1, 'publishedAt': -1}")
public class PublishedDocument {

    @Id
    private String id;
    private String dossierId;
    private String title;
    private Category category;
    private String fileName;
    private String contentType;
    private long size;
    private String contentId;
    private Instant publishedAt;
    /** For a file attached to a message: the message (delivered by a client, or sent by the office). */
    private String messageId;
    /** For the PDF of a completed questionnaire: the questionnaire sent to the client. */
    private String assignmentId;
    /** For what the office published: the staff account that published it (not set on older documents). */
    private String publishedBy;
    /** For what a client or an adviser delivered: the account that delivered it (not set on older documents). */
    private String deliveredBy;
    private List<PendingEvent> pendingEvents = new ArrayList<>();

    protected PublishedDocument() {
    }

    public PublishedDocument(String id, String dossierId, String title, Category category, String fileName,
            String contentType, long size, String contentId, Instant publishedAt) {
        this.id = id;
        this.dossierId = dossierId;
        this.title = title;
        this.category = category;
        this.fileName = fileName;
        this.contentType = contentType;
        this.size = size;
        this.contentId = contentId;
        this.publishedAt = publishedAt;
    }

    /**
     * What the office published from a resumable upload of its own: the same id and GridFS file as
     * the upload (stored once), so one upload is published at most once.
     */
    public static PublishedDocument fromUpload(String uploadId, String dossierId, String title, Category category,
            String fileName, String contentType, long size, String publishedBy, Instant publishedAt) {
        PublishedDocument document = new PublishedDocument(uploadId, dossierId, title, category, fileName,
                contentType, size, uploadId, publishedAt);
        document.publishedBy = publishedBy;
        return document;
    }

    /** A file that came with a message: delivered by a client, or attached by the office. */
    public static PublishedDocument attachedTo(String messageId, String id, String dossierId, Category category,
            String fileName, String contentType, long size, Instant sentAt) {
        PublishedDocument document = new PublishedDocument(id, dossierId, fileName, category, fileName, contentType,
                size, id, sentAt);
        document.messageId = messageId;
        return document;
    }

    /** The PDF of a questionnaire the client completed: delivered by the client (DOC-3, ACT-4). */
    public static PublishedDocument completedQuestionnaire(String assignmentId, String id, String dossierId,
            String fileName, String contentType, long size, Instant completedAt) {
        String title = fileName.endsWith(".pdf") ? fileName.substring(0, fileName.length() - 4) : fileName;
        PublishedDocument document = new PublishedDocument(id, dossierId, title, Category.DELIVERED, fileName,
                contentType, size, id, completedAt);
        document.assignmentId = assignmentId;
        return document;
    }

    public PublishedDocument publishedBy(String accountId) {
        this.publishedBy = accountId;
        return this;
    }

    public PublishedDocument deliveredBy(String accountId) {
        this.deliveredBy = accountId;
        return this;
    }

    public void record(PendingEvent event) {
        pendingEvents.add(event);
    }

    public String getId() {
        return id;
    }

    public String getDossierId() {
        return dossierId;
    }

    public String getTitle() {
        return title;
    }

    public Category getCategory() {
        return category;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSize() {
        return size;
    }

    public String getContentId() {
        return contentId;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getAssignmentId() {
        return assignmentId;
    }

    public String getPublishedBy() {
        return publishedBy;
    }

    public String getDeliveredBy() {
        return deliveredBy;
    }
}
