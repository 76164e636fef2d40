package nl.notaris.portal.support.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

class EnumParameterTest {

    enum Colour {
        RED, GREEN
    }

    @Test
    void parsesCaseInsensitiveAndTrimmed() {
        assertThat(EnumParameter.parse(Colour.class, "colour", " green ")).isEqualTo(Colour.GREEN);
        assertThat(EnumParameter.parseOr(Colour.class, "colour", null, Colour.RED)).isEqualTo(Colour.RED);
    }

    @Test
    void anUnknownValueNamesTheFieldAndTheAcceptedValues() {
        assertThatThrownBy(() -> EnumParameter.parse(Colour.class, "colour", "blue"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("Unknown colour 'blue'. Use one of: RED, GREEN.")
                .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("colour"));
        assertThatThrownBy(() -> EnumParameter.parse(Colour.class, "colour", ""))
                .hasMessage("colour is required. Use one of: RED, GREEN.");
    }

    @Test
    void severalValuesMayBeRepeatedOrCommaSeparated() {
        assertThat(EnumParameter.parseAll(Colour.class, "colour", Arrays.asList("red,GREEN", "red"), EnumSet.noneOf(Colour.class)))
                .containsExactlyInAnyOrder(Colour.RED, Colour.GREEN);
        assertThat(EnumParameter.parseAll(Colour.class, "colour", null, EnumSet.of(Colour.RED))).containsExactly(Colour.RED);
        assertThatThrownBy(() -> EnumParameter.parseAll(Colour.class, "colour", List.of("red,pink"), EnumSet.noneOf(Colour.class)))
                .hasMessageContaining("'pink'");
    }
}
