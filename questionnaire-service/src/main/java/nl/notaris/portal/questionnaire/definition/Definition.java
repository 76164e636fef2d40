package nl.notaris.portal.questionnaire.definition;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A questionnaire as the office defines it (STF-5): pages of questions. This same definition is the
 * source of the per-page JSON Schemas that the browser and this service both validate answers with.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Definition(String key, String title, String intro, List<Page> pages) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Page(String id, String title, String intro, List<Question> questions) {
    }

    /**
     * One question. {@code format} refines a short text (postcode, iban, bsn, email, phone);
     * {@code min}/{@code max} bound numbers and amounts, {@code minDate}/{@code maxDate} dates
     * (ISO date or {@code today}); a group repeats its {@code questions} between minItems and maxItems,
     * each block headed by {@code itemLabel} ("Erfgenaam") and its number.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Question(String id, QuestionType type, String label, String help, Boolean required, String format,
            List<Option> options, Double min, Double max, Integer maxLength, String minDate, String maxDate,
            Integer minItems, Integer maxItems, String itemLabel, Condition showIf, List<Question> questions) {

        public Question {
            required = Boolean.TRUE.equals(required);
        }

        public boolean isRequired() {
            return required;
        }
    }

    public record Option(String value, String label) {
    }

    /** Show the question only when an earlier answer equals this value. */
    public record Condition(String question, Object equals) {
    }
}
