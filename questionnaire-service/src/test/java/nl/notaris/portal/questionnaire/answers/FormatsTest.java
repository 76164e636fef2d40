package nl.notaris.portal.questionnaire.answers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatsTest {

    // Which values each format accepts: scripts/questionnaires/validation-edge-cases.json ("formats"), run here and in
    // the web app (SharedValidationCasesTest, sharedValidationCases.test.ts).

    @Test
    void aFormatThePortalDoesNotKnowHoldsForEveryValue() {
        assertThat(Formats.matches("kvk", "whatever")).isTrue();
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
