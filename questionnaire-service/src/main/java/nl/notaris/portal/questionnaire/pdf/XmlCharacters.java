package nl.notaris.portal.questionnaire.pdf;

/**
 * The characters XML 1.0 can hold, which are the characters the PDF can be made of (it is rendered
 * from XHTML): tab, CR, LF, and every other code point from U+0020 except U+FFFE, U+FFFF and
 * surrogates without their pair. One such character anywhere would make the whole rendering fail.
 */
public final class XmlCharacters {

    private XmlCharacters() {
    }

    /** Whether {@code text} holds only characters XML can hold. */
    public static boolean allows(String text) {
        return text.codePoints().allMatch(XmlCharacters::allows);
    }

    /** {@code text} without the characters XML cannot hold. */
    public static String strip(String text) {
        if (allows(text)) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(XmlCharacters::allows).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** One code point; an unpaired surrogate comes as its own code point from {@link String#codePoints()}. */
    static boolean allows(int c) {
        return c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }
}
