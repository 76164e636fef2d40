package nl.notaris.portal.identity.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "+31612345678, +31 6 •••• ••78", "+4915112345678, +49 •••••••••78", "+3212, ••••", "null, ••••" })
    void showsOnlyTheStartAndTheLastTwoDigits(String number, String shown) {
        assertThat(PhoneNumbers.masked(number)).isEqualTo(shown);
    }
}
