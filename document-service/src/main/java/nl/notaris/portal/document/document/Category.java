package nl.notaris.portal.document.document;

/**
 * The tabs of a dossier that hold documents: correspondence and documents the office published
 * (DOC-1, DOC-2) and what the client delivered (DOC-3).
 */
public enum Category {
    CORRESPONDENCE, DOCUMENT, DELIVERED
}
