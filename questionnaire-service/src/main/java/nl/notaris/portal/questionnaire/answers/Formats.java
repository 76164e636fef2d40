package nl.notaris.portal.questionnaire.answers;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The answer formats that matter at a notary's office. The web app checks the same formats with the
 * same rules before it sends a page; the server checks again, so the rules hold either way.
 */
public final class Formats {

    private static final Pattern POSTCODE = Pattern.compile("[1-9][0-9]{3} ?[A-Za-z]{2}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ()-]+");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}");

    private Formats() {
    }

    public static boolean matches(String format, String value) {
        return switch (format) {
            case "postcode" -> POSTCODE.matcher(value.trim()).matches();
            case "iban" -> iban(value);
            case "bsn" -> bsn(value);
            case "email" -> EMAIL.matcher(value.trim()).matches();
            case "phone" -> phone(value);
            case "date" -> date(value);
            default -> true;
        };
    }

    /**
     * A Dutch postcode as it is written: four digits, a space, two capitals ("1015cj" becomes "1015 CJ"); anything
     * that is no postcode stays as it is, for the check to refuse.
     */
    public static String tidyPostcode(String value) {
        String postcode = value.strip();
        if (!POSTCODE.matcher(postcode).matches()) {
            return value;
        }
        String compact = postcode.replace(" ", "").toUpperCase(Locale.ROOT);
        return compact.substring(0, 4) + " " + compact.substring(4);
    }

    /** ISO 13616: letters and digits, the check digits make the number mod 97 equal 1. */
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
        String bsn = value.trim();
        if (!bsn.matches("[0-9]{9}") || bsn.equals("000000000")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (9 - i) * (bsn.charAt(i) - '0');
        }
        sum -= bsn.charAt(8) - '0';
        return sum % 11 == 0;
    }

    static boolean phone(String value) {
        String phone = value.trim();
        long digits = phone.chars().filter(Character::isDigit).count();
        return PHONE.matcher(phone).matches() && digits >= 8 && digits <= 15;
    }

    static boolean date(String value) {
        try {
            java.time.LocalDate.parse(value);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }
}
