package nl.notaris.portal.document.file;

import java.util.Locale;
import java.util.Set;

/**
 * The file name the server gives a download (DOC-6): no folders, no control, quoting or invisible
 * formatting characters (a right-to-left override would make {@code …exe} display as {@code …png}),
 * never hidden, never empty, at most 120 characters, and ending in the extension of the type the
 * content was found to be.
 */
public final class SafeFileName {

    private static final int MAX_LENGTH = 120;

    private SafeFileName() {
    }

    /** The name as uploaded, made safe, without deciding its extension. */
    public static String of(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        // \p{Cf}: bidirectional overrides and isolates, zero-width characters, other invisible formatting
        name = name.replaceAll("[\\p{Cf}]", "").replaceAll("[\\p{Cntrl}\"*:<>?|;%]", "_").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            name = "document";
        }
        return truncate(name);
    }

    /** The safe name, ending in one of {@code extensions} (the first when it has none of them). */
    public static String of(String original, Set<String> extensions, String preferred) {
        String name = of(original);
        int dot = name.lastIndexOf('.');
        String current = dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        if (preferred == null || extensions.contains(current)) {
            return name;
        }
        return truncate(name.length() + 1 + preferred.length() > MAX_LENGTH
                ? name.substring(0, MAX_LENGTH - preferred.length() - 1) + "." + preferred
                : name + "." + preferred);
    }

    private static String truncate(String name) {
        if (name.length() <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
        return name.substring(0, MAX_LENGTH - extension.length()) + extension;
    }
}
