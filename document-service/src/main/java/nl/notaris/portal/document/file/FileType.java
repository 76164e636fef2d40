package nl.notaris.portal.document.file;

import java.util.Set;

/**
 * What a file was found to be from its content. {@code accepted} types are the ones clients may
 * deliver (DOC-6); their extensions are the ones a download name may end in. A refused file says
 * what it is ({@code refused}: a program, a web page, an archive that carries a program or a
 * script, …); null for an accepted one.
 */
public record FileType(String mediaType, boolean accepted, String extension, Set<String> extensions,
        RefusedKind refused) {

    public static final String OCTET_STREAM = "application/octet-stream";

    static FileType accepted(String mediaType, String... extensions) {
        return new FileType(mediaType, true, extensions[0], Set.of(extensions), null);
    }

    static FileType refused(String mediaType) {
        return refused(mediaType, RefusedKind.of(mediaType));
    }

    static FileType refused(String mediaType, RefusedKind kind) {
        return new FileType(mediaType, false, null, Set.of(), kind);
    }

    /** The type a download is served with: an accepted type as itself, anything else as plain bytes. */
    public String servedAs() {
        return accepted ? mediaType : OCTET_STREAM;
    }

    public String downloadName(String uploadedName) {
        return SafeFileName.of(uploadedName, extensions, extension);
    }
}
