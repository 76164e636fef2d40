package nl.notaris.portal.keycloak.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;

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

    @Test
    void theWordsOfTwoStepVerification() throws Exception {
        Properties nl = load("login", "nl");
        Properties en = load("login", "en");

        assertThat(nl.getProperty("portalSmsResendButton")).isEqualTo("Code opnieuw versturen");
        assertThat(nl.getProperty("portalSmsUseRecoveryCodeButton")).isEqualTo("Herstelcode gebruiken");
        assertThat(nl.getProperty("portalSmsCodeLabel")).isEqualTo("Code");
        assertThat(nl.getProperty("doLogIn")).isEqualTo("Inloggen");
        assertThat(nl.getProperty("portalRecoveryCodeSavedButton")).isEqualTo("Ik heb de herstelcode bewaard");
        assertThat(nl.getProperty("portalSmsUseAppButton")).isEqualTo("Gebruik een authenticator-app");
        assertThat(MessageFormat.format(nl.getProperty("portalSmsCodeWrong"), 3))
                .isEqualTo("Deze code klopt niet. U kunt het nog 3 keer proberen.");
        assertThat(new MessageFormat(en.getProperty("portalSmsCodeWrong"), Locale.ENGLISH).format(new Object[] {1}))
                .isEqualTo("This code is not correct. You can try once more.");
        assertThat(new MessageFormat(en.getProperty("portalSmsCodeWrong"), Locale.ENGLISH).format(new Object[] {4}))
                .isEqualTo("This code is not correct. You can try 4 more times.");
        assertThat(nl.getProperty("portalSmsNotSent"))
                .isEqualTo("Het versturen van de sms is niet gelukt. Probeer het over een paar minuten opnieuw.");
        assertThat(MessageFormat.format(nl.getProperty("portalSmsText"), "123456"))
                .isEqualTo("Uw verificatiecode voor het klantenportaal is 123456. De code is 5 minuten geldig.");
        assertThat(MessageFormat.format(en.getProperty("portalSmsText"), "123456"))
                .isEqualTo("Your verification code for the client portal is 123456. It is valid for 5 minutes.");
        assertThat(new MessageFormat(nl.getProperty("portalSmsTooSoon"), Locale.ROOT).format(new Object[] {1L}))
                .isEqualTo("U kunt over 1 seconde opnieuw een code laten versturen.");
        assertThat(new MessageFormat(nl.getProperty("portalSmsTooMany"), Locale.ROOT).format(new Object[] {12L, 5}))
                .isEqualTo("U heeft het afgelopen uur al 5 codes laten versturen. Probeer het over 12 minuten opnieuw.");
        // Names Keycloak shows for the credential types (account console, "choose how to sign in").
        for (Properties messages : new Properties[] {nl, en}) {
            assertThat(messages).containsKeys("portal-sms-display-name", "portal-sms-help-text",
                    "portal-recovery-code-display-name", "portal-recovery-code-help-text");
        }
    }

    /** Keycloak's own messages of a theme type with ours over them: what its pages and e-mails can show. */
    static Properties shown(String type, String language) throws Exception {
        Properties merged = new Properties();
        try (Reader reader = new InputStreamReader(ThemeMessagesTest.class.getResourceAsStream(
                "/theme/base/" + type + "/messages/messages_" + language + ".properties"), StandardCharsets.UTF_8)) {
            merged.load(reader);
        }
        merged.putAll(load(type, language));
        return merged;
    }

    @Test
    void oneTermForTwoStepVerificationAsInTheManual() throws Exception {
        Pattern otherWords = Pattern.compile(
                "(?i)twee[- ]?staps|twee[- ]?factor|two[- ]?step|two[- ]?factor|\\b2fa\\b|2-staps(?! verificatie)|2-step(?! verification)");
        for (String type : new String[] {"login", "email"}) {
            for (String language : new String[] {"nl", "en"}) {
                Properties shown = shown(type, language);
                for (String key : shown.stringPropertyNames()) {
                    assertThat(shown.getProperty(key)).as(type + " " + language + " " + key).doesNotContainPattern(otherWords);
                }
            }
        }
        assertThat(load("login", "nl").getProperty("portalSmsSetupTitle")).isEqualTo("2-staps verificatie met sms instellen");
        assertThat(load("login", "en").getProperty("portalSmsSetupTitle")).isEqualTo("Set up 2-step verification by text message");
        assertThat(load("login", "nl").getProperty("loginTotpIntro")).contains("2-staps verificatie");
        assertThat(load("email", "nl").getProperty("requiredAction.CONFIGURE_TOTP")).isEqualTo("2-staps verificatie instellen");
        assertThat(load("email", "en").getProperty("requiredAction.CONFIGURE_TOTP")).isEqualTo("set up 2-step verification");
    }

    @Test
    void languagesAreNamedInTheirOwnLanguageWhateverThePagesLanguage() throws Exception {
        for (String language : new String[] {"nl", "en"}) {
            Properties login = load("login", language);
            assertThat(login.getProperty("locale_nl")).as(language).isEqualTo("Nederlands");
            assertThat(login.getProperty("locale_en")).as(language).isEqualTo("English");
        }
    }

    @Test
    void theFirstPasswordIsAWelcomeAndNobodyIsToldToChangeAPassword() throws Exception {
        Properties nl = load("login", "nl");
        Properties en = load("login", "en");

        assertThat(nl.getProperty("portalFirstPasswordTitle")).isEqualTo("Kies uw wachtwoord");
        assertThat(en.getProperty("portalFirstPasswordTitle")).isEqualTo("Choose your password");
        assertThat(nl.getProperty("portalFirstPasswordWelcome"))
                .isEqualTo("Welkom bij het klantenportaal. Kies een wachtwoord om uw account te activeren.");
        for (String key : new String[] {"resetPasswordMessage", "updatePasswordMessage"}) {
            assertThat(shown("login", "nl").getProperty(key)).as(key).doesNotContain("wijzigen");
            assertThat(shown("login", "en").getProperty(key)).as(key).doesNotContain("change your password");
        }
    }
}
