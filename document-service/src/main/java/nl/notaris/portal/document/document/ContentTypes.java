package nl.notaris.portal.document.document;

import java.util.Arrays;

/**
 * Decides the content type from the first bytes of a file, not from its name or the uploader's
 * claim; what is not recognised is served as {@code application/octet-stream}.
 */
final class ContentTypes {

    static final String OCTET_STREAM = "application/octet-stream";

    private ContentTypes() {
    }

    static String sniff(byte[] head) {
        if (startsWith(head, "%PDF-".getBytes())) {
            return "application/pdf";
        }
        if (startsWith(head, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' })) {
            return "image/png";
        }
        if (startsWith(head, new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff })) {
            return "image/jpeg";
        }
        return OCTET_STREAM;
    }

    private static boolean startsWith(byte[] head, byte[] magic) {
        return head.length >= magic.length && Arrays.equals(head, 0, magic.length, magic, 0, magic.length);
    }
}
