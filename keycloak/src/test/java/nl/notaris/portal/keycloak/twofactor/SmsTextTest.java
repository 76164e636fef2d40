package nl.notaris.portal.keycloak.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class SmsTextTest {

    private static Properties login(String language) throws Exception {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(SmsTextTest.class.getResourceAsStream(
                "/theme/notary-portal/login/messages/messages_" + language + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void theTextInDutchAndEnglish() throws Exception {
        assertThat(SmsText.format(login("nl"), Locale.forLanguageTag("nl"), "012345"))
                .isEqualTo("Uw verificatiecode voor het klantenportaal is 012345. De code is 5 minuten geldig.");
        assertThat(SmsText.format(login("en"), Locale.forLanguageTag("en"), "123456"))
                .isEqualTo("Your verification code for the client portal is 123456. It is valid for 5 minutes.");
        assertThat(SmsText.format(new Properties(), Locale.ROOT, "123456"))
                .isEqualTo("Uw verificatiecode voor het klantenportaal is 123456. De code is 5 minuten geldig.");
    }

    @Test
    void theAccountsLanguageElseTheRealmsDefaultElseDutch() {
        List<String> supported = List.of("nl", "en");

        assertThat(SmsText.language("en", supported, "nl")).isEqualTo(Locale.ENGLISH);
        assertThat(SmsText.language("nl", supported, "nl")).isEqualTo(Locale.forLanguageTag("nl"));
        assertThat(SmsText.language(null, supported, "nl")).isEqualTo(Locale.forLanguageTag("nl"));
        assertThat(SmsText.language("de", supported, "nl")).as("not offered by the realm").isEqualTo(Locale.forLanguageTag("nl"));
        assertThat(SmsText.language(null, supported, null)).isEqualTo(Locale.forLanguageTag("nl"));
    }

    @Test
    void fitsInOneTextMessage() throws Exception {
        for (String language : new String[] {"nl", "en"}) {
            String text = SmsText.format(login(language), Locale.forLanguageTag(language), "123456");
            assertThat(text.length()).as(language).isLessThanOrEqualTo(160);
            assertThat(text).matches("[\\x20-\\x7e]+");
        }
    }
}
