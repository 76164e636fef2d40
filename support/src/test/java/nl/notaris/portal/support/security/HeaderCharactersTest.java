package nl.notaris.portal.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;


/** The loops answer as Spring Security's regular expressions (copied from StrictHttpFirewall) for every code point. */
class HeaderCharactersTest {

    static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void headerNamesAsTheFirewallsPattern() {
        assertSameAnswers(HeaderCharacters::assignedAndNotControl, NAMES);
    }

    @Test
    void headerValuesAsTheFirewallsPattern() {
        assertSameAnswers(HeaderCharacters::headerValue, VALUES);
    }

    @Test
    void theFirewallRefusesAControlCharacterInAValueAndLetsATokenPass() {
        var request = new MockHttpServletRequest("GET", "/api/dossiers");
        request.addHeader("Authorization", "Bearer eyJ.abc-_~+/=");
        request.addHeader("X-Bad", "a\u0007b");
        var firewalled = HeaderCharacters.firewall().getFirewalledRequest(request);

        assertThat(firewalled.getHeader("Authorization")).isEqualTo("Bearer eyJ.abc-_~+/=");
        assertThatThrownBy(() -> firewalled.getHeader("X-Bad")).isInstanceOf(RequestRejectedException.class);
    }

    private static void assertSameAnswers(Predicate<String> loop, Pattern pattern) {
        List<String> texts = new ArrayList<>(List.of("", "Bearer abc", "a\tb", "a\nb", "\u0000", "\u007f", "\u0085",
                "caf\u00e9 \ud83d\ude00", "\ud83d", "x\ude00y", "\ud83d\ud83d", "\u0378"));
        for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
            texts.add("a" + Character.toString(codePoint) + "b");
        }
        List<String> differing = texts.stream()
                .filter(text -> loop.test(text) != pattern.matcher(text).matches()).toList();
        assertThat(differing).isEmpty();
        assertThat(texts).filteredOn(loop).hasSizeBetween(100_000, texts.size() - 1000);
    }
}
