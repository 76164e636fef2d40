package nl.notaris.portal.keycloak.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0612345678          | +31612345678",
        "06 12345678         | +31612345678",
        "06-123 456 78       | +31612345678",
        "(06) 12 34 56 78    | +31612345678",
        "+31612345678        | +31612345678",
        "+31 6 1234 5678     | +31612345678",
        "+31 (0)6 12345678   | +31612345678",
        "+31 06 12345678     | +31612345678",
        "0031612345678       | +31612345678",
        "00 31 6 12 34 56 78 | +31612345678",
        "+32 470 12 34 56    | +32470123456",
        "+44 7700 900123     | +447700900123",
        "0049 151 12345678   | +4915112345678",
        "+1 415 555 0100     | +14155550100",
    })
    void dutchMobileAndInternationalNumbersBecomeE164(String typed, String e164) {
        assertThat(PhoneNumbers.normalise(typed)).contains(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "06", "061234567", "06123456789", "0201234567", "+31201234567", "+3161234567",
        "+316123456789", "0800 1234", "12345678", "+0612345678", "+123", "+1234567890123456",
        "06 1234 567a", "tel:0612345678", "+31 6 12345678 ext 2",
    })
    void refusesWhatCannotReceiveATextMessage(String typed) {
        assertThat(PhoneNumbers.normalise(typed)).isEmpty();
    }

    @Test
    void nullIsNoNumber() {
        assertThat(PhoneNumbers.normalise(null)).isEmpty();
    }

    @Test
    void maskedShowsOnlyEnoughToRecogniseTheNumber() {
        assertThat(PhoneNumbers.masked("+31612345678")).isEqualTo("+31 6 •••• ••78");
        assertThat(PhoneNumbers.masked("+32470123456")).isEqualTo("+32 •••• ••• 56").doesNotContain("470", "1234");
        assertThat(PhoneNumbers.masked(null)).isEqualTo("••••");
    }
}
