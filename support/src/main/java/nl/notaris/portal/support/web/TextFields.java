package nl.notaris.portal.support.web;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * The rule for every text field a service reads from JSON: it must be a JSON string (no number or
 * boolean silently turned into text), and it holds no control characters other than tab, line feed and
 * carriage return (a NUL or an escape sequence is never something a person typed, and shows as nothing
 * or breaks what is made of the text later). A refusal names the field (see {@link ProblemDetailsAdvice}).
 */
public final class TextFields {

    /** The characters a text field may not hold, as {@link RequestParametersFilter} refuses them in parameters. */
    public static final Pattern NOT_ALLOWED = Pattern.compile("[\\p{Cc}&&[^\\t\\r\\n]]");
    static final String NOT_TEXT = "must be text";
    static final String CHARACTER_NOT_ALLOWED = "contains a character that is not allowed";

    private TextFields() {
    }

    /** A Jackson module with the rule, registered with the services' JSON mapper. */
    public static SimpleModule module() {
        return new SimpleModule("portal-text-fields").addDeserializer(String.class, new StrictText());
    }

    /** The rule for text parameters bound by Spring MVC (multipart fields among them, which no filter reads). */
    static final class ParameterEditor extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (text != null && NOT_ALLOWED.matcher(text).find()) {
                throw new Refused();
            }
            setValue(text);
        }
    }

    /** Whether a failed conversion was this rule's refusal. */
    static boolean refused(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refused) {
                return true;
            }
        }
        return false;
    }

    private static final class Refused extends IllegalArgumentException {
        Refused() {
            super(CHARACTER_NOT_ALLOWED);
        }
    }

    static final class StrictText extends StdScalarDeserializer<String> {

        StrictText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw MismatchedInputException.from(parser, String.class, NOT_TEXT);
            }
            String text = parser.getString();
            if (NOT_ALLOWED.matcher(text).find()) {
                throw InvalidFormatException.from(parser, CHARACTER_NOT_ALLOWED, "", String.class);
            }
            return text;
        }
    }
}
