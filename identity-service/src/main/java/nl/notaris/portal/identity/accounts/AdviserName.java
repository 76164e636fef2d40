package nl.notaris.portal.identity.accounts;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one name a client types for an adviser, split the way Keycloak and the office's list keep names:
 * the last word is the last name, together with the lower-case name particles right before it ("Anna de
 * Vries" → "Anna" + "de Vries", "Jan van der Berg" → "Jan" + "van der Berg"); everything before is the
 * first name. A single word is a first name without a last name: Keycloak requires a last name only when
 * a user edits the profile, which advisers cannot (the realm lets only admins edit names).
 */
record AdviserName(String firstName, String lastName) {

    private static final Set<String> PARTICLES = Set.of("van", "von", "de", "der", "den", "het", "'t", "te", "ten",
            "ter", "in", "op", "aan", "bij", "uit", "la", "le", "du", "da", "di", "del", "des", "el");

    static AdviserName of(String name) {
        List<String> words = Arrays.asList(name.strip().split("\\s+"));
        if (words.size() == 1) {
            return new AdviserName(words.get(0), "");
        }
        int lastNameStart = words.size() - 1;
        while (lastNameStart > 1 && PARTICLES.contains(words.get(lastNameStart - 1).toLowerCase(Locale.ROOT))
                && words.get(lastNameStart - 1).equals(words.get(lastNameStart - 1).toLowerCase(Locale.ROOT))) {
            lastNameStart--;
        }
        return new AdviserName(String.join(" ", words.subList(0, lastNameStart)),
                String.join(" ", words.subList(lastNameStart, words.size())));
    }
}
