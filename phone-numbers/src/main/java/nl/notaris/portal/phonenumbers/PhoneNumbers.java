package nl.notaris.portal.phonenumbers;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * The portal's one rule for phone numbers, Google's libphonenumber underneath: the same in identity-service (an
 * account's phone number), in Keycloak (the number of two-step verification by SMS) and in questionnaire-service (the
 * answer format {@code phone}; the web app checks it with libphonenumber-js on the same metadata).
 *
 * <p>A phone number is typed with digits, spaces, dashes, dots and brackets, a leading {@code +} or {@code 00}
 * before a country code, without it a Dutch number ({@code 06 12345678}, {@code 020 123 4567}); a trunk zero
 * after the country code is dropped ({@code +31 (0)6…}, {@code +31 06…}). It counts when libphonenumber knows it
 * as a valid number of its country (not merely the right length), and is kept in E.164 ({@code +31612345678}).
 * Letters, extensions and {@code tel:} are no phone number.
 */
public final class PhoneNumbers {

    /** Numbers without a country code are Dutch. */
    public static final String DEFAULT_REGION = "NL";

    /** What is shown for a number that cannot be masked (none, or too short to hide anything). */
    public static final String HIDDEN = "••••";

    private static final int MAX_TYPED_LENGTH = 40;
    private static final Pattern TYPED = Pattern.compile("\\+?[0-9\\s\\p{Z}\\-./()]+");
    /** A mobile number; libphonenumber cannot tell the two apart in some countries (+1). */
    private static final Set<PhoneNumberType> TEXT_MESSAGES = EnumSet.of(PhoneNumberType.MOBILE,
            PhoneNumberType.FIXED_LINE_OR_MOBILE);
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {
    }

    /** The number as typed in E.164, when it is a phone number. */
    public static Optional<String> normalise(String typed) {
        return parse(typed).map(PhoneNumbers::e164);
    }

    /**
     * As {@link #normalise}, for a number that can receive a text message: a mobile number (not a landline,
     * 0800, 0900, 085 or pager number).
     */
    public static Optional<String> normaliseMobile(String typed) {
        return parse(typed).filter(number -> TEXT_MESSAGES.contains(UTIL.getNumberType(number)))
                .map(PhoneNumbers::e164);
    }

    /**
     * Enough to recognise one's own number, not enough to read it off: the country code, the first digit of the
     * national number and its last two, the rest hidden in groups of four: {@code +31612345678} →
     * {@code +31 6 •••• ••78}, {@code +4915112345678} → {@code +49 1 •••• ••••78}, {@code +14155550100} →
     * {@code +1 4 •••• •••00}. {@value #HIDDEN} for anything else.
     */
    public static String masked(String e164) {
        if (e164 == null || !e164.startsWith("+")) {
            return HIDDEN;
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(e164, null);
        } catch (NumberParseException notANumber) {
            return HIDDEN;
        }
        String national = UTIL.getNationalSignificantNumber(number);
        if (national.length() < 5) {
            return HIDDEN;
        }
        StringBuilder shown = new StringBuilder("+").append(number.getCountryCode()).append(' ')
                .append(national.charAt(0)).append(' ');
        int hidden = national.length() - 3;
        for (int i = 0; i < hidden; i++) {
            if (i > 0 && i % 4 == 0) {
                shown.append(' ');
            }
            shown.append('•');
        }
        return shown.append(national, national.length() - 2, national.length()).toString();
    }

    private static Optional<PhoneNumber> parse(String typed) {
        if (typed == null || typed.length() > MAX_TYPED_LENGTH) {
            return Optional.empty();
        }
        String trimmed = typed.strip();
        if (!TYPED.matcher(trimmed).matches() || trimmed.chars().noneMatch(Character::isDigit)) {
            return Optional.empty();
        }
        try {
            PhoneNumber number = UTIL.parse(trimmed, DEFAULT_REGION);
            return number.hasExtension() || !UTIL.isValidNumber(number) ? Optional.empty() : Optional.of(number);
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }

    private static String e164(PhoneNumber number) {
        return UTIL.format(number, PhoneNumberFormat.E164);
    }
}
