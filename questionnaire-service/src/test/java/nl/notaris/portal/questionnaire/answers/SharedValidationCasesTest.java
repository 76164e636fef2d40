package nl.notaris.portal.questionnaire.answers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import nl.notaris.portal.questionnaire.definition.Definition;
import tools.jackson.core.type.TypeReference;

/**
 * The answer-validation cases that the web app runs too ({@code scripts/questionnaires/validation-cases.json}, made by
 * {@link ValidationCases}): every case gives the same errors here, so a rule changed on one side only fails a build.
 */
class SharedValidationCasesTest {

    /** The cases; written first when the system property validation-cases.write is true (validation-cases.sh). */
    static final Map<String, Object> FILE = read();

    @Test
    void theCasesAreMadeFromTheQuestionnairesAsTheyAreNow() throws IOException {
        assertThat(Files.readString(ValidationCases.CASES))
                .as("validation-cases.json is not what scripts/questionnaires/validation-cases.sh makes now: run it")
                .isEqualTo(ValidationCases.generate());
    }

    @TestFactory
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> eachCaseGivesTheErrorsItExpects() {
        AnswerValidator validator = new AnswerValidator(LocalDate.parse((String) FILE.get("today")));
        Map<String, Object> schemas = (Map<String, Object>) FILE.get("schemas");
        return ((List<Map<String, Object>>) FILE.get("cases")).stream().map(c -> DynamicTest.dynamicTest((String) c.get("name"), () -> {
            Object schema = c.get("schema") instanceof String page ? schemas.get(page) : c.get("schema");
            List<String> errors = validator.validate((Map<String, Object>) schema, c.get("answers")).stream()
                    .map(e -> key(e.field(), e.code(), e.format(), e.limit())).toList();
            List<String> expected = ((List<Map<String, Object>>) c.get("errors")).stream()
                    .map(e -> key((String) e.get("field"), (String) e.get("code"), (String) e.get("format"), (Number) e.get("limit")))
                    .toList();
            assertThat(errors).as("%s: %s %s", c.get("name"), c.get("schema"), c.get("answers")).containsExactlyInAnyOrderElementsOf(expected);
        }));
    }

    @TestFactory
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> aTypedTextIsKeptTidiedAsInTheBrowser() {
        return ((List<Map<String, Object>>) FILE.get("tidy")).stream().map(c -> DynamicTest.dynamicTest(
                c.get("question") + " " + ValidationCases.JSON.writeValueAsString(c.get("typed")), () -> {
                    Definition.Question question = ValidationCases.JSON.convertValue(c.get("question"), Definition.Question.class);
                    Map<String, Object> typed = new LinkedHashMap<>();
                    typed.put(question.id(), c.get("typed"));
                    assertThat(Answers.clean(List.of(question), List.of(question), typed).get(question.id()))
                            .isEqualTo(c.get("kept"));
                }));
    }

    /** One error as text, its limit as a plain number (1.0 and 1 are the same limit). */
    private static String key(String field, String code, String format, Number limit) {
        String number = limit == null ? "" : new BigDecimal(limit.toString()).stripTrailingZeros().toPlainString();
        return field + " " + code + (format == null ? "" : " " + format) + (limit == null ? "" : " " + number);
    }

    private static Map<String, Object> read() {
        if (Boolean.getBoolean("validation-cases.write")) {
            try {
                ValidationCases.write();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return ValidationCases.JSON.readValue(ValidationCases.CASES.toFile(), new TypeReference<Map<String, Object>>() {
        });
    }
}
