package nl.notaris.portal.document.document;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a document belongs. Three are tabs of a dossier: correspondence and documents the office
 * published (DOC-1, DOC-2) and what the client delivered (DOC-3). MESSAGE is a file the office
 * attached to a message: it is shown with the message, not in a tab.
 */
public enum Category {
    CORRESPONDENCE, DOCUMENT, DELIVERED, MESSAGE;

    public static Set<Category> tabs() {
        return EnumSet.of(CORRESPONDENCE, DOCUMENT, DELIVERED);
    }
}
