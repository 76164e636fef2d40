package nl.notaris.portal.phonenumbers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The values of {@code phone-numbers.csv}: what is a phone number, its E.164 form, text messages, the mask. */
class PhoneNumbersTest {

    private static final String NONE = "-";

    @ParameterizedTest(name = "{0} → {1}, text messages: {2}, shown as {3}")
    @CsvFileSource(resources = "phone-numbers.csv", delimiter = '|')
    void theNumbersAsTyped(String typed, String normalised, String textMessages, String masked) {
        if (NONE.equals(normalised)) {
            assertThat(PhoneNumbers.normalise(typed)).isEmpty();
            assertThat(PhoneNumbers.normaliseMobile(typed)).isEmpty();
            return;
        }
        assertThat(PhoneNumbers.normalise(typed)).contains(normalised);
        if ("yes".equals(textMessages)) {
            assertThat(PhoneNumbers.normaliseMobile(typed)).contains(normalised);
        } else {
            assertThat(PhoneNumbers.normaliseMobile(typed)).isEmpty();
        }
        assertThat(PhoneNumbers.masked(normalised)).isEqualTo(masked);
        // the E.164 form is a phone number too, and stays as it is
        assertThat(PhoneNumbers.normalise(normalised)).contains(normalised);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t", "+", "()", "00000000000000000000000000000000000000000", "06 12345678                              x"})
    void nothingOrTooMuchIsNoNumber(String typed) {
        assertThat(PhoneNumbers.normalise(typed)).isEmpty();
        assertThat(PhoneNumbers.normaliseMobile(typed)).isEmpty();
    }

    @Test
    void spacesAroundTheNumberDoNotCount() {
        assertThat(PhoneNumbers.normaliseMobile("  06 12345678\u00a0")).contains("+31612345678");
    }

    @Test
    void aMaskNeverShowsMoreThanTheCountryCodeAndThreeDigits() {
        assertThat(PhoneNumbers.masked("+31612345678")).doesNotContain("1234", "345", "56");
        assertThat(PhoneNumbers.masked("+32470123456")).doesNotContain("470", "123");
    }

    /** Also a number stored before this rule, that it would no longer take, is masked the same way. */
    @Test
    void aStoredNumberThatIsNoLongerValidIsStillMasked() {
        assertThat(PhoneNumbers.masked("+31601234567")).isEqualTo("+31 6 •••• ••67");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"+3212", "+31", "0612345678", "+", "+abc", "nonsense"})
    void whatCannotBeMaskedIsHiddenWhole(String stored) {
        assertThat(PhoneNumbers.masked(stored)).isEqualTo(PhoneNumbers.HIDDEN);
    }
}
