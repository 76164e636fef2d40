package nl.notaris.portal.document.upload;

/** UPLOADING until every byte arrived; COMPLETE once the content was checked and may be sent. */
public enum UploadStatus {
    UPLOADING, COMPLETE
}
