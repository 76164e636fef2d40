package nl.notaris.portal.identity.twofactor;

/** Phone numbers as the portal shows them: enough to recognise one's own number, not enough to read it off. */
final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** {@code +31612345678} → {@code +31 6 •••• ••78}; other numbers keep their first three and last two characters. */
    static String masked(String e164) {
        if (e164 == null || e164.length() < 6) {
            return "••••";
        }
        String last = e164.substring(e164.length() - 2);
        if (e164.startsWith("+316") && e164.length() == 12) {
            return "+31 6 •••• ••" + last;
        }
        return e164.substring(0, 3) + " " + "•".repeat(e164.length() - 5) + last;
    }
}
