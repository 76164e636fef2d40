package nl.notaris.portal.questionnaire.answers;

import java.time.LocalDate;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.BaseJsonValidator;
import com.networknt.schema.ErrorMessageType;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonValidator;
import com.networknt.schema.Keyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.ValidationMessage;

/**
 * The portal's keyword {@code portalDateRange: {min?, max?}}, each bound an ISO date or {@code today}: a date answer
 * outside it is refused. What is no date is left to {@code format: date}. "Today" is not in the schema but in each
 * validation's context ({@link #today(ExecutionContext, LocalDate)}), so it comes from the service's clock.
 */
final class PortalDateRange implements Keyword {

    static final String KEYWORD = "portalDateRange";
    private static final String TODAY = PortalDateRange.class.getName() + ".today";
    private static final ErrorMessageType ERROR = () -> KEYWORD;

    /** Sets the date that {@code today} means for one validation. */
    static void today(ExecutionContext context, LocalDate today) {
        context.getCollectorContext().add(TODAY, today);
    }

    @Override
    public String getValue() {
        return KEYWORD;
    }

    @Override
    public JsonValidator newValidator(SchemaLocation location, JsonNodePath evaluationPath, JsonNode range,
            JsonSchema parent, ValidationContext context) {
        return new BaseJsonValidator(location, evaluationPath, range, parent, ERROR, this, context, false) {
            @Override
            public Set<ValidationMessage> validate(ExecutionContext execution, JsonNode node, JsonNode root,
                    JsonNodePath instanceLocation) {
                if (!node.isTextual() || !Formats.date(node.textValue())) {
                    return Set.of();
                }
                LocalDate date = LocalDate.parse(node.textValue());
                LocalDate today = (LocalDate) execution.getCollectorContext().get(TODAY);
                LocalDate min = bound(range.path("min"), today);
                LocalDate max = bound(range.path("max"), today);
                if (min != null && date.isBefore(min) || max != null && date.isAfter(max)) {
                    return Set.of(message().instanceLocation(instanceLocation).instanceNode(node)
                            .message("{0}: is outside the allowed dates").build());
                }
                return Set.of();
            }
        };
    }

    private static LocalDate bound(JsonNode bound, LocalDate today) {
        if (bound.isMissingNode()) {
            return null;
        }
        return "today".equals(bound.asText()) ? today : LocalDate.parse(bound.asText());
    }
}
