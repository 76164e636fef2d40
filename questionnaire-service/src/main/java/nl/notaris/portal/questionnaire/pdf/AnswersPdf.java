package nl.notaris.portal.questionnaire.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import nl.notaris.portal.questionnaire.definition.Definition;
import nl.notaris.portal.questionnaire.definition.Definition.Question;
import nl.notaris.portal.questionnaire.definition.QuestionType;

/**
 * The completed questionnaire as a PDF (ACT-4): title, dossier number, client, completion time, and
 * every question shown with its answer, repeating groups as blocks. The DejaVu fonts are embedded (so
 * "Ëlla van 't Hoff" and "coöperatie" come out right everywhere) and the PDF is tagged (PDF/UA), so
 * its text is extractable and readable by assistive technology.
 */
@Component
public class AnswersPdf {

    /** Dates and times as the office and its clients read them. */
    public static final ZoneId OFFICE_ZONE = ZoneId.of("Europe/Amsterdam");
    private static final Locale DUTCH = Locale.of("nl", "NL");

    public record Subject(String dossierNumber, String clientName, Instant completedAt) {
    }

    public byte[] render(Definition definition, Map<String, Map<String, Object>> answers, Subject subject) {
        String html = html(definition, answers, subject);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfUaAccessibility(true);
            builder.useFont(() -> font("DejaVuSans.ttf"), "DejaVu Sans", 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font("DejaVuSans-Bold.ttf"), "DejaVu Sans", 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String html(Definition definition, Map<String, Map<String, Object>> answers, Subject subject) {
        StringBuilder body = new StringBuilder();
        for (Definition.Page page : definition.pages()) {
            Map<String, Object> pageAnswers = answers.getOrDefault(page.id(), Map.of());
            StringBuilder rows = new StringBuilder();
            for (Question question : page.questions()) {
                Object answer = pageAnswers.get(question.id());
                if (answer == null && question.showIf() != null) {
                    continue;
                }
                rows.append(question(question, answer));
            }
            body.append("<section><h2>").append(esc(page.title())).append("</h2>").append(rows).append("</section>");
        }
        String completed = DateTimeFormatter.ofPattern("d MMMM yyyy 'om' HH:mm", DUTCH)
                .format(subject.completedAt().atZone(OFFICE_ZONE));
        return """
                <!DOCTYPE html>
                <html lang="nl">
                <head>
                <meta charset="UTF-8"/>
                <title>%s</title>
                <meta name="subject" content="Vragenlijst dossier %s"/>
                <style>
                  @page { size: A4; margin: 22mm 20mm; @bottom-right { content: "Pagina " counter(page) " van " counter(pages); font-family: 'DejaVu Sans'; font-size: 8pt; color: #555; } }
                  * { font-family: 'DejaVu Sans'; }
                  body { font-size: 10pt; color: #111; line-height: 1.4; }
                  h1 { font-size: 17pt; margin: 0 0 4mm; color: #123c69; }
                  h2 { font-size: 12.5pt; margin: 7mm 0 2mm; color: #123c69; border-bottom: 0.5pt solid #123c69; padding-bottom: 1mm; }
                  h3 { font-size: 10.5pt; margin: 3mm 0 1mm; }
                  dl.meta { margin: 0 0 4mm; }
                  dl.meta dt { float: left; width: 38mm; color: #444; }
                  dl.meta dd { margin: 0 0 1mm 40mm; }
                  .qa { margin: 0 0 2.5mm; page-break-inside: avoid; }
                  .q { color: #444; }
                  .a { font-weight: bold; }
                  .block { margin: 1mm 0 3mm 4mm; padding-left: 3mm; border-left: 1pt solid #bbb; page-break-inside: avoid; }
                </style>
                </head>
                <body>
                <h1>%s</h1>
                <dl class="meta">
                  <dt>Dossiernummer</dt><dd>%s</dd>
                  <dt>Ingevuld door</dt><dd>%s</dd>
                  <dt>Voltooid op</dt><dd>%s</dd>
                </dl>
                %s
                </body>
                </html>
                """.formatted(esc(definition.title()), esc(subject.dossierNumber()), esc(definition.title()),
                esc(subject.dossierNumber()), esc(subject.clientName()), esc(completed), body);
    }

    private static String question(Question question, Object answer) {
        if (question.type() == QuestionType.group) {
            List<?> blocks = answer instanceof List<?> list ? list : List.of();
            StringBuilder html = new StringBuilder("<div class=\"qa\"><p class=\"q\">").append(esc(question.label()))
                    .append("</p>");
            if (blocks.isEmpty()) {
                html.append("<p class=\"a\">—</p>");
            }
            for (int i = 0; i < blocks.size(); i++) {
                Map<?, ?> block = blocks.get(i) instanceof Map<?, ?> map ? map : Map.of();
                html.append("<div class=\"block\"><h3>").append(esc(question.itemLabel() != null ? question.itemLabel() : question.label())).append(' ').append(i + 1)
                        .append("</h3>");
                for (Question inner : question.questions()) {
                    Object value = block.get(inner.id());
                    if (value != null || inner.showIf() == null) {
                        html.append(question(inner, value));
                    }
                }
                html.append("</div>");
            }
            return html.append("</div>").toString();
        }
        return "<div class=\"qa\"><p class=\"q\">" + esc(question.label()) + "</p><p class=\"a\">"
                + esc(answerText(question, answer)) + "</p></div>";
    }

    static String answerText(Question question, Object answer) {
        if (answer == null) {
            return "—";
        }
        return switch (question.type()) {
            case yesNo -> Boolean.TRUE.equals(answer) ? "Ja" : "Nee";
            case amount -> NumberFormat.getCurrencyInstance(DUTCH).format(((Number) answer).doubleValue());
            case number -> NumberFormat.getNumberInstance(DUTCH).format(((Number) answer).doubleValue());
            case date -> DateTimeFormatter.ofPattern("d MMMM yyyy", DUTCH).format(LocalDate.parse(answer.toString()));
            case choice -> label(question, answer.toString());
            case multiChoice -> answer instanceof List<?> values
                    ? values.stream().map(v -> label(question, String.valueOf(v))).collect(Collectors.joining(", "))
                    : answer.toString();
            default -> answer.toString();
        };
    }

    private static String label(Question question, String value) {
        return question.options().stream().filter(o -> o.value().equals(value)).map(Definition.Option::label)
                .findFirst().orElse(value);
    }

    private static InputStream font(String name) {
        InputStream in = AnswersPdf.class.getResourceAsStream("/fonts/" + name);
        if (in == null) {
            throw new IllegalStateException("Font missing on the classpath: " + name);
        }
        return in;
    }

    /** Every text of the document passes here, so a character XML cannot hold never fails the rendering. */
    private static String esc(String value) {
        return value == null ? "" : HtmlUtils.htmlEscape(XmlCharacters.strip(value), "UTF-8");
    }
}
