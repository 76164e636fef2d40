package nl.notaris.portal.document.file;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.tika.Tika;

/**
 * Decides a file's type from its content (Apache Tika's magic bytes), never from its name or the
 * uploader's claim. Office Open XML files are zip archives that Tika's core cannot tell apart, so
 * their entries are looked at: {@code word/} is DOCX, {@code xl/} is XLSX; any other archive is refused.
 * PDF, JPEG, PNG, HEIC/HEIF, TIFF, DOCX, XLSX and ODT are accepted; HTML, SVG, scripts, programs,
 * archives and everything else are not.
 */
public final class FileTypes {

    private static final Tika TIKA = new Tika();
    private static final int HEAD = 64 * 1024;
    private static final int MAX_ZIP_ENTRIES = 2_000;

    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static final Map<String, FileType> ACCEPTED = Map.of(
            "application/pdf", FileType.accepted("application/pdf", "pdf"),
            "image/jpeg", FileType.accepted("image/jpeg", "jpg", "jpeg"),
            "image/png", FileType.accepted("image/png", "png"),
            "image/heic", FileType.accepted("image/heic", "heic"),
            "image/heif", FileType.accepted("image/heif", "heif", "heic"),
            "image/tiff", FileType.accepted("image/tiff", "tif", "tiff"),
            DOCX, FileType.accepted(DOCX, "docx"),
            XLSX, FileType.accepted(XLSX, "xlsx"),
            "application/vnd.oasis.opendocument.text", FileType.accepted("application/vnd.oasis.opendocument.text", "odt"));

    /** Opens the content from its start; called once for the first bytes and once more for an archive. */
    @FunctionalInterface
    public interface Content {
        InputStream open() throws IOException;
    }

    private FileTypes() {
    }

    public static FileType detect(Content content) {
        try {
            String detected;
            try (InputStream in = new BufferedInputStream(content.open(), HEAD)) {
                detected = TIKA.detect(in);
            }
            if (detected.equals("application/x-tika-ooxml") || detected.equals("application/zip")) {
                detected = officeDocumentIn(content).orElse(detected);
            }
            FileType accepted = ACCEPTED.get(detected);
            return accepted != null ? accepted : FileType.refused(detected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.util.Optional<String> officeDocumentIn(Content content) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(content.open())) {
            ZipEntry entry;
            for (int i = 0; i < MAX_ZIP_ENTRIES && (entry = zip.getNextEntry()) != null; i++) {
                if (entry.getName().startsWith("word/")) {
                    return java.util.Optional.of(DOCX);
                }
                if (entry.getName().startsWith("xl/")) {
                    return java.util.Optional.of(XLSX);
                }
            }
        } catch (IOException | IllegalArgumentException notAReadableZip) {
            // not an archive we can read: stays what Tika said it was
        }
        return java.util.Optional.empty();
    }

    /** A sentence for a person: why a file was refused, naming it. */
    public static String refusal(String fileName, FileType type) {
        return "'" + fileName + "' cannot be delivered: it is " + describe(type.mediaType())
                + ". Send a PDF, a photo or scan (JPEG, PNG, HEIC, TIFF) or an office document (DOCX, XLSX, ODT).";
    }

    private static String describe(String mediaType) {
        if (mediaType.contains("html") || mediaType.contains("xhtml")) {
            return "a web page";
        }
        if (mediaType.contains("svg")) {
            return "an SVG image, which can contain scripts";
        }
        if (mediaType.contains("msdownload") || mediaType.contains("executable") || mediaType.contains("x-elf")
                || mediaType.contains("mach-o") || mediaType.contains("x-dosexec")) {
            return "a program";
        }
        if (mediaType.contains("script") || mediaType.contains("x-sh") || mediaType.contains("javascript")
                || mediaType.contains("x-bat") || mediaType.contains("x-python")) {
            return "a script";
        }
        if (mediaType.contains("zip") || mediaType.contains("rar") || mediaType.contains("7z")
                || mediaType.contains("x-tar") || mediaType.contains("gzip") || mediaType.contains("ooxml")) {
            return "an archive";
        }
        return "of a type the portal does not accept (" + mediaType + ")";
    }
}
