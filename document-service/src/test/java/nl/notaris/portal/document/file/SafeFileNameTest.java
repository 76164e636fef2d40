package nl.notaris.portal.document.file;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeFileNameTest {

    @Test
    void dropsFoldersControlCharactersAndQuotes() {
        assertThat(SafeFileName.of("../../etc/passwd")).isEqualTo("passwd");
        assertThat(SafeFileName.of("C:\\Users\\x\\brief.pdf")).isEqualTo("brief.pdf");
        assertThat(SafeFileName.of("brief\r\n\"aan\".pdf")).isEqualTo("brief___aan_.pdf");
        assertThat(SafeFileName.of("cliënt akte.pdf")).isEqualTo("cliënt akte.pdf");
    }

    @Test
    void neverEmptyNeverHiddenNeverTooLong() {
        assertThat(SafeFileName.of(null)).isEqualTo("document");
        assertThat(SafeFileName.of("...")).isEqualTo("document");
        assertThat(SafeFileName.of(".htaccess")).isEqualTo("htaccess");
        String longName = "a".repeat(300) + ".pdf";
        assertThat(SafeFileName.of(longName)).hasSize(120).endsWith(".pdf");
    }

    @Test
    void invisibleFormattingCannotDisguiseAnExtension() {
        // "factuur<RLO>gnp.exe" displays as "factuurexe.png"
        assertThat(SafeFileName.of("factuur\u202Egnp.exe")).isEqualTo("factuurgnp.exe");
        assertThat(SafeFileName.of("a\u2066b\u2069c\u200Bd.pdf")).isEqualTo("abcd.pdf");
    }

    @Test
    void theExtensionFollowsTheContentNotTheName() {
        assertThat(SafeFileName.of("scan.jpeg", java.util.Set.of("jpg", "jpeg"), "jpg")).isEqualTo("scan.jpeg");
        assertThat(SafeFileName.of("factuur\u202Egnp.exe", java.util.Set.of("pdf"), "pdf")).isEqualTo("factuurgnp.exe.pdf");
        assertThat(SafeFileName.of("paspoort", java.util.Set.of("png"), "png")).isEqualTo("paspoort.png");
        assertThat(SafeFileName.of("a".repeat(200), java.util.Set.of("pdf"), "pdf")).hasSize(120).endsWith(".pdf");
    }
}
