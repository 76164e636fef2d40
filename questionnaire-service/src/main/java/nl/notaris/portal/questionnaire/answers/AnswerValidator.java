package nl.notaris.portal.questionnaire.answers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Checks answers against a page's schema from {@link PageSchemas} on the server, with the same
 * meaning as the browser's Ajv: the keywords that schema uses (type, properties, required,
 * additionalProperties, enum, const, minLength, maxLength, minimum, maximum, format, items, minItems,
 * maxItems, uniqueItems, allOf, if/then) and the portal's formats and {@code portalDateRange}.
 */
public final class AnswerValidator {

    private final LocalDate today;

    public AnswerValidator(LocalDate today) {
        this.today = today;
    }

    public List<FieldError> validate(Map<String, Object> schema, Object value) {
        List<FieldError> errors = new ArrayList<>();
        check(schema, value, "", errors);
        return errors;
    }

    @SuppressWarnings("unchecked")
    private void check(Map<String, Object> schema, Object value, String path, List<FieldError> errors) {
        if (!typeMatches((String) schema.get("type"), value)) {
            errors.add(error(path, "type", null, "must be " + schema.get("type")));
            return;
        }
        if (schema.containsKey("const") && !PageSchemas.equal(value, schema.get("const"))) {
            errors.add(error(path, "const", null, "must be " + schema.get("const")));
        }
        if (schema.get("enum") instanceof List<?> allowed && allowed.stream().noneMatch(a -> PageSchemas.equal(value, a))) {
            errors.add(error(path, "enum", null, "is not one of the options"));
        }
        if (value instanceof String text) {
            checkString(schema, text, path, errors);
        }
        if (value instanceof Number number) {
            double d = number.doubleValue();
            if (schema.get("minimum") instanceof Number min && d < min.doubleValue()) {
                errors.add(error(path, "minimum", min, "must be at least " + min));
            }
            if (schema.get("maximum") instanceof Number max && d > max.doubleValue()) {
                errors.add(error(path, "maximum", max, "must be at most " + max));
            }
        }
        if (value instanceof List<?> items) {
            checkArray(schema, items, path, errors);
        }
        if (value instanceof Map<?, ?> object) {
            checkObject(schema, (Map<String, Object>) object, path, errors);
        }
    }

    private void checkString(Map<String, Object> schema, String text, String path, List<FieldError> errors) {
        int length = text.codePointCount(0, text.length());
        if (schema.get("minLength") instanceof Number min && length < min.intValue()) {
            errors.add(error(path, min.intValue() == 1 ? "required" : "minLength", null, "is required"));
        }
        if (schema.get("maxLength") instanceof Number max && length > max.intValue()) {
            errors.add(error(path, "maxLength", max, "is at most " + max + " characters"));
        }
        if (schema.get("format") instanceof String format && !Formats.matches(format, text)) {
            errors.add(formatError(path, format));
            return;
        }
        if (schema.get("portalDateRange") instanceof Map<?, ?> range) {
            LocalDate date = LocalDate.parse(text);
            LocalDate min = bound(range.get("min"));
            LocalDate max = bound(range.get("max"));
            if (min != null && date.isBefore(min) || max != null && date.isAfter(max)) {
                errors.add(error(path, "dateRange", null, "is outside the allowed dates"));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void checkArray(Map<String, Object> schema, List<?> items, String path, List<FieldError> errors) {
        if (schema.get("minItems") instanceof Number min && items.size() < min.intValue()) {
            errors.add(error(path, min.intValue() == 1 && !"object".equals(itemType(schema)) ? "required" : "minItems",
                    min, "needs at least " + min));
        }
        if (schema.get("maxItems") instanceof Number max && items.size() > max.intValue()) {
            errors.add(error(path, "maxItems", max, "allows at most " + max));
        }
        if (Boolean.TRUE.equals(schema.get("uniqueItems")) && new HashSet<>(items).size() != items.size()) {
            errors.add(error(path, "uniqueItems", null, "has a value twice"));
        }
        if (schema.get("items") instanceof Map<?, ?> itemSchema) {
            for (int i = 0; i < items.size(); i++) {
                check((Map<String, Object>) itemSchema, items.get(i), path + "[" + i + "]", errors);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void checkObject(Map<String, Object> schema, Map<String, Object> object, String path,
            List<FieldError> errors) {
        Map<String, Object> properties = schema.get("properties") instanceof Map<?, ?> p
                ? (Map<String, Object>) p : Map.of();
        for (String name : object.keySet()) {
            if (!properties.containsKey(name) && Boolean.FALSE.equals(schema.get("additionalProperties"))) {
                errors.add(error(child(path, name), "additionalProperties", null, "is not a question here"));
            }
        }
        if (schema.get("required") instanceof List<?> required) {
            for (Object name : required) {
                if (!object.containsKey(name)) {
                    errors.add(error(child(path, (String) name), "required", null, "is required"));
                }
            }
        }
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            if (object.containsKey(property.getKey())) {
                check((Map<String, Object>) property.getValue(), object.get(property.getKey()),
                        child(path, property.getKey()), errors);
            }
        }
        if (schema.get("allOf") instanceof List<?> all) {
            for (Object part : all) {
                Map<String, Object> sub = (Map<String, Object>) part;
                if (sub.containsKey("if")) {
                    if (validate((Map<String, Object>) sub.get("if"), object).isEmpty() && sub.get("then") != null) {
                        checkObject((Map<String, Object>) sub.get("then"), object, path, errors);
                    }
                } else {
                    checkObject(sub, object, path, errors);
                }
            }
        }
    }

    private static String itemType(Map<String, Object> schema) {
        return schema.get("items") instanceof Map<?, ?> items ? String.valueOf(items.get("type")) : "";
    }

    private LocalDate bound(Object value) {
        if (value == null) {
            return null;
        }
        return "today".equals(value) ? today : LocalDate.parse(value.toString());
    }

    private static boolean typeMatches(String type, Object value) {
        if (type == null) {
            return true;
        }
        return switch (type) {
            case "string" -> value instanceof String;
            case "number" -> value instanceof Number number && Double.isFinite(number.doubleValue());
            case "boolean" -> value instanceof Boolean;
            case "array" -> value instanceof List<?>;
            case "object" -> value instanceof Map<?, ?>;
            default -> true;
        };
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static FieldError error(String path, String code, Number limit, String message) {
        return new FieldError(null, path, code, null, limit, (path.isEmpty() ? "The page" : path) + " " + message);
    }

    private static FieldError formatError(String path, String format) {
        return new FieldError(null, path, "format", format, null, path + " is not a valid " + format);
    }
}
