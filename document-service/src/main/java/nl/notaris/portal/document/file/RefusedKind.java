package nl.notaris.portal.document.file;

/**
 * What a refused file is, as far as a person needs to know: a stable {@code code} the web app says in
 * the user's language (the {@code kind} of the problem {@code upload.refused-type}) and the English
 * words of the problem's {@code detail}.
 */
public enum RefusedKind {

    PROGRAM("program", "a program"),
    SCRIPT("script", "a script"),
    WEB_PAGE("web-page", "a web page"),
    SVG("svg", "an SVG image, which can contain scripts"),
    ARCHIVE("archive", "an archive"),
    ARCHIVE_WITH_PROGRAM("archive-with-program", "an archive that carries a program or a script"),
    ARCHIVE_TOO_LARGE("archive-too-large", "an archive too large to check when unpacked"),
    DAMAGED_ARCHIVE("damaged-archive", "a damaged archive"),
    /** Anything else: the words name the media type. */
    OTHER("other", null);

    private final String code;
    private final String words;

    RefusedKind(String code, String words) {
        this.code = code;
        this.words = words;
    }

    public String code() {
        return code;
    }

    /** "a program"; for {@link #OTHER} the words name the media type. */
    public String describe(String mediaType) {
        return words != null ? words : "of a type the portal does not accept (" + mediaType + ")";
    }

    /** What a media type that was not accepted is. */
    static RefusedKind of(String mediaType) {
        if (mediaType.contains("html") || mediaType.contains("xhtml")) {
            return WEB_PAGE;
        }
        if (mediaType.contains("svg")) {
            return SVG;
        }
        if (mediaType.contains("msdownload") || mediaType.contains("executable") || mediaType.contains("x-elf")
                || mediaType.contains("mach-o") || mediaType.contains("x-dosexec")) {
            return PROGRAM;
        }
        if (mediaType.contains("script") || mediaType.contains("x-sh") || mediaType.contains("javascript")
                || mediaType.contains("x-bat") || mediaType.contains("x-python")) {
            return SCRIPT;
        }
        if (mediaType.contains("zip") || mediaType.contains("rar") || mediaType.contains("7z")
                || mediaType.contains("x-tar") || mediaType.contains("gzip") || mediaType.contains("ooxml")) {
            return ARCHIVE;
        }
        return OTHER;
    }
}
