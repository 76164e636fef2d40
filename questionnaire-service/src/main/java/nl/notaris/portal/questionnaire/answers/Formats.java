package nl.notaris.portal.questionnaire.answers;

import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import nl.notaris.portal.phonenumbers.PhoneNumbers;

/**
 * The answer formats that matter at a notary's office, by the name the page schemas use. The web app has the same
 * rules in {@code web/src/features/questionnaires/lib/formats.ts}; the cases of
 * {@code scripts/questionnaires/validation-cases.json} run on both, so the two cannot drift apart. A format checks the
 * value as it is: answers are tidied (trimmed, a postcode written as "1015 CJ") before they are checked, on both sides
 * ({@link Answers}), so that what is checked is what is kept. A phone number follows the portal's one phone rule,
 * {@link PhoneNumbers} (module phone-numbers, Google's libphonenumber), as an account's phone number does in
 * identity-service; the web app uses libphonenumber-js with the same metadata, and the rows of phone-numbers' test values
 * are shared validation cases too.
 */
public final class Formats {

    private static final Pattern POSTCODE = Pattern.compile("[1-9][0-9]{3} ?[A-Za-z]{2}");
    /** JSON Schema's {@code email}: dot-separated atoms, "@", dot-separated host labels (at least two). */
    private static final Pattern EMAIL = Pattern.compile("[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?", Pattern.CASE_INSENSITIVE);
    /** Country code, check digits and a BBAN of 11 to 30 letters or digits: 15 (Norway) to 34 characters. */
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    /** Every format the page schemas use: the portal's own, and JSON Schema's email and date. */
    static final Map<String, Predicate<String>> ALL = Map.of(
            "postcode", value -> POSTCODE.matcher(value).matches(),
            "iban", Formats::iban,
            "bsn", Formats::bsn,
            "phone", Formats::phone,
            "email", value -> EMAIL.matcher(value).matches(),
            "date", Formats::date);

    private Formats() {
    }

    /** Whether the value has the format; a format the portal does not know holds for every value. */
    public static boolean matches(String format, String value) {
        Predicate<String> rule = ALL.get(format);
        return rule == null || rule.test(value);
    }

    /**
     * A Dutch postcode as it is written: four digits, a space, two capitals ("1015cj" becomes "1015 CJ"); anything
     * that is no postcode stays as it is, for the check to refuse.
     */
    public static String tidyPostcode(String value) {
        String postcode = Answers.trim(value);
        if (!POSTCODE.matcher(postcode).matches()) {
            return value;
        }
        String compact = postcode.replace(" ", "").toUpperCase(Locale.ROOT);
        return compact.substring(0, 4) + " " + compact.substring(4);
    }

    /**
     * ISO 13616, spaces allowed and case-insensitive: the number with its first four characters moved to the end,
     * letters as 10..35, mod 97 is 1.
     */
    static boolean iban(String value) {
        String iban = value.replace(" ", "").toUpperCase(Locale.ROOT);
        if (!IBAN.matcher(iban).matches()) {
            return false;
        }
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    /** Burgerservicenummer: nine digits passing the eleven-check (9×d1 + 8×d2 + … + 2×d8 − d9 ≡ 0 mod 11). */
    static boolean bsn(String value) {
        if (!value.matches("[0-9]{9}") || value.equals("000000000")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (value.charAt(i) - '0');
        }
        sum -= value.charAt(8) - '0';
        return sum % 11 == 0;
    }

    /**
     * A phone number as {@link PhoneNumbers#normalise} knows one: digits, spaces, dashes, dots and brackets, a leading
     * {@code +} or {@code 00} before a country code (without it a Dutch number), and valid for its country by
     * libphonenumber's metadata, not merely of the right length ({@code 06 12345678} yes, {@code 06 01234567} and
     * {@code 12345678} no); white space around it is allowed. The answer is kept as it was typed (trimmed), not in E.164.
     */
    static boolean phone(String value) {
        return PhoneNumbers.normalise(value).isPresent();
    }

    /** YYYY-MM-DD that exists in the calendar (2024-02-29 yes, 2023-02-29 no). */
    static boolean date(String value) {
        if (!DATE.matcher(value).matches()) {
            return false;
        }
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
