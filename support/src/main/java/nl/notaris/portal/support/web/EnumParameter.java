package nl.notaris.portal.support.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Parses enum values a caller sends (query parameters, form fields, JSON strings), case-insensitive;
 * an unknown value is a 400 that names the field and the values it accepts.
 */
public final class EnumParameter {

    private EnumParameter() {
    }

    public static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        String wanted = value == null ? "" : value.trim();
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(wanted)) {
                return constant;
            }
        }
        throw new InvalidRequestException(field, (wanted.isEmpty() ? field + " is required" : "Unknown " + field
                + " '" + wanted + "'") + ". Use one of: " + names(type) + ".");
    }

    /** Like {@link #parse}, for a value that may be left out. */
    public static <E extends Enum<E>> E parseOr(Class<E> type, String field, String value, E absent) {
        return value == null || value.isBlank() ? absent : parse(type, field, value);
    }

    /** Several values, each possibly comma-separated ({@code status=A,B&status=C}); {@code absent} when none. */
    public static <E extends Enum<E>> Set<E> parseAll(Class<E> type, String field, Collection<String> values,
            Set<E> absent) {
        if (values == null || values.stream().allMatch(v -> v == null || v.isBlank())) {
            return absent;
        }
        Set<E> parsed = EnumSet.noneOf(type);
        for (String value : values) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    parsed.add(parse(type, field, part));
                }
            }
        }
        return parsed;
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
