package nl.notaris.portal.questionnaire.pdf;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * The file name of a completed questionnaire's PDF, "Vragenlijst {title}.pdf", safe on Windows,
 * macOS and Linux whatever the office put in the title: path separators become dashes; the
 * characters a file system refuses ({@code : * ? " < > |}), control characters and other spaces
 * become spaces; invisible formatting (such as a right-to-left override) is left out; runs are
 * collapsed; no dot or space before the extension. {@code ;} and {@code %} become spaces too, because
 * document-service would replace them on arrival. At most 120 characters (document-service's bound)
 * and 255 bytes in UTF-8; without a usable title it is "Vragenlijst.pdf".
 */
public final class PdfFileName {

    private static final String PREFIX = "Vragenlijst";
    private static final String EXTENSION = ".pdf";
    private static final int MAX_TITLE_CHARS = 120 - PREFIX.length() - 1 - EXTENSION.length();
    private static final int MAX_TITLE_BYTES = 255 - PREFIX.length() - 1 - EXTENSION.length();
    private static final String REFUSED = ":*?\"<>|;%";

    private PdfFileName() {
    }

    public static String of(String title) {
        String safe = bounded(tidy(replaced(title == null ? "" : title)));
        return safe.isEmpty() ? PREFIX + EXTENSION : PREFIX + " " + safe + EXTENSION;
    }

    private static String replaced(String title) {
        StringBuilder name = new StringBuilder();
        Normalizer.normalize(title, Normalizer.Form.NFC).codePoints().forEach(c -> {
            int type = Character.getType(c);
            if (c == '/' || c == '\\') {
                name.append('-');
            } else if (REFUSED.indexOf(c) >= 0 || type == Character.CONTROL || Character.isWhitespace(c)
                    || Character.isSpaceChar(c)) {
                name.append(' ');
            } else if (type != Character.FORMAT && XmlCharacters.allows(c)) {
                name.appendCodePoint(c);
            }
        });
        return name.toString();
    }

    private static String tidy(String name) {
        return name.replaceAll(" {2,}", " ")
                // what is left of "../" becomes one dash, so no ".." remains
                .replaceAll("[.-]*-[.-]*", "-")
                .replaceAll("\\.{2,}", ".")
                // no leading dot (a hidden file), no trailing dot or space (Windows drops them)
                .replaceAll("^[ .-]+|[ .-]+$", "");
    }

    private static String bounded(String name) {
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int c : name.codePoints().toArray()) {
            String character = Character.toString(c);
            bytes += character.getBytes(StandardCharsets.UTF_8).length;
            if (kept.length() + character.length() > MAX_TITLE_CHARS || bytes > MAX_TITLE_BYTES) {
                return tidy(kept.toString());
            }
            kept.append(character);
        }
        return kept.toString();
    }
}
