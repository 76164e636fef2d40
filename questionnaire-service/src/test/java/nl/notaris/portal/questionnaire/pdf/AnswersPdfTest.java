package nl.notaris.portal.questionnaire.pdf;

import static nl.notaris.portal.questionnaire.Fixtures.answers;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import nl.notaris.portal.questionnaire.Fixtures;

/** The PDF of a completed questionnaire, read back with a PDF text extractor. */
class AnswersPdfTest {

    static byte[] pdf;
    static String text;

    @BeforeAll
    static void render() throws IOException {
        Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
        answers.put("persoonlijk", answers("""
                {"voornamen":"Ëlla","achternaam":"van 't Hoff","geboortedatum":"1985-04-12","bsn":"111222333",
                 "telefoon":"+31 6 12345678","burgerlijke-staat":"gehuwd","huwelijkse-voorwaarden":true}"""));
        answers.put("woning", answers("""
                {"adres":"Prinsengracht 263","postcode":"1016 GV","plaats":"Amsterdam","koopsom":450000.5,
                 "leveringsdatum":"2027-02-01","zelf-bewonen":true,
                 "bewoners":[{"naam":"Bram van 't Hoff","relatie":"partner"},{"naam":"Zoë van 't Hoff","relatie":"kind","geboortedatum":"2019-06-03"}]}"""));
        answers.put("financiering", answers("""
                {"hypotheek":true,"geldverstrekker":"Coöperatieve Rabobank U.A.","hypotheekbedrag":380000,"iban":"NL91ABNA0417164300"}"""));
        answers.put("tot-slot", answers("""
                {"documenten":["koopovereenkomst","identiteitsbewijs"],"volmacht":false,
                 "opmerkingen":"Graag tekenen na 17.00 uur — ‘s ochtends werk ik."}"""));
        pdf = new AnswersPdf().render(Fixtures.aankoopWoning(), answers,
                new AnswersPdf.Subject("2026-0042", "Ëlla van 't Hoff", Instant.parse("2026-11-28T14:05:00Z")));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theHeaderSaysWhatWhoAndWhen() {
        assertThat(text).contains("Aankoop woning", "Dossiernummer", "2026-0042", "Ingevuld door", "Ëlla van 't Hoff",
                "28 november 2026 om 15:05");
    }

    @Test
    void everyAnswerIsInItsTextWithDiacriticsIntact() {
        assertThat(text).contains("Voornamen (voluit)", "Ëlla", "van 't Hoff", "12 april 1985", "111222333",
                "+31 6 12345678", "Gehuwd", "Bent u onder huwelijkse voorwaarden getrouwd?", "Ja",
                "Prinsengracht 263", "1016 GV", "Amsterdam", "450.000,50", "1 februari 2027",
                "Coöperatieve Rabobank U.A.", "380.000,00", "NL91ABNA0417164300",
                "Getekende koopovereenkomst, Kopie paspoort of identiteitskaart", "Nee",
                "Graag tekenen na 17.00 uur — ‘s ochtends werk ik.");
    }

    @Test
    void repeatingGroupsAreBlocks() {
        assertThat(text).contains("Bewoner 1", "Bram van 't Hoff", "Partner", "Bewoner 2", "Zoë van 't Hoff", "Kind",
                "3 juni 2019");
        assertThat(text.indexOf("Bewoner 1")).isLessThan(text.indexOf("Bewoner 2"));
    }

    @Test
    void questionsNotShownAreLeftOut() {
        assertThat(text).doesNotContain("Naam van de gevolmachtigde");
    }

    @Test
    void charactersXmlCannotHoldAreLeftOutInsteadOfFailingTheDocument() throws IOException {
        // answers saved before such characters were refused: C0 controls, U+FFFE/U+FFFF, unpaired surrogates
        Map<String, Map<String, Object>> answers = new LinkedHashMap<>();
        answers.put("persoonlijk", answers("""
                {"voornamen":"\\u0000Ëlla\\u001F","achternaam":"van\\u0008 't Hoff","geboortedatum":"1985-04-12",
                 "bsn":"111222333","burgerlijke-staat":"ongehuwd"}"""));
        answers.put("woning", answers("""
                {"adres":"Prinsen\\ufffegracht 263","postcode":"1016 GV","plaats":"Amster\\uffffdam","koopsom":1,
                 "leveringsdatum":"2027-02-01","zelf-bewonen":true,"bewoners":[{"naam":"Bram\\ud800 van 't Hoff","relatie":"partner"}]}"""));
        answers.put("tot-slot", answers("""
                {"volmacht":false,"opmerkingen":"a\\u0001b\\tc\\r\\nd \\udc00e 😀 f"}"""));

        byte[] rendered = new AnswersPdf().render(Fixtures.aankoopWoning(), answers,
                new AnswersPdf.Subject("2026\u0002-0042", "Ëlla\u0007 van 't Hoff", Instant.parse("2026-11-28T14:05:00Z")));

        try (PDDocument document = Loader.loadPDF(rendered)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Ëlla", "van 't Hoff", "Prinsengracht 263",
                    "Amsterdam", "Bram van 't Hoff", "ab", "2026-0042");
        }
    }

    @Test
    void fontsAreEmbeddedAndTheDocumentIsTagged() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(font -> assertThat(font.isEmbedded()).as(font.getName()).isTrue());
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).as("tagged").isNotNull();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("nl");
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo("Aankoop woning");
        }
    }
}
