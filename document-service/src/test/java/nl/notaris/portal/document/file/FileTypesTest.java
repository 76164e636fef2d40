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

    @Test
    void aRefusalNamesTheFileAndSaysWhatItIs() {
        FileType html = detect("<!DOCTYPE html><html></html>".getBytes());
        assertThat(FileTypes.refusal("foto.jpg", html)).startsWith("'foto.jpg' cannot be delivered: it is a web page.");
        byte[] exe = new byte[128];
        exe[0] = 'M';
        exe[1] = 'Z';
        assertThat(FileTypes.refusal("scan.pdf", detect(exe))).contains("a program");
    }

    @Test
    void aRefusedTypeIsServedAsPlainBytesAndAnAcceptedOneGetsItsExtension() {
        FileType pdf = detect("%PDF-1.4".getBytes());
        assertThat(pdf.servedAs()).isEqualTo("application/pdf");
        assertThat(pdf.downloadName("brief")).isEqualTo("brief.pdf");
        assertThat(detect("<html></html>".getBytes()).servedAs()).isEqualTo(FileType.OCTET_STREAM);
    }
}
