package nl.notaris.portal.identity.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AdviserNameTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Bram Hypotheek             | Bram         | Hypotheek",
            "'  Bram   Hypotheek  '     | Bram         | Hypotheek",
            "Anna de Vries              | Anna         | de Vries",
            "Jan van der Berg           | Jan          | van der Berg",
            "Ella van 't Hoff           | Ella         | van 't Hoff",
            "Anna Maria Bakker          | Anna Maria   | Bakker",
            "Anna Van Dam               | Anna Van     | Dam",
            "van Dam                    | van          | Dam",
            "Cher                       | Cher         | ''" })
    void theLastWordWithItsParticlesIsTheLastNameAndOneWordIsAFirstName(String typed, String first, String last) {
        assertThat(AdviserName.of(typed)).isEqualTo(new AdviserName(first, last));
    }
}
