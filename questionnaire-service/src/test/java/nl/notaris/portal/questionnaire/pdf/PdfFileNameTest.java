package nl.notaris.portal.questionnaire.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** The name the PDF of a completed questionnaire gets, whatever its title holds. */
class PdfFileNameTest {

    @Test
    void aTitleBecomesTheNameAfterVragenlijst() {
        assertThat(PdfFileName.of("Aankoop woning")).isEqualTo("Vragenlijst Aankoop woning.pdf");
        assertThat(PdfFileName.of("Testament v2.1 - concept")).isEqualTo("Vragenlijst Testament v2.1 - concept.pdf");
    }

    @Test
    void pathSeparatorsBecomeDashesSoTheNameStaysWhole() {
        assertThat(PdfFileName.of("a/b questionnaire")).isEqualTo("Vragenlijst a-b questionnaire.pdf");
        assertThat(PdfFileName.of("a\\b questionnaire")).isEqualTo("Vragenlijst a-b questionnaire.pdf");
        assertThat(PdfFileName.of("../../etc/passwd")).isEqualTo("Vragenlijst etc-passwd.pdf");
        assertThat(PdfFileName.of("..\\..\\windows\\system32")).isEqualTo("Vragenlijst windows-system32.pdf");
    }

    @Test
    void charactersNoFileSystemAllowsBecomeSpaces() {
        assertThat(PdfFileName.of("Koop: \"woning\" <2026>")).isEqualTo("Vragenlijst Koop woning 2026.pdf");
        assertThat(PdfFileName.of("a*b?c|d")).isEqualTo("Vragenlijst a b c d.pdf");
        assertThat(PdfFileName.of("regel\u0000één\r\nregel\ttwee\u0085\u007f")).isEqualTo("Vragenlijst regel één regel twee.pdf");
        // what document-service would change on arrival (; and %) and invisible formatting (a right-to-left override)
        assertThat(PdfFileName.of("50% korting; snel\u202egnp.exe\u200b")).isEqualTo("Vragenlijst 50 korting snelgnp.exe.pdf");
        assertThat(PdfFileName.of("kapot\ud800 \uffff")).isEqualTo("Vragenlijst kapot.pdf");
    }

    @Test
    void accentedLettersStayAndAreComposed() {
        assertThat(PdfFileName.of("Één vraag")).isEqualTo("Vragenlijst Één vraag.pdf");
        assertThat(PdfFileName.of("E\u0301e\u0301n vraag")).isEqualTo("Vragenlijst Één vraag.pdf");
        assertThat(PdfFileName.of("Coöperatie van 't Hoff & Zoë")).isEqualTo("Vragenlijst Coöperatie van 't Hoff & Zoë.pdf");
    }

    @Test
    void aLongTitleIsCutToABoundedName() {
        String title = "Levering van een appartementsrecht ".repeat(8) + "x".repeat(20);
        assertThat(title).hasSize(300);
        String name = PdfFileName.of(title);
        assertThat(name).startsWith("Vragenlijst Levering van een appartementsrecht").endsWith(".pdf")
                .doesNotEndWith(" .pdf");
        assertThat(name.length()).isLessThanOrEqualTo(120);

        String emoji = PdfFileName.of("🏠".repeat(300));
        assertThat(emoji).endsWith("🏠.pdf");
        assertThat(emoji.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255);
        assertThat(emoji.length()).isLessThanOrEqualTo(120);
    }

    @Test
    void aTitleOfNothingUsableStillGivesAName() {
        assertThat(PdfFileName.of("////")).isEqualTo("Vragenlijst.pdf");
        assertThat(PdfFileName.of("/ \\ : * ? \" < > |")).isEqualTo("Vragenlijst.pdf");
        assertThat(PdfFileName.of("...")).isEqualTo("Vragenlijst.pdf");
        assertThat(PdfFileName.of("   ")).isEqualTo("Vragenlijst.pdf");
        assertThat(PdfFileName.of(null)).isEqualTo("Vragenlijst.pdf");
    }

    @Test
    void theNameNeverEndsInADotOrSpaceBeforeTheExtension() {
        assertThat(PdfFileName.of("Akte... ")).isEqualTo("Vragenlijst Akte.pdf");
        assertThat(PdfFileName.of("St. Jan -")).isEqualTo("Vragenlijst St. Jan.pdf");
    }
}
