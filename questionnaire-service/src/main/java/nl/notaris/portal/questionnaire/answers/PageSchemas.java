package nl.notaris.portal.questionnaire.answers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import nl.notaris.portal.questionnaire.definition.Definition;
import nl.notaris.portal.questionnaire.definition.Definition.Question;
import nl.notaris.portal.questionnaire.definition.QuestionType;

/**
 * The JSON Schema (draft 2020-12) of one page's answers, made from the definition: the one source of
 * the rules that the browser ({@code validation.ts}) and this service ({@link AnswerValidator}) both check. A question
 * shown only after an answer on an earlier page is in the schema or not, as that answer decides; a
 * condition on the same page (or in the same group block) becomes an if/then on its required-ness.
 * Besides standard keywords it uses the formats postcode, iban, bsn, phone, email and date, and the
 * keyword {@code portalDateRange} {min, max} (ISO dates or {@code today}).
 */
public final class PageSchemas {

    private PageSchemas() {
    }

    /** @param earlier the answers of the earlier pages, by question id */
    public static Map<String, Object> of(Definition.Page page, Map<String, Object> earlier) {
        Map<String, Object> schema = objectSchema(visible(page.questions(), earlier));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.put("title", page.title());
        root.putAll(schema);
        return root;
    }

    /**
     * The questions that can be shown, as far as answers on earlier pages decide it; a condition on
     * this page is left to the schema's if/then.
     */
    public static List<Question> visible(List<Question> questions, Map<String, Object> earlier) {
        return questions.stream().filter(question -> question.showIf() == null
                || conditionOnSamePage(question, questions)
                || equal(earlier.get(question.showIf().question()), question.showIf().equals())).toList();
    }

    static boolean conditionOnSamePage(Question question, List<Question> samePage) {
        return samePage.stream().anyMatch(q -> q.id().equals(question.showIf().question()));
    }

    /** Whether an answer equals a condition's value (numbers compared as numbers). */
    public static boolean equal(Object answer, Object expected) {
        if (answer instanceof Number a && expected instanceof Number e) {
            return a.doubleValue() == e.doubleValue();
        }
        return Objects.equals(answer, expected);
    }

    static Map<String, Object> objectSchema(List<Question> questions) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        List<Map<String, Object>> conditions = new ArrayList<>();
        for (Question question : questions) {
            properties.put(question.id(), questionSchema(question));
            boolean mustBeThere = question.isRequired()
                    || question.type() == QuestionType.group && question.minItems() != null && question.minItems() > 0;
            if (!mustBeThere) {
                continue;
            }
            if (question.showIf() != null && conditionOnSamePage(question, questions)) {
                conditions.add(ordered(
                        "if", ordered("properties", Map.of(question.showIf().question(), Map.of("const", question.showIf().equals())),
                                "required", List.of(question.showIf().question())),
                        "then", Map.of("required", List.of(question.id()))));
            } else {
                required.add(question.id());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        if (!conditions.isEmpty()) {
            schema.put("allOf", conditions);
        }
        schema.put("additionalProperties", false);
        return schema;
    }

    static Map<String, Object> questionSchema(Question question) {
        Map<String, Object> schema = new LinkedHashMap<>();
        switch (question.type()) {
            case shortText, longText -> {
                schema.put("type", "string");
                if (question.isRequired()) {
                    schema.put("minLength", 1);
                }
                schema.put("maxLength", question.maxLength() != null ? question.maxLength()
                        : question.type() == QuestionType.shortText ? 200 : 4000);
                if (question.format() != null) {
                    schema.put("format", question.format());
                }
            }
            case number, amount -> {
                schema.put("type", "number");
                Double min = question.min() != null ? question.min()
                        : question.type() == QuestionType.amount ? Double.valueOf(0) : null;
                if (min != null) {
                    schema.put("minimum", min);
                }
                if (question.max() != null) {
                    schema.put("maximum", question.max());
                }
            }
            case date -> {
                schema.put("type", "string");
                schema.put("format", "date");
                if (question.minDate() != null || question.maxDate() != null) {
                    Map<String, Object> range = new LinkedHashMap<>();
                    if (question.minDate() != null) {
                        range.put("min", question.minDate());
                    }
                    if (question.maxDate() != null) {
                        range.put("max", question.maxDate());
                    }
                    schema.put("portalDateRange", range);
                }
            }
            case yesNo -> schema.put("type", "boolean");
            case choice -> {
                schema.put("type", "string");
                schema.put("enum", question.options().stream().map(Definition.Option::value).toList());
            }
            case multiChoice -> {
                schema.put("type", "array");
                schema.put("items", ordered("type", "string",
                        "enum", question.options().stream().map(Definition.Option::value).toList()));
                schema.put("uniqueItems", true);
                if (question.isRequired()) {
                    schema.put("minItems", 1);
                }
            }
            case group -> {
                schema.put("type", "array");
                int min = question.minItems() != null ? question.minItems() : question.isRequired() ? 1 : 0;
                if (min > 0) {
                    schema.put("minItems", min);
                }
                schema.put("maxItems", question.maxItems() != null ? question.maxItems() : 20);
                schema.put("items", objectSchema(question.questions()));
            }
        }
        return schema;
    }

    /** A map of these keys and values, in this order (the schema's JSON reads the same each time). */
    private static Map<String, Object> ordered(String key1, Object value1, String key2, Object value2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key1, value1);
        map.put(key2, value2);
        return map;
    }
}
