package nl.notaris.portal.questionnaire.answers;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Format;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Checks answers against a page's schema from {@link PageSchemas} with networknt's json-schema-validator (draft
 * 2020-12, formats asserted), the portal's formats ({@link Formats}) and its keyword {@code portalDateRange}
 * ({@link PortalDateRange}; "today" is the date this validator is made with, from the service's clock). The browser
 * checks the same schemas with the same rules; the cases of {@code scripts/questionnaires/validation-cases.json} run on
 * both sides. Each error becomes a {@link FieldError}: the answer's path ({@code bewoners[1].naam}) and a code.
 */
public final class AnswerValidator {

    /** The validator's tree model is Jackson 2's (the service's own JSON is Jackson 3). */
    private static final ObjectMapper TREE = new ObjectMapper();
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(true).build();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            factory -> factory.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .formats(formats -> Formats.ALL.forEach((name, rule) -> formats.put(name, new Format() {
                        @Override
                        public String getName() {
                            return name;
                        }

                        @Override
                        public boolean matches(ExecutionContext context, String value) {
                            return rule.test(value);
                        }
                    })))
                    .keyword(new PortalDateRange())
                    .build()));

    private final LocalDate today;

    public AnswerValidator(LocalDate today) {
        this.today = today;
    }

    public List<FieldError> validate(Map<String, Object> schema, Object value) {
        JsonNode schemaNode = TREE.valueToTree(schema);
        Set<ValidationMessage> messages = SCHEMAS.getSchema(schemaNode, CONFIG)
                .validate(tree(value), context -> PortalDateRange.today(context, today));
        // A wrong type says it all: the other rules of that answer (enum, maximum, …) are not named too.
        Set<String> wrongType = new LinkedHashSet<>();
        messages.stream().filter(m -> m.getType().equals("type")).forEach(m -> wrongType.add(m.getInstanceLocation().toString()));
        List<FieldError> errors = new ArrayList<>();
        for (ValidationMessage message : messages) {
            if (message.getType().equals("type") || !wrongType.contains(message.getInstanceLocation().toString())) {
                errors.add(fieldError(message, schemaNode));
            }
        }
        return errors;
    }

    private static FieldError fieldError(ValidationMessage message, JsonNode schema) {
        String keyword = message.getType();
        String field = field(message.getInstanceLocation(), message.getProperty());
        Number limit = message.getSchemaNode() != null && message.getSchemaNode().isNumber()
                ? message.getSchemaNode().numberValue() : null;
        return switch (keyword) {
            case "required" -> error(field, "required", null, "is required");
            case "minLength" -> limit.intValue() <= 1 ? error(field, "required", null, "is required")
                    : error(field, "minLength", limit, "is at least " + limit + " characters");
            case "maxLength" -> error(field, "maxLength", limit, "is at most " + limit + " characters");
            // a several-choices question without a choice is unanswered; a group needs its blocks
            case "minItems" -> error(field, limit.intValue() == 1 && !itemsAreObjects(message, schema) ? "required" : "minItems",
                    limit, "needs at least " + limit);
            case "maxItems" -> error(field, "maxItems", limit, "allows at most " + limit);
            case "minimum" -> error(field, "minimum", limit, "must be at least " + limit);
            case "maximum" -> error(field, "maximum", limit, "must be at most " + limit);
            case "format" -> new FieldError(null, field, "format", message.getSchemaNode().asText(), null,
                    field + " is not a valid " + message.getSchemaNode().asText());
            case PortalDateRange.KEYWORD -> error(field, "dateRange", null, "is outside the allowed dates");
            case "enum", "const" -> error(field, "enum", null, "is not one of the options");
            case "type" -> error(field, "type", null, "must be " + message.getSchemaNode().asText());
            case "uniqueItems" -> error(field, "uniqueItems", null, "has a value twice");
            case "additionalProperties" -> error(field, "additionalProperties", null, "is not a question here");
            default -> error(field, keyword, null, message.getMessage());
        };
    }

    /** "bewoners[1].naam" for /bewoners/1 and the property naam (of required and additionalProperties). */
    private static String field(JsonNodePath location, String property) {
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                field.append('[').append(index).append(']');
            } else {
                field.append(field.isEmpty() ? "" : ".").append(element);
            }
        }
        if (property != null) {
            field.append(field.isEmpty() ? "" : ".").append(property);
        }
        return field.toString();
    }

    private static boolean itemsAreObjects(ValidationMessage message, JsonNode schema) {
        JsonNodePath keyword = message.getSchemaLocation().getFragment();
        JsonNode array = schema;
        for (int i = 0; i < keyword.getNameCount() - 1; i++) {
            array = keyword.getElement(i) instanceof Integer index ? array.path(index) : array.path(keyword.getName(i));
        }
        return array.path("items").path("type").asText().equals("object");
    }

    /**
     * The answers as the validator's tree. JSON Schema's numbers are finite: a number too large for a double (1e400,
     * read as infinity) is given as the text it is, so that {@code type: number} refuses it.
     */
    private static JsonNode tree(Object value) {
        return switch (value) {
            case Map<?, ?> object -> {
                ObjectNode node = TREE.createObjectNode();
                object.forEach((name, inner) -> node.set(String.valueOf(name), tree(inner)));
                yield node;
            }
            case List<?> items -> {
                ArrayNode node = TREE.createArrayNode();
                items.forEach(item -> node.add(tree(item)));
                yield node;
            }
            case Number number when !Double.isFinite(number.doubleValue()) -> TextNode.valueOf(number.toString());
            case null, default -> TREE.valueToTree(value);
        };
    }

    private static FieldError error(String field, String code, Number limit, String message) {
        return new FieldError(null, field, code, null, limit, (field.isEmpty() ? "The page" : field) + " " + message);
    }
}
