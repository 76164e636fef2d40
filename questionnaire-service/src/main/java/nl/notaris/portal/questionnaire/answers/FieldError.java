package nl.notaris.portal.questionnaire.answers;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One answer that breaks a rule: the question's path ({@code iban}, {@code bewoners[1].naam}), the
 * rule ({@code required}, {@code format}, {@code minimum}, …), for a format which one and for a bound
 * its {@code limit}; the web app shows its own words for each. {@code page} is set when a whole
 * questionnaire was checked.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String page, String field, String code, String format, Number limit, String message) {

    FieldError onPage(String pageId) {
        return new FieldError(pageId, field, code, format, limit, message);
    }
}
