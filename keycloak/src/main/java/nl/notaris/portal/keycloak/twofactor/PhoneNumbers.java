package nl.notaris.portal.keycloak.twofactor;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Mobile numbers as clients type them, normalised to E.164 ({@code +31612345678}).
 *
 * <p>Accepted: Dutch mobile numbers ({@code 06 12345678}, {@code +31 6 12345678}, {@code 0031 6…},
 * {@code +31 (0)6…}) and international numbers in E.164 ({@code +} or {@code 00}, country code, at
 * most 15 digits). Other Dutch numbers (landlines, 0800, …) cannot receive a text message and are
 * refused. Spaces, dashes, dots and brackets are ignored.
 */
public final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-./()]");
    private static final Pattern DUTCH_MOBILE = Pattern.compile("\\+316\\d{8}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");

    private PhoneNumbers() {
    }

    public static Optional<String> normalise(String input) {
        if (input == null || input.length() > 40) {
            return Optional.empty();
        }
        // "+31 (0)6 ..." : the trunk zero in brackets is not dialled after the country code.
        String number = SEPARATORS.matcher(input.trim().replace("(0)", "")).replaceAll("");
        if (number.startsWith("00")) {
            number = "+" + number.substring(2);
        } else if (number.startsWith("06")) {
            number = "+31" + number.substring(1);
        }
        if (number.startsWith("+310")) {
            // "+31 06 ...": a trunk zero typed after the country code.
            number = "+31" + number.substring(4);
        }
        if (number.startsWith("+31")) {
            return DUTCH_MOBILE.matcher(number).matches() ? Optional.of(number) : Optional.empty();
        }
        return E164.matcher(number).matches() ? Optional.of(number) : Optional.empty();
    }

    /**
     * Enough to recognise one's own number, not enough to read it off: {@code +31612345678} →
     * {@code +31 6 •••• ••78}; other numbers keep {@code +} and two digits at the start and two at the end.
     */
    public static String masked(String e164) {
        if (e164 == null || e164.length() < 6) {
            return "••••";
        }
        String last = e164.substring(e164.length() - 2);
        if (DUTCH_MOBILE.matcher(e164).matches()) {
            return "+31 6 •••• ••" + last;
        }
        StringBuilder hidden = new StringBuilder();
        for (int i = 0; i < e164.length() - 5; i++) {
            if (i > 0 && i % 4 == 0) {
                hidden.append(' ');
            }
            hidden.append('•');
        }
        return e164.substring(0, 3) + " " + hidden + " " + last;
    }
}
