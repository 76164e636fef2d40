package nl.notaris.portal.keycloak.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ThemeMessagesTest {

    static Properties load(String type, String language) throws Exception {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(ThemeMessagesTest.class.getResourceAsStream(
                "/theme/notary-portal/" + type + "/messages/messages_" + language + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"login", "email"})
    void dutchAndEnglishHaveTheSameKeysAndAllFormat(String type) throws Exception {
        Properties nl = load(type, "nl");
        Properties en = load(type, "en");

        assertThat(nl.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (Properties messages : new Properties[] {nl, en}) {
            for (String key : messages.stringPropertyNames()) {
                // MessageFormat as Keycloak uses it: a stray apostrophe would swallow the parameters.
                String formatted = new MessageFormat(messages.getProperty(key), Locale.ROOT).format(new Object[] {12, "x"});
                assertThat(formatted).as(key).doesNotContain("{0}").isNotBlank();
            }
        }
    }

    @Test
    void theWordsOfTheManualAndTheBrief() throws Exception {
        Properties nl = load("login", "nl");
        Properties en = load("login", "en");

        assertThat(nl.getProperty("doForgotPassword")).isEqualTo("Wachtwoord vergeten");
        assertThat(en.getProperty("doForgotPassword")).isEqualTo("Forgot password");
        assertThat(nl.getProperty("portalSetPasswordButton")).isEqualTo("Instellen wachtwoord");
        assertThat(en.getProperty("portalSetPasswordButton")).isEqualTo("Set password");
        assertThat(MessageFormat.format(nl.getProperty("portalPasswordRules"), "12"))
                .startsWith("Minimaal 12 tekens, niet uw e-mailadres, geen veelgebruikt wachtwoord");
        assertThat(MessageFormat.format(en.getProperty("portalPasswordRules"), "12"))
                .startsWith("At least 12 characters, not your email address, not a commonly used password");
        assertThat(nl.getProperty("expiredActionMessage")).isEqualTo("Deze link is verlopen of al gebruikt.");
        assertThat(nl.getProperty("expiredActionTokenNoSessionMessage")).isEqualTo("Deze link is verlopen of al gebruikt.");
        assertThat(nl.getProperty("portalLinkInvalidMessage")).isEqualTo("Deze link is verlopen of al gebruikt.");
        assertThat(nl.getProperty("accountUpdatedMessage")).isEqualTo("Uw wachtwoord is ingesteld.");
        // The neutral answer says nothing about whether the address exists.
        assertThat(nl.getProperty("emailSentMessage")).startsWith("Als dit e-mailadres bij ons bekend is");
        assertThat(en.getProperty("emailSentMessage")).startsWith("If we know this email address");
    }

    @Test
    void everyPasswordPolicyOfTheRealmHasAPlainWordsReason() throws Exception {
        for (String language : new String[] {"nl", "en"}) {
            Properties login = load("login", language);
            assertThat(login).containsKeys("invalidPasswordMinLengthMessage", "invalidPasswordMaxLengthMessage",
                    "invalidPasswordNotEmailMessage", "invalidPasswordNotUsernameMessage",
                    "invalidPasswordBlacklistedMessage", "notMatchPasswordMessage", "missingPasswordMessage");
        }
    }
}
