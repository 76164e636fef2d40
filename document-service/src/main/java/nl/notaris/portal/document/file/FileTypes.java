package nl.notaris.portal.document.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.tika.Tika;

/**
 * Decides a file's type from its content (Apache Tika's magic bytes), never from its name or the
 * uploader's claim. Office files are zip archives, so their entries are read ({@link ZipScan}): an
 * Office Open XML file is one with {@code [Content_Types].xml} and its main part
 * ({@code word/document.xml} is DOCX, {@code xl/workbook.xml} XLSX, {@code ppt/presentation.xml}
 * PPTX), an OpenDocument text one with {@code content.xml}; neither may carry a program or a script.
 * PDF, JPEG, PNG, HEIC/HEIF, TIFF, DOCX, XLSX and ODT are accepted; HTML, SVG, scripts, programs,
 * other archives and everything else are not.
 */
public final class FileTypes {

    /** The problem code of a refused file; its parameters are {@link #refusalParams}. */
    public static final String REFUSED_TYPE = "upload.refused-type";

    private static final Tika TIKA = new Tika();
    /** How many of a file's first bytes tell its type (an archive's entries aside). */
    public static final int HEAD = 64 * 1024;

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    static final String ODT = "application/vnd.oasis.opendocument.text";

    private static final Map<String, FileType> ACCEPTED = Map.of(
            "application/pdf", FileType.accepted("application/pdf", "pdf"),
            "image/jpeg", FileType.accepted("image/jpeg", "jpg", "jpeg"),
            "image/png", FileType.accepted("image/png", "png"),
            "image/heic", FileType.accepted("image/heic", "heic"),
            "image/heif", FileType.accepted("image/heif", "heif", "heic"),
            "image/tiff", FileType.accepted("image/tiff", "tif", "tiff"),
            DOCX, FileType.accepted(DOCX, "docx"),
            XLSX, FileType.accepted(XLSX, "xlsx"),
            ODT, FileType.accepted(ODT, "odt"));

    /** The main part of each kind of Office Open XML file. */
    private static final Map<String, String> OOXML_MAIN_PARTS = Map.of(
            "word/document.xml", DOCX, "xl/workbook.xml", XLSX, "ppt/presentation.xml", PPTX);

    /** Opens the content from its start; called once for the first bytes and once more for an archive. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    private FileTypes() {
    }

    public static FileType detect(Content content) {
        return detect(content, content);
    }

    /**
     * The type from {@code head}, which needs to give no more than the first {@link #HEAD} bytes; the
     * whole content is opened only for an archive, whose entries are listed at its end.
     */
    public static FileType detect(Content head, Content whole) {
        try {
            String detected;
            try (InputStream in = new BufferedInputStream(head.open(), HEAD)) {
                detected = TIKA.detect(in);
            }
            if (detected.equals("application/x-tika-ooxml") || detected.equals("application/zip")
                    || detected.equals(ODT)) {
                return officeDocument(detected, whole);
            }
            FileType accepted = ACCEPTED.get(detected);
            return accepted != null ? accepted : FileType.refused(detected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FileType officeDocument(String detected, Content content) throws IOException {
        ZipScan.Result zip;
        try (InputStream in = content.open()) {
            zip = ZipScan.of(in);
        }
        RefusedKind unsound = switch (zip.outcome()) {
            case CARRIES_PROGRAM -> RefusedKind.ARCHIVE_WITH_PROGRAM;
            case TOO_LARGE -> RefusedKind.ARCHIVE_TOO_LARGE;
            case UNREADABLE -> RefusedKind.DAMAGED_ARCHIVE;
            case SOUND -> null;
        };
        if (unsound != null) {
            return FileType.refused(detected, unsound);
        }
        String kind = detected.equals(ODT) ? (zip.has("content.xml") ? ODT : null) : ooxmlKind(zip);
        if (kind == null) {
            return FileType.refused(detected);
        }
        FileType accepted = ACCEPTED.get(kind);
        return accepted != null ? accepted : FileType.refused(kind);
    }

    /** The kind of a real Office Open XML file: its content types and exactly one main part. */
    private static String ooxmlKind(ZipScan.Result zip) {
        if (!zip.has("[Content_Types].xml")) {
            return null;
        }
        List<String> kinds = OOXML_MAIN_PARTS.entrySet().stream().filter(part -> zip.has(part.getKey()))
                .map(Map.Entry::getValue).toList();
        return kinds.size() == 1 ? kinds.get(0) : null;
    }

    /**
     * An English sentence (the problem's {@code detail}, for API callers and logs): why a file was
     * refused, naming it. The web app says it in the user's language from {@link #refusalParams}.
     */
    public static String refusal(String fileName, FileType type) {
        return "'" + fileName + "' cannot be delivered: it is " + type.refused().describe(type.mediaType())
                + ". Send a PDF, a photo or scan (JPEG, PNG, HEIC, TIFF) or an office document (DOCX, XLSX, ODT).";
    }

    /**
     * The parameters of {@link #REFUSED_TYPE}: {@code file} (its name), {@code kind} (program, script,
     * web-page, svg, archive, archive-with-program, archive-too-large, damaged-archive, other) and
     * {@code type} (the media type found in its content).
     */
    public static Map<String, String> refusalParams(String fileName, FileType type) {
        return Map.of("file", fileName, "kind", type.refused().code(), "type", type.mediaType());
    }
}
