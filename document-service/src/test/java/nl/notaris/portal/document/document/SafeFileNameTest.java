package nl.notaris.portal.document.document;

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
}
