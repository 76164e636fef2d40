package nl.notaris.portal.questionnaire.answers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsTest {

    @ParameterizedTest
    @CsvSource({
            "postcode, 1012 AB, true", "postcode, 1012ab, true", "postcode, 0123 AB, false", "postcode, 1012 A, false",
            "postcode, 10123 AB, false",
            "iban, NL91ABNA0417164300, true", "iban, NL91 ABNA 0417 1643 00, true", "iban, nl91abna0417164300, true",
            "iban, NL91ABNA0417164301, false", "iban, NL92ABNA0417164300, false", "iban, NL91ABNA04171643, false",
            "iban, DE89370400440532013000, true",
            "bsn, 111222333, true", "bsn, 123456782, true", "bsn, 123456789, false", "bsn, 000000000, false",
            "bsn, 11122233, false", "bsn, 11122233a, false",
            "email, anna@example.com, true", "email, anna@example, false", "email, anna example.com, false",
            "phone, 020-1234567, true", "phone, +31 6 12345678, true", "phone, 1234, false", "phone, 06-abc45678, false",
            "date, 2026-02-28, true", "date, 2026-02-30, false", "date, 28-02-2026, false" })
    void eachFormatKeepsItsRule(String format, String value, boolean valid) {
        assertThat(Formats.matches(format, value)).as("%s %s", format, value).isEqualTo(valid);
    }

    @ParameterizedTest
    @CsvSource({ "1015cj, 1015 CJ", "1015 cj, 1015 CJ", "1015CJ, 1015 CJ", "' 1015 Cj ', 1015 CJ", "1015 CJ, 1015 CJ" })
    void aPostcodeIsWrittenWithASpaceAndCapitals(String typed, String tidy) {
        assertThat(Formats.tidyPostcode(typed)).isEqualTo(tidy);
    }

    @ParameterizedTest
    @CsvSource({ "0123 AB", "1015 C", "10155 CJ", "1015-CJ", "CJ 1015", "1015 C1" })
    void whatIsNoPostcodeIsLeftAsItIsForTheCheckToRefuse(String typed) {
        assertThat(Formats.tidyPostcode(typed)).isEqualTo(typed);
        assertThat(Formats.matches("postcode", typed)).isFalse();
    }
}
