package nl.notaris.portal.support.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's firewall as it is, with its checks of header names, header values and parameter names
 * as a loop over the characters: the same rule as its regular expressions ({@code
 * [\p{IsAssigned}&&[^\p{IsControl}]]*}, values also allowing a tab), which it runs again on every read of
 * a header and which, on the 1.2 KB bearer token each call carries, cost about 4 % of a list call's CPU.
 * {@code HeaderCharactersTest} holds the two to the same answer for every code point.
 */
final class HeaderCharacters {

    private HeaderCharacters() {
    }

    static StrictHttpFirewall firewall() {
        var firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderCharacters::assignedAndNotControl);
        firewall.setAllowedHeaderValues(HeaderCharacters::headerValue);
        firewall.setAllowedParameterNames(HeaderCharacters::assignedAndNotControl);
        return firewall;
    }

    /** Every code point assigned in Unicode and none a control character. */
    static boolean assignedAndNotControl(String text) {
        return allowed(text, false);
    }

    /** As {@link #assignedAndNotControl}, with tabs. */
    static boolean headerValue(String text) {
        return allowed(text, true);
    }

    private static boolean allowed(String text, boolean tab) {
        for (int i = 0; i < text.length();) {
            char c = text.charAt(i);
            if (c >= ' ' && c < 0x7f) {
                i++; // printable ASCII, nearly every character a header holds
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tab && codePoint == '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
