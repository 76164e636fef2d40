package nl.notaris.portal.document.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

/** Types are decided from the content: what a file is, not what it is called. */
class FileTypesTest {

    static FileType detect(byte[] bytes) {
        return FileTypes.detect(() -> new ByteArrayInputStream(bytes));
    }

    static byte[] zip(String... entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String entry : entries) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] odt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry entry = new ZipEntry("mimetype");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(mimetype.length);
            var crc = new java.util.zip.CRC32();
            crc.update(mimetype);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<x/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void documentsPhotosAndScansAreAccepted() throws IOException {
        assertThat(detect("%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1)).mediaType()).isEqualTo("application/pdf");
        assertThat(detect(new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0x10, 'J', 'F', 'I', 'F', 0 }).mediaType())
                .isEqualTo("image/jpeg");
        assertThat(detect(new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' }).mediaType())
                .isEqualTo("image/png");
        assertThat(detect(new byte[] { 'I', 'I', '*', 0, 8, 0, 0, 0 }).mediaType()).isEqualTo("image/tiff");
        byte[] heic = new byte[40];
        System.arraycopy(new byte[] { 0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c' }, 0, heic, 0, 12);
        assertThat(detect(heic).mediaType()).isEqualTo("image/heic");
        assertThat(detect(zip("[Content_Types].xml", "word/document.xml")).mediaType()).isEqualTo(FileTypes.DOCX);
        assertThat(detect(zip("[Content_Types].xml", "xl/workbook.xml")).mediaType()).isEqualTo(FileTypes.XLSX);
        assertThat(detect(odt()).mediaType()).isEqualTo("application/vnd.oasis.opendocument.text");
        assertThat(detect(zip("[Content_Types].xml", "word/document.xml")).accepted()).isTrue();
    }

    @Test
    void theFirstBytesTellTheTypeAndOnlyAnArchiveIsReadWhole() throws IOException {
        FileTypes.Content neverOpened = () -> {
            throw new AssertionError("the whole content was opened for a file that is no archive");
        };
        byte[] scan = new byte[200_000];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, scan, 0, 9);
        byte[] head = java.util.Arrays.copyOf(scan, FileTypes.HEAD);
        assertThat(FileTypes.detect(() -> new ByteArrayInputStream(head), neverOpened).mediaType()).isEqualTo("application/pdf");

        byte[] docx = zip("[Content_Types].xml", "word/document.xml");
        int[] wholeOpened = { 0 };
        FileType type = FileTypes.detect(() -> new ByteArrayInputStream(docx, 0, Math.min(docx.length, 30)), () -> {
            wholeOpened[0]++;
            return new ByteArrayInputStream(docx);
        });
        assertThat(type.mediaType()).isEqualTo(FileTypes.DOCX);
        assertThat(wholeOpened[0]).as("an archive's entries are read from the whole file").isEqualTo(1);
    }

    @Test
    void webPagesScriptsProgramsAndArchivesAreRefusedWhateverTheirName() throws IOException {
        assertThat(detect("<!DOCTYPE html><html><body><script>x()</script>".getBytes()).accepted()).isFalse();
        assertThat(detect("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>".getBytes()).accepted()).isFalse();
        assertThat(detect("#!/bin/sh\nrm -rf /\n".getBytes()).accepted()).isFalse();
        byte[] exe = new byte[128];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertThat(detect(exe).accepted()).isFalse();
        assertThat(detect(zip("readme.txt", "payload.exe")).accepted()).isFalse();
        assertThat(detect("plain words".getBytes()).accepted()).isFalse();
        assertThat(detect(new byte[0]).accepted()).isFalse();
    }

    /** A zip of entries with these names and contents, in this order. */
    static byte[] zipOf(Object... namesAndContents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) namesAndContents[i]));
                zip.write((byte[]) namesAndContents[i + 1]);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] xml() {
        return "<?xml version=\"1.0\"?><x/>".getBytes(StandardCharsets.UTF_8);
    }

    static byte[] docxWith(Object... more) throws IOException {
        Object[] entries = new Object[4 + more.length];
        System.arraycopy(new Object[] { "[Content_Types].xml", xml(), "word/document.xml", xml() }, 0, entries, 0, 4);
        System.arraycopy(more, 0, entries, 4, more.length);
        return zipOf(entries);
    }

    @Test
    void aRealWordOrExcelFileIsAccepted() throws IOException {
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
        FileType docx = detect(docxWith("word/styles.xml", xml(), "word/_rels/document.xml.rels", xml(),
                "word/media/image1.png", png, "docProps/core.xml", xml()));
        assertThat(docx.accepted()).isTrue();
        assertThat(docx.mediaType()).isEqualTo(FileTypes.DOCX);
        FileType xlsx = detect(zipOf("[Content_Types].xml", xml(), "xl/workbook.xml", xml(), "xl/worksheets/sheet1.xml", xml()));
        assertThat(xlsx.accepted()).isTrue();
        assertThat(xlsx.mediaType()).isEqualTo(FileTypes.XLSX);
    }

    @Test
    void aZipWithAWordFolderAProgramAndAWebPageIsNotAWordDocument() throws IOException {
        byte[] evil = zipOf("word/", new byte[0], "evil.exe", "MZ this program".getBytes(StandardCharsets.US_ASCII),
                "index.html", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII));
        FileType type = detect(evil);
        assertThat(type.accepted()).isFalse();
        assertThat(FileTypes.refusal("contract.docx", type)).startsWith("'contract.docx' cannot be delivered: it is ");
    }

    @Test
    void anOfficeFileWithoutItsContentTypesOrMainPartIsRefused() throws IOException {
        assertThat(detect(zipOf("word/document.xml", xml())).accepted()).as("no [Content_Types].xml").isFalse();
        assertThat(detect(zipOf("[Content_Types].xml", xml(), "word/styles.xml", xml())).accepted())
                .as("no word/document.xml").isFalse();
        assertThat(detect(zipOf("[Content_Types].xml", xml(), "xl/styles.xml", xml())).accepted())
                .as("no xl/workbook.xml").isFalse();
        assertThat(detect(zipOf("xl/workbook.xml", xml())).accepted()).as("no [Content_Types].xml").isFalse();
        assertThat(detect(zipOf("[Content_Types].xml", xml(), "ppt/slides/slide1.xml", xml())).accepted())
                .as("no ppt/presentation.xml").isFalse();
    }

    @Test
    void anOfficeFileCarryingAProgramOrScriptIsRefusedByNameOrContent() throws IOException {
        for (String name : new String[] { "word/run.exe", "x.dll", "a.bat", "a.cmd", "a.com", "a.js", "a.vbs",
                "a.ps1", "a.sh", "a.scr", "a.msi", "a.jar", "a.html", "a.htm", "a.hta", "word/media/EVIL.EXE",
                "word/evil.exe.", "word/evil.js " }) {
            FileType type = detect(docxWith(name, "harmless words".getBytes(StandardCharsets.US_ASCII)));
            assertThat(type.accepted()).as(name).isFalse();
            assertThat(FileTypes.refusal("brief.docx", type)).as(name).contains("a program or a script");
        }
        byte[] windowsProgram = "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1);
        byte[] linuxProgram = { 0x7f, 'E', 'L', 'F', 2, 1, 1 };
        assertThat(detect(docxWith("word/media/image1.png", windowsProgram)).accepted()).isFalse();
        assertThat(detect(docxWith("word/embeddings/object.bin", linuxProgram)).accepted()).isFalse();
        assertThat(detect(zipOf("[Content_Types].xml", xml(), "xl/workbook.xml", xml(), "xl/media/a.jpeg",
                windowsProgram)).accepted()).isFalse();
    }

    @Test
    void anOpenDocumentCarryingAProgramIsRefusedToo() throws IOException {
        assertThat(detect(odt()).accepted()).isTrue();
        byte[] evil = odtWith("Pictures/run.exe", "MZ".getBytes(StandardCharsets.US_ASCII));
        assertThat(detect(evil).accepted()).isFalse();
    }

    @Test
    void aZipBombOrAZipOfCountlessEntriesIsRefusedWithoutUnpackingIt() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : new String[] { "[Content_Types].xml", "word/document.xml" }) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(xml());
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("word/media/image1.png"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 64; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        }
        byte[] bomb = out.toByteArray();
        assertThat(bomb.length).as("64 MB of zeros pack into very little").isLessThan(200_000);
        long started = System.nanoTime();
        FileType type = detect(bomb);
        assertThat(type.accepted()).isFalse();
        assertThat(FileTypes.refusal("brief.docx", type)).contains("too large to check");
        assertThat(FileTypes.refusalParams("brief.docx", type)).containsEntry("kind", "archive-too-large");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(2));

        Object[] many = new Object[2 * 2_100];
        many[0] = "[Content_Types].xml";
        many[1] = xml();
        many[2] = "word/document.xml";
        many[3] = xml();
        for (int i = 2; i < 2_100; i++) {
            many[2 * i] = "word/part" + i + ".xml";
            many[2 * i + 1] = xml();
        }
        assertThat(FileTypes.refusal("brief.docx", detect(zipOf(many)))).contains("too large to check");
    }

    @Test
    void anEntryOnlyTheCentralDirectoryListsIsNotSmuggledPastTheCheck() throws IOException {
        byte[] docx = docxWith("word/run.exe", "MZ".getBytes(StandardCharsets.US_ASCII));
        int name = new String(docx, StandardCharsets.ISO_8859_1).indexOf("word/run.exe");
        int localHeader = name - 30;
        assertThat(new String(docx, localHeader, 4, StandardCharsets.ISO_8859_1)).isEqualTo("PK\u0003\u0004");
        // a streaming reader stops at the broken local header; Word and Explorer go by the central directory
        docx[localHeader] = 'X';
        docx[localHeader + 1] = 'X';
        FileType type = detect(docx);
        assertThat(type.accepted()).isFalse();
        assertThat(FileTypes.refusal("brief.docx", type)).contains("a damaged archive");
    }

    static byte[] odtWith(String name, byte[] content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            byte[] mimetype = "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
            ZipEntry entry = new ZipEntry("mimetype");
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(mimetype.length);
            var crc = new java.util.zip.CRC32();
            crc.update(mimetype);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(mimetype);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write(xml());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    @Test
    void aRefusalNamesTheFileAndSaysWhatItIs() {
        FileType html = detect("<!DOCTYPE html><html></html>".getBytes());
        assertThat(FileTypes.refusal("foto.jpg", html)).startsWith("'foto.jpg' cannot be delivered: it is a web page.");
        byte[] exe = new byte[128];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertThat(FileTypes.refusal("scan.pdf", detect(exe))).contains("a program");
    }

    /** The web app says a refusal in the user's language from its code and parameters, never from the English detail. */
    @Test
    void eachRefusalCarriesItsKindTheFileNameAndTheMediaType() throws IOException {
        byte[] windows = new byte[128];
        windows[0] = 'M';
        windows[1] = 'Z';
        byte[] linux = new byte[128];
        System.arraycopy(new byte[] { 0x7f, 'E', 'L', 'F', 2, 1, 1 }, 0, linux, 0, 7);
        byte[] damaged = docxWith("word/run.exe", "MZ".getBytes(StandardCharsets.US_ASCII));
        int entry = new String(damaged, StandardCharsets.ISO_8859_1).indexOf("word/run.exe") - 30;
        damaged[entry] = 'X';
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("program", windows);
        files.put("program ", linux);
        files.put("script", "#!/bin/sh\nrm -rf /\n".getBytes());
        files.put("web-page", "<!DOCTYPE html><html><body><script>x()</script>".getBytes());
        files.put("svg", "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>".getBytes());
        files.put("archive", zip("readme.txt", "notes.txt"));
        files.put("archive-with-program", zip("readme.txt", "payload.exe"));
        files.put("damaged-archive", damaged);
        files.put("other", "plain words".getBytes());
        files.forEach((kind, bytes) -> {
            FileType type = detect(bytes);
            assertThat(type.accepted()).as(kind).isFalse();
            assertThat(FileTypes.refusalParams("evil-renamed.pdf", type)).as(kind)
                    .containsEntry("file", "evil-renamed.pdf").containsEntry("kind", kind.strip())
                    .containsEntry("type", type.mediaType());
            assertThat(FileTypes.refusal("evil-renamed.pdf", type)).as(kind)
                    .startsWith("'evil-renamed.pdf' cannot be delivered: it is ");
        });
        assertThat(FileTypes.REFUSED_TYPE).isEqualTo("upload.refused-type");
        assertThat(FileTypes.refusalParams("notes.txt", detect("plain words".getBytes()))).containsEntry("type", "text/plain");
        assertThat(FileTypes.refusal("notes.txt", detect("plain words".getBytes())))
                .contains("of a type the portal does not accept (text/plain)");
    }

    @Test
    void aRefusedTypeIsServedAsPlainBytesAndAnAcceptedOneGetsItsExtension() {
        FileType pdf = detect("%PDF-1.4".getBytes());
        assertThat(pdf.servedAs()).isEqualTo("application/pdf");
        assertThat(pdf.downloadName("brief")).isEqualTo("brief.pdf");
        assertThat(detect("<html></html>".getBytes()).servedAs()).isEqualTo(FileType.OCTET_STREAM);
    }
}
