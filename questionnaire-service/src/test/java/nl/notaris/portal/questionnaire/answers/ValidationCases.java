package nl.notaris.portal.questionnaire.answers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import nl.notaris.portal.questionnaire.Fixtures;
import nl.notaris.portal.questionnaire.definition.Definition;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes {@code scripts/questionnaires/validation-cases.json}, the one set of answer-validation cases that this service
 * ({@link SharedValidationCasesTest}) and the web app ({@code sharedValidationCases.test.ts}) both run: the page schemas
 * of every questionnaire in {@code scripts/questionnaires/} as {@link AnswerCheck#schemas} makes them, cases made from
 * each page schema (every question answered; each one left out, beyond its limits, in a wrong format, of a wrong type;
 * conditions met and not met; group blocks), the hand-written ones of {@code validation-edge-cases.json}, and the
 * format {@code phone} on every row of the phone-numbers module's test values ({@link #PHONE_NUMBERS}: a number with
 * an E.164 form is accepted as typed, a {@code -} row refused), so the browser's phone rule is held to the values that
 * {@code PhoneNumbers} is tested on. The expected errors follow from the schema's keywords, not from either validator.
 * Run {@code scripts/questionnaires/validation-cases.sh} after changing a questionnaire, {@link PageSchemas}, the edge
 * cases or phone-numbers.csv; the test fails while the file is not what this makes.
 */
final class ValidationCases {

    static final Path FOLDER = Path.of("..", "scripts", "questionnaires");
    static final Path CASES = FOLDER.resolve("validation-cases.json");
    static final Path EDGE_CASES = FOLDER.resolve("validation-edge-cases.json");
    /** The phone-numbers module's test values: typed | E.164 or {@code -} | text messages | masked; # comments. */
    static final Path PHONE_NUMBERS = Path.of("..", "phone-numbers", "src", "test", "resources", "nl", "notaris", "portal",
            "phonenumbers", "phone-numbers.csv");
    /** Numbers stay as they are written (1e400 too), so the file says what it was given. */
    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private static final Map<String, String> VALID = Map.of("postcode", "1015 CJ", "iban", "NL91ABNA0417164300",
            "bsn", "111222333", "phone", "020 1234567", "email", "anna@example.com");
    private static final Map<String, String> INVALID = Map.of("postcode", "0123 AB", "iban", "NL91ABNA0417164301",
            "bsn", "123456789", "phone", "12345", "email", "anna@example", "date", "2026-02-30");

    private final LocalDate today;
    private final List<Map<String, Object>> cases = new ArrayList<>();

    private ValidationCases(LocalDate today) {
        this.today = today;
    }

    /** Writes validation-cases.json. */
    static void write() throws IOException {
        Files.writeString(CASES, generate());
    }

    /** The text of validation-cases.json. */
    @SuppressWarnings("unchecked")
    static String generate() throws IOException {
        Map<String, Object> edge = JSON.readValue(EDGE_CASES.toFile(), new TypeReference<Map<String, Object>>() {
        });
        LocalDate today = LocalDate.parse((String) edge.get("today"));
        ValidationCases made = new ValidationCases(today);
        Map<String, Object> schemas = new LinkedHashMap<>();
        for (Path file : questionnaires()) {
            Definition definition = Fixtures.JSON.readValue(file.toFile(), Definition.class);
            Map<String, Map<String, Object>> sample = new LinkedHashMap<>();
            for (Definition.Page page : definition.pages()) {
                // each page as it is shown after the earlier pages were answered as in the sample
                Map<String, Object> schema = JSON.convertValue(new AnswerCheck(definition, today).schemas(sample).get(page.id()),
                        new TypeReference<Map<String, Object>>() {
                        });
                String name = definition.key() + "/" + page.id();
                schemas.put(name, schema);
                sample.put(page.id(), made.page(name, schema));
            }
        }
        made.formats((Map<String, Map<String, List<String>>>) edge.get("formats"));
        made.phoneNumbers(Files.readAllLines(PHONE_NUMBERS));
        made.cases.addAll((List<Map<String, Object>>) edge.get("cases"));

        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"about\": ").append(JSON.writeValueAsString("Made by scripts/questionnaires/validation-cases.sh "
                + "(questionnaire-service's ValidationCases) from the questionnaires in scripts/questionnaires/ and "
                + "validation-edge-cases.json, the phone format on the rows of phone-numbers/src/test/resources/nl/notaris/"
                + "portal/phonenumbers/phone-numbers.csv: do not edit. Each case: a schema (a page of schemas, or inline), answers, "
                + "and the errors expected {field, code, format?, limit?}, in any order. 'today' is the date that "
                + "portalDateRange's 'today' means. Run by questionnaire-service (SharedValidationCasesTest) and web "
                + "(sharedValidationCases.test.ts).")).append(",\n");
        out.append("  \"today\": ").append(JSON.writeValueAsString(today.toString())).append(",\n");
        out.append("  \"schemas\": {\n");
        List<String> names = new ArrayList<>(schemas.keySet());
        for (int i = 0; i < names.size(); i++) {
            out.append("    ").append(JSON.writeValueAsString(names.get(i))).append(": ")
                    .append(JSON.writeValueAsString(schemas.get(names.get(i)))).append(i + 1 < names.size() ? ",\n" : "\n");
        }
        out.append("  },\n  \"tidy\": ").append(JSON.writeValueAsString(edge.get("tidy"))).append(",\n");
        out.append("  \"cases\": [\n");
        for (int i = 0; i < made.cases.size(); i++) {
            out.append("    ").append(JSON.writeValueAsString(made.cases.get(i))).append(i + 1 < made.cases.size() ? ",\n" : "\n");
        }
        return out.append("  ]\n}\n").toString();
    }

    /** The questionnaire definitions: every JSON file of the folder that has pages. */
    private static List<Path> questionnaires() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(f -> f.toString().endsWith(".json"))
                    .filter(f -> !f.getFileName().toString().startsWith("validation-")).sorted().toList();
        }
    }

    /** The cases of one page; returns its sample answers (every question answered), which the later pages see. */
    private Map<String, Object> page(String name, Map<String, Object> schema) {
        Map<String, Object> sample = object(schema);
        add(name + ": every question answered", name, sample, List.of());
        objectCases(name, name, schema, sample, "", UnaryOperator.identity());
        Map<String, Object> unknown = new LinkedHashMap<>(sample);
        unknown.put("onbekend", "x");
        add(name + ": an answer to no question of the page", name, unknown, List.of(error("onbekend", "additionalProperties")));
        return sample;
    }

    @SuppressWarnings("unchecked")
    private void objectCases(String caseName, String schemaName, Map<String, Object> schema, Map<String, Object> sample,
            String prefix, UnaryOperator<Map<String, Object>> wrap) {
        Map<String, Object> properties = (Map<String, Object>) schema.get("properties");
        List<String> required = (List<String>) schema.getOrDefault("required", List.of());
        for (String id : required) {
            add(caseName + ": " + prefix + id + " left out", schemaName, wrap.apply(without(sample, id)),
                    List.of(error(prefix + id, "required")));
        }
        for (Object part : (List<Object>) schema.getOrDefault("allOf", List.of())) {
            Map<String, Object> condition = (Map<String, Object>) ((Map<String, Object>) part).get("if");
            String on = ((List<String>) condition.get("required")).getFirst();
            Object equals = ((Map<String, Object>) ((Map<String, Object>) condition.get("properties")).get(on)).get("const");
            for (String then : (List<String>) ((Map<String, Object>) ((Map<String, Object>) part).get("then")).get("required")) {
                add(caseName + ": " + prefix + then + " left out while " + on + " is " + equals, schemaName,
                        wrap.apply(without(sample, then)), List.of(error(prefix + then, "required")));
                Map<String, Object> otherwise = without(sample, then);
                otherwise.put(on, other(equals, (Map<String, Object>) properties.get(on)));
                add(caseName + ": " + prefix + then + " left out while " + on + " is " + otherwise.get(on), schemaName,
                        wrap.apply(otherwise), List.of());
                Map<String, Object> unanswered = without(without(sample, then), on);
                add(caseName + ": " + prefix + then + " and " + on + " left out", schemaName, wrap.apply(unanswered),
                        required.contains(on) ? List.of(error(prefix + on, "required")) : List.of());
            }
        }
        properties.forEach((id, property) -> valueCases(caseName, schemaName, id, (Map<String, Object>) property,
                sample, prefix, wrap));
    }

    @SuppressWarnings("unchecked")
    private void valueCases(String caseName, String schemaName, String id, Map<String, Object> schema,
            Map<String, Object> sample, String prefix, UnaryOperator<Map<String, Object>> wrap) {
        String field = prefix + id;
        String name = caseName + ": " + field;
        Case with = (what, value, errors) -> {
            Map<String, Object> answers = new LinkedHashMap<>(sample);
            answers.put(id, value);
            add(name + " " + what, schemaName, wrap.apply(answers), errors);
        };
        switch ((String) schema.get("type")) {
            case "string" -> {
                with.add("a number instead of a text", 12, List.of(error(field, "type")));
                if (schema.get("format") instanceof String format) {
                    with.add("not a valid " + format, INVALID.get(format), List.of(error(field, "format", format, null)));
                }
                if (schema.get("enum") instanceof List<?> options) {
                    with.add("not one of the options " + options, "geen-optie", List.of(error(field, "enum")));
                }
                if (schema.get("maxLength") instanceof Number max && !schema.containsKey("format")) {
                    with.add("as long as it may be (" + max + " characters, each 2 UTF-16 units)", "🏠".repeat(max.intValue()), List.of());
                    with.add("longer than " + max + " characters", "x".repeat(max.intValue() + 1),
                            List.of(error(field, "maxLength", null, max)));
                }
                if (schema.get("portalDateRange") instanceof Map<?, ?> range) {
                    if (range.get("min") instanceof String min) {
                        with.add("on its first day " + min, date(min).toString(), List.of());
                        with.add("the day before " + min, date(min).minusDays(1).toString(), List.of(error(field, "dateRange")));
                    }
                    if (range.get("max") instanceof String max) {
                        with.add("on its last day " + max, date(max).toString(), List.of());
                        with.add("the day after " + max, date(max).plusDays(1).toString(), List.of(error(field, "dateRange")));
                    }
                }
            }
            case "number" -> {
                with.add("as a text", "12", List.of(error(field, "type")));
                if (schema.get("minimum") instanceof Number min) {
                    with.add("at its minimum " + min, min, List.of());
                    with.add("below its minimum " + min, min.doubleValue() - 0.01, List.of(error(field, "minimum", null, min)));
                }
                if (schema.get("maximum") instanceof Number max) {
                    with.add("at its maximum " + max, max, List.of());
                    with.add("above its maximum " + max, max.doubleValue() + 0.01, List.of(error(field, "maximum", null, max)));
                }
            }
            case "boolean" -> with.add("as a text", "ja", List.of(error(field, "type")));
            case "array" -> {
                Map<String, Object> items = (Map<String, Object>) schema.get("items");
                with.add("not a list", "x", List.of(error(field, "type")));
                Number minItems = (Number) schema.get("minItems");
                Number maxItems = (Number) schema.get("maxItems");
                if ("object".equals(items.get("type"))) {
                    Map<String, Object> block = object(items);
                    if (minItems != null) {
                        with.add("with fewer than " + minItems + " blocks", blocks(block, minItems.intValue() - 1),
                                List.of(error(field, "minItems", null, minItems)));
                    }
                    if (maxItems != null) {
                        with.add("with " + maxItems + " blocks", blocks(block, maxItems.intValue()), List.of());
                        with.add("with more than " + maxItems + " blocks", blocks(block, maxItems.intValue() + 1),
                                List.of(error(field, "maxItems", null, maxItems)));
                    }
                    with.add("with a block that is no object", List.of(block, "x"), List.of(error(field + "[1]", "type")));
                    Map<String, Object> withUnknown = new LinkedHashMap<>(block);
                    withUnknown.put("onbekend", "x");
                    with.add("with an answer to no question in a block", List.of(block, withUnknown),
                            List.of(error(field + "[1].onbekend", "additionalProperties")));
                    // the block's own rules, in the second block (the first stays as it was)
                    objectCases(caseName, schemaName, items, block, field + "[1].", changed -> {
                        Map<String, Object> answers = new LinkedHashMap<>(sample);
                        answers.put(id, List.of(block, changed));
                        return wrap.apply(answers);
                    });
                } else {
                    List<?> options = (List<?>) items.get("enum");
                    with.add("with a value that is not one of the options", List.of("geen-optie"), List.of(error(field + "[0]", "enum")));
                    if (Boolean.TRUE.equals(schema.get("uniqueItems"))) {
                        with.add("with an option twice", List.of(options.getFirst(), options.getFirst()), List.of(error(field, "uniqueItems")));
                    }
                    // no choice at all is an unanswered question; more are too few
                    if (minItems != null) {
                        with.add("with fewer than " + minItems + " options", List.of(),
                                List.of(error(field, minItems.intValue() == 1 ? "required" : "minItems", null, minItems)));
                    }
                }
            }
            default -> throw new IllegalStateException("No cases for " + schema);
        }
    }

    private interface Case {
        void add(String what, Object value, List<Map<String, Object>> errors);
    }

    /** The hand-written format values, each as a case of its own (a value as it is checked: tidying comes before). */
    private void formats(Map<String, Map<String, List<String>>> formats) {
        formats.forEach((format, values) -> {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("type", "string");
            x.put("format", format);
            Map<String, Object> schema = new LinkedHashMap<>();
            schema.put("type", "object");
            schema.put("properties", Map.of("x", x));
            values.get("valid").forEach(value -> add(format + " " + JSON.writeValueAsString(value) + " is valid", schema,
                    Map.of("x", value), List.of()));
            values.get("invalid").forEach(value -> add(format + " " + JSON.writeValueAsString(value) + " is not", schema,
                    Map.of("x", value), List.of(error("x", "format", format, null))));
        });
    }

    /**
     * The format phone on each row of phone-numbers.csv, the typed value as it is: accepted when the row has an E.164
     * form, refused when it has {@code -}.
     */
    private void phoneNumbers(List<String> lines) {
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("type", "string");
        x.put("format", "phone");
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", Map.of("x", x));
        int rows = 0;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\\|");
            if (columns.length != 4) {
                throw new IllegalStateException("Not a row of typed | E.164 or - | yes/no | masked: " + line);
            }
            String typed = columns[0].strip();
            String e164 = columns[1].strip();
            if (e164.equals("-")) {
                add("phone " + JSON.writeValueAsString(typed) + " is not (phone-numbers.csv)", schema, Map.of("x", typed),
                        List.of(error("x", "format", "phone", null)));
            } else {
                add("phone " + JSON.writeValueAsString(typed) + " is valid (phone-numbers.csv: " + e164 + ")", schema,
                        Map.of("x", typed), List.of());
            }
            rows++;
        }
        if (rows == 0) {
            throw new IllegalStateException("No phone numbers in " + PHONE_NUMBERS);
        }
    }

    /** Answers to every question of an object schema, the conditions of its allOf met. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> object(Map<String, Object> schema) {
        Map<String, Object> answers = new LinkedHashMap<>();
        ((Map<String, Object>) schema.get("properties")).forEach((id, property) -> answers.put(id, value((Map<String, Object>) property)));
        for (Object part : (List<Object>) schema.getOrDefault("allOf", List.of())) {
            Map<String, Object> condition = (Map<String, Object>) ((Map<String, Object>) part).get("if");
            ((Map<String, Object>) condition.get("properties")).forEach((id, is) -> answers.put(id, ((Map<String, Object>) is).get("const")));
        }
        return answers;
    }

    @SuppressWarnings("unchecked")
    private Object value(Map<String, Object> schema) {
        return switch ((String) schema.get("type")) {
            case "string" -> {
                if (schema.get("enum") instanceof List<?> options) {
                    yield options.getFirst();
                }
                if (schema.get("portalDateRange") instanceof Map<?, ?> range) {
                    yield date((String) (range.get("max") != null ? range.get("max") : range.get("min"))).toString();
                }
                if ("date".equals(schema.get("format"))) {
                    yield "2000-01-01";
                }
                yield schema.get("format") instanceof String format ? VALID.get(format) : "Tekst";
            }
            case "number" -> schema.get("minimum") instanceof Number min ? min : schema.get("maximum") instanceof Number max ? max : 1;
            case "boolean" -> true;
            case "array" -> {
                Map<String, Object> items = (Map<String, Object>) schema.get("items");
                if ("object".equals(items.get("type"))) {
                    yield blocks(object(items), Math.max(1, ((Number) schema.getOrDefault("minItems", 1)).intValue()));
                }
                yield List.of(((List<?>) items.get("enum")).getFirst());
            }
            default -> throw new IllegalStateException("No answer for " + schema);
        };
    }

    /** Another value than a condition's, of the same kind. */
    private static Object other(Object equals, Map<String, Object> schema) {
        if (equals instanceof Boolean yes) {
            return !yes;
        }
        if (equals instanceof Number number) {
            return number.doubleValue() + 1;
        }
        return schema.get("enum") instanceof List<?> options
                ? options.stream().filter(o -> !o.equals(equals)).findFirst().orElseThrow() : equals + "-niet";
    }

    private static List<Object> blocks(Map<String, Object> block, int count) {
        List<Object> blocks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            blocks.add(block);
        }
        return blocks;
    }

    private LocalDate date(String bound) {
        return "today".equals(bound) ? today : LocalDate.parse(bound);
    }

    private static Map<String, Object> without(Map<String, Object> answers, String id) {
        Map<String, Object> less = new LinkedHashMap<>(answers);
        less.remove(id);
        return less;
    }

    private void add(String name, Object schema, Map<String, Object> answers, List<Map<String, Object>> errors) {
        Map<String, Object> testCase = new LinkedHashMap<>();
        testCase.put("name", name);
        testCase.put("schema", schema);
        testCase.put("answers", answers);
        testCase.put("errors", errors);
        cases.add(testCase);
    }

    private static Map<String, Object> error(String field, String code) {
        return error(field, code, null, null);
    }

    private static Map<String, Object> error(String field, String code, String format, Number limit) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("code", code);
        if (format != null) {
            error.put("format", format);
        }
        if (limit != null) {
            error.put("limit", limit);
        }
        return error;
    }
}
