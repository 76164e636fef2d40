package nl.notaris.portal.keycloak.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.keycloak.forms.login.MessageType;
import org.keycloak.theme.beans.MessageFormatterMethod;
import org.keycloak.theme.beans.MessagesPerFieldBean;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateMethodModelEx;

/**
 * Renders the two-step verification pages of the login theme the way Keycloak does: our templates
 * first, then Keycloak's keycloak.v2 and base themes (layout, field and button macros), HTML output
 * format, theme properties and messages merged child over parent.
 */
class LoginTemplatesTest {

    private static final String[] THEMES = {"base", "keycloak.v2", "notary-portal"};

    /** What Keycloak's template.ftl asks of {@code auth} on an authenticator's page. */
    public static final class Auth {
        public boolean showUsername() {
            return true;
        }

        public boolean showResetCredentials() {
            return false;
        }

        public boolean showTryAnotherWayLink() {
            return false;
        }

        public String getAttemptedUsername() {
            return "sanne@example.com";
        }
    }

    /** {@code auth} on "choose how to sign in". */
    public static final class AuthWithSelections {
        private final List<Map<String, String>> selections;

        AuthWithSelections(List<Map<String, String>> selections) {
            this.selections = selections;
        }

        public boolean showUsername() {
            return true;
        }

        public boolean showResetCredentials() {
            return false;
        }

        public boolean showTryAnotherWayLink() {
            return false;
        }

        public String getAttemptedUsername() {
            return "piet@example.com";
        }

        public List<Map<String, String>> getAuthenticationSelections() {
            return selections;
        }
    }

    /** A page to render: the template, the language, the attributes; messages are added by the test. */
    static final class Page {
        final String template;
        final String language;
        final Map<String, Object> model = new HashMap<>();
        final MessagesPerFieldBean fields = new MessagesPerFieldBean();
        Properties messages;

        Page(String template, String language) throws Exception {
            this.template = template;
            this.language = language;
            this.messages = messages(language);
        }

        Page with(String name, Object value) {
            model.put(name, value);
            return this;
        }

        Page fieldError(String field, String key, Object... parameters) {
            fields.addMessage(field, format(key, parameters), MessageType.ERROR);
            return this;
        }

        Page message(String type, String key, Object... parameters) {
            model.put("message", Map.of("type", type, "summary", format(key, parameters)));
            return this;
        }

        private String format(String key, Object... parameters) {
            return new java.text.MessageFormat(messages.getProperty(key, key), Locale.forLanguageTag(language))
                    .format(parameters);
        }

        String render() throws Exception {
            Configuration cfg = new Configuration();
            cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
            List<TemplateLoader> loaders = new ArrayList<>();
            for (int i = THEMES.length - 1; i >= 0; i--) {
                loaders.add(new ClassTemplateLoader(LoginTemplatesTest.class, "/theme/" + THEMES[i] + "/login"));
            }
            cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));

            Locale locale = Locale.forLanguageTag(language);
            Map<String, Object> all = new HashMap<>();
            all.put("properties", properties());
            all.put("msg", new MessageFormatterMethod(locale, messages));
            all.put("advancedMsg", new MessageFormatterMethod(locale, messages));
            all.put("kcSanitize", (TemplateMethodModelEx) arguments -> arguments.get(0).toString());
            all.put("lang", language);
            all.put("locale", Map.of("currentLanguageTag", language, "rtl", false, "supported",
                    supportedLanguages(messages, locale)));
            all.put("realm", Map.of("internationalizationEnabled", true, "displayName", "Klantenportaal notariskantoor",
                    "displayNameHtml", "Klantenportaal notariskantoor", "loginWithEmailAllowed", true,
                    "registrationEmailAsUsername", false, "password", true));
            all.put("url", Map.of("loginAction", "http://localhost:8180/realms/notary-portal/login-actions/authenticate?x=1&y=2",
                    "resourcesPath", "/resources/x/login/notary-portal", "resourcesCommonPath", "/resources/x/common/keycloak",
                    "loginRestartFlowUrl", "http://localhost:8180/restart", "ssoLoginInOtherTabsUrl", "http://localhost:8180/sso",
                    "loginUrl", "http://localhost:8180/login"));
            all.put("darkMode", false);
            all.put("pageId", template.replace(".ftl", ""));
            all.put("messagesPerField", fields);
            all.putAll(model);

            Template t = cfg.getTemplate(template, "UTF-8");
            StringWriter out = new StringWriter();
            t.process(all, out);
            return out.toString();
        }
    }

    /**
     * The language picker as Keycloak fills it (LocaleBean): each realm language labelled with the theme's
     * {@code locale_<tag>} message, which Keycloak itself adds when a theme has none, as the language's name
     * in the page's language with its own name in brackets ("Engels (English)").
     */
    static List<Map<String, String>> supportedLanguages(Properties messages, Locale page) {
        List<Map<String, String>> supported = new ArrayList<>();
        for (String tag : List.of("nl", "en")) {
            Locale language = Locale.forLanguageTag(tag);
            String keycloaks = capitalized(language.getDisplayName(page), page)
                    + (language.equals(page) ? "" : " (" + capitalized(language.getDisplayName(language), language) + ")");
            supported.add(Map.of("label", messages.getProperty("locale_" + tag, keycloaks), "languageTag", tag,
                    "url", "http://localhost/?kc_locale=" + tag));
        }
        return supported;
    }

    private static String capitalized(String name, Locale locale) {
        return name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }

    static Properties messages(String language) throws Exception {
        Properties merged = new Properties();
        load(merged, "/theme/base/login/messages/messages_" + language + ".properties");
        load(merged, "/theme/notary-portal/login/messages/messages_" + language + ".properties");
        return merged;
    }

    static Properties properties() throws Exception {
        Properties merged = new Properties();
        for (String theme : THEMES) {
            load(merged, "/theme/" + theme + "/login/theme.properties");
        }
        return merged;
    }

    private static void load(Properties into, String resource) throws Exception {
        try (Reader reader = new InputStreamReader(LoginTemplatesTest.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8)) {
            Properties properties = new Properties();
            properties.load(reader);
            into.putAll(properties);
        }
    }

    private static Map<String, Object> smsPage(String purpose, String titleKey, String submitKey, boolean recovery) {
        Map<String, Object> sms = new HashMap<>();
        sms.put("purpose", purpose);
        sms.put("titleKey", titleKey);
        sms.put("submitKey", submitKey);
        sms.put("introKey", "disable".equals(purpose) ? "portalSmsDisableIntro" : "portalSmsCodeSentTo");
        sms.put("maskedNumber", "+31 6 •••• ••78");
        sms.put("recoveryCodeOffered", recovery);
        sms.put("contactOffice", "sign-in".equals(purpose) && !recovery);
        sms.put("otherNumberOffered", "setup".equals(purpose));
        return sms;
    }

    /** The page's h1, without the template comment. */
    private static String title(String html) {
        Matcher h1 = Pattern.compile("<h1[^>]*id=\"kc-page-title\">(.*?)</h1>", Pattern.DOTALL).matcher(html);
        assertThat(h1.find()).isTrue();
        return h1.group(1).replaceAll("(?s)<!--.*?-->", "").trim();
    }

    /** Every label names a field that exists, every input, select and button has an accessible name. */
    private static void assertLabelledAndNoMissingMessages(String html) {
        Matcher labels = Pattern.compile("<label for=\"([^\"]+)\"").matcher(html);
        while (labels.find()) {
            assertThat(html).contains("id=\"" + labels.group(1) + "\"");
        }
        Matcher inputs = Pattern.compile("<input id=\"([^\"]+)\" name=\"(?!tryAnotherWay)").matcher(html);
        while (inputs.find()) {
            assertThat(html).as("label of " + inputs.group(1)).contains("<label for=\"" + inputs.group(1) + "\"");
        }
        assertThat(html).doesNotContainPattern("portal[A-Z][A-Za-z]+(?!\\.ftl)\\b(?![\"-])");
        assertThat(html).doesNotContain("${", "???");
    }

    @Test
    void smsCodeAtSignInInDutch() throws Exception {
        String html = new Page("portal-sms-code.ftl", "nl")
                .with("portalSms", smsPage("sign-in", "portalSmsSignInTitle", "doLogIn", true))
                .with("auth", new Auth())
                .fieldError("code", "portalSmsCodeWrong", 3)
                .render();

        assertThat(html).contains("<html", "lang=\"nl\"");
        assertThat(title(html)).isEqualTo("Code uit de sms");
        assertThat(html).contains("We hebben een sms met een code gestuurd naar +31\u00a06\u00a0••••\u00a0••78.");
        assertThat(html).containsPattern("<label for=\"code\"[^>]*>\\s*<span[^>]*>\\s*Code\\s*</span>");
        assertThat(html).contains("autocomplete=\"one-time-code\"", "inputmode=\"numeric\"", "name=\"code\"");
        assertThat(html).contains("Deze code klopt niet. U kunt het nog 3 keer proberen.", "aria-invalid=\"true\"",
                "id=\"input-error-code\"", "aria-describedby=\"portal-sms-intro portal-sms-code-hint input-error-code\"");
        assertThat(html).containsPattern("name=\"login\"[^>]*>\\s*Inloggen\\s*</button>");
        assertThat(html).containsPattern("name=\"resend\"[^>]*>\\s*Code opnieuw versturen\\s*</button>");
        assertThat(html).contains(">Herstelcode gebruiken</button>", "name=\"use-recovery-code\"");
        assertThat(html).contains("action=\"http://localhost:8180/realms/notary-portal/login-actions/authenticate?x=1&amp;y=2\"");
        assertThat(html).contains("sanne@example.com").doesNotContain("Annuleren");
        assertLabelledAndNoMissingMessages(html);
    }

    @Test
    void theSignedInAddressAboveTheSecondStepIsLabelled() throws Exception {
        String html = new Page("portal-recovery-code-form.ftl", "nl").with("portalRecovery", Map.of("smsOffered", true))
                .with("auth", new Auth()).render();

        assertThat(html).containsPattern(
                "<label for=\"kc-attempted-username\"[^>]*>\\s*<span[^>]*>\\s*E-mailadres\\s*</span>");
        assertThat(html).contains("<input id=\"kc-attempted-username\" value=\"sanne@example.com\" readonly>")
                .doesNotContain("for=\"username\"");
        assertLabelledAndNoMissingMessages(html);
    }

    /**
     * template.ftl is keycloak.v2's layout of the Keycloak version the build uses, changed in one line only: when
     * Keycloak is upgraded and its layout changes, this fails until the copy is made again.
     */
    @Test
    void layoutIsKeycloaksWithOnlyTheLabelOfTheSignedInAddressChanged() throws Exception {
        String keycloaks = resource("/theme/keycloak.v2/login/template.ftl");
        String ours = resource("/theme/notary-portal/login/template.ftl").replaceFirst("(?s)^<#--.*?-->\\n", "");
        String from = "<@field.group name=\"username\" label=label>";
        String to = "<@field.group name=\"kc-attempted-username\" label=label>";

        assertThat(keycloaks).as("keycloak.v2's line to change").containsOnlyOnce(from);
        assertThat(ours).isEqualTo(keycloaks.replace(from, to));
    }

    private static String resource(String name) throws Exception {
        try (var in = LoginTemplatesTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void smsCodeWithoutRecoveryCodeNamesWhomToAskAndEnglishWorks() throws Exception {
        String html = new Page("portal-sms-code.ftl", "en")
                .with("portalSms", smsPage("sign-in", "portalSmsSignInTitle", "doLogIn", false))
                .message("error", "portalSmsCodeLocked", 5)
                .render();

        assertThat(title(html)).isEqualTo("Code from the text message");
        assertThat(html).contains("lang=\"en\"",
                "You entered a wrong code 5 times, so this code no longer works.",
                "Send the code again", "Lost your phone? Please contact the notary office");
        assertThat(html).doesNotContain("use-recovery-code");
        assertLabelledAndNoMissingMessages(html);
    }

    @Test
    void smsCodeWhileSettingUpOrSwitchingOff() throws Exception {
        String setup = new Page("portal-sms-code.ftl", "nl")
                .with("portalSms", smsPage("setup", "portalSmsSetupCodeTitle", "portalSmsConfirmButton", false))
                .with("isAppInitiatedAction", true)
                .message("success", "portalSmsCodeResent")
                .render();
        assertThat(title(setup)).isEqualTo("Bevestig uw mobiele nummer");
        assertThat(setup).contains("Ander nummer invullen",
                "We hebben een nieuwe code gestuurd.");
        assertThat(setup).containsPattern("name=\"login\"[^>]*>\\s*Bevestigen\\s*</button>");
        assertThat(setup).containsPattern("name=\"cancel-aia\"[^>]*value=\"true\"[^>]*>\\s*Annuleren\\s*</button>");
        assertThat(setup).doesNotContain("Herstelcode gebruiken", "notariskantoor; wij helpen");
        assertLabelledAndNoMissingMessages(setup);

        String disable = new Page("portal-sms-code.ftl", "nl")
                .with("portalSms", smsPage("disable", "portalSmsDisableTitle", "portalSmsDisableButton", false))
                .render();
        assertThat(title(disable)).isEqualTo("Sms-verificatie uitzetten");
        assertThat(disable).contains(
                "Om sms-verificatie uit te zetten, vragen we eerst een code die we per sms naar +31\u00a06\u00a0••••\u00a0••78 sturen.");
        assertThat(disable).containsPattern("name=\"login\"[^>]*>\\s*Sms-verificatie uitzetten\\s*</button>");
        assertLabelledAndNoMissingMessages(disable);
    }

    @Test
    void recoveryCodeForm() throws Exception {
        String html = new Page("portal-recovery-code-form.ftl", "nl")
                .with("portalRecovery", Map.of("smsOffered", true))
                .fieldError("recoveryCode", "portalRecoveryCodeWrong")
                .render();

        assertThat(title(html)).isEqualTo("Inloggen met uw herstelcode");
        assertThat(html).contains("Deze herstelcode klopt niet.",
                "autocomplete=\"off\"", "autocapitalize=\"characters\"", "spellcheck=\"false\"",
                "Terug naar de sms-code", "aria-invalid=\"true\"");
        assertThat(html).containsPattern("<label for=\"recoveryCode\"[^>]*>\\s*<span[^>]*>\\s*Herstelcode\\s*</span>");
        assertLabelledAndNoMissingMessages(html);

        String alone = new Page("portal-recovery-code-form.ftl", "en").with("portalRecovery", Map.of("smsOffered", false))
                .render();
        assertThat(alone).contains("Sign in with your recovery code").doesNotContain("use-sms");
    }

    @Test
    void numberPageOffersAnAppWhenTheOfficeRequiresASecondStep() throws Exception {
        Map<String, Object> setup = new HashMap<>(Map.of("change", false, "currentNumber", "", "requiredByOffice", true,
                "appOffered", true, "phone", "06 <b>1234</b>"));
        String html = new Page("portal-sms-setup.ftl", "nl").with("portalSmsSetup", setup)
                .fieldError("phone", "portalSmsPhoneInvalid").render();

        assertThat(title(html)).isEqualTo("2-staps verificatie met sms instellen");
        assertThat(html).contains(
                "Het notariskantoor vereist 2-staps verificatie voor uw account.",
                "type=\"tel\"", "inputmode=\"tel\"", "autocomplete=\"tel\"", "Bijvoorbeeld 06 12345678.",
                "Dit is geen mobiel nummer", "Gebruik een authenticator-app", "name=\"use-app\"");
        assertThat(html).contains("value=\"06 &lt;b&gt;1234&lt;/b&gt;\"").doesNotContain("<b>1234");
        assertThat(html).containsPattern("<label for=\"phone\"[^>]*>\\s*<span[^>]*>\\s*Mobiel nummer\\s*</span>");
        assertThat(html).containsPattern("name=\"send\"[^>]*>\\s*Code versturen\\s*</button>");
        assertLabelledAndNoMissingMessages(html);

        Map<String, Object> change = new HashMap<>(Map.of("change", true, "currentNumber", "+31 6 •••• ••78",
                "requiredByOffice", false, "appOffered", false, "phone", ""));
        String changing = new Page("portal-sms-setup.ftl", "nl").with("portalSmsSetup", change)
                .with("isAppInitiatedAction", true).render();
        assertThat(title(changing)).isEqualTo("Ander mobiel nummer instellen");
        assertThat(changing).contains("De codes gaan nu naar +31\u00a06\u00a0••••\u00a0••78.",
                "Annuleren").doesNotContain("authenticator-app", "vereist 2-staps verificatie");
    }

    @Test
    void recoveryCodeShownOnceWithPrintAndDownload() throws Exception {
        Map<String, Object> recovery = Map.of("code", "HERS-TELC-DE26-SANN",
                "spokenCode", "H E R S, T E L C, D E 2 6, S A N N", "account", "sanne@example.com",
                "introKey", "portalRecoveryCodeAfterUse");
        String html = new Page("portal-recovery-code-show.ftl", "nl").with("portalRecoveryCode", recovery).render();

        assertThat(title(html)).isEqualTo("Uw herstelcode");
        assertThat(html).contains("U bent ingelogd met uw herstelcode.",
                ">HERS-TELC-DE26-SANN</code>", "H E R S, T E L C, D E 2 6, S A N N",
                "Bewaar de code op een veilige plek", "U ziet deze code maar één keer.",
                ">Afdrukken</button>", "Downloaden als tekstbestand", "download=\"herstelcode-klantenportaal.txt\"",
                "window.print()");
        assertThat(html).containsPattern("name=\"saved\"[^>]*>\\s*Ik heb de herstelcode bewaard\\s*</button>");

        Matcher download = Pattern.compile("href=\"data:text/plain;charset=utf-8,([^\"]+)\"").matcher(html);
        assertThat(download.find()).isTrue();
        String file = URLDecoder.decode(download.group(1).replace("&amp;", "&"), StandardCharsets.UTF_8);
        assertThat(file).startsWith("Herstelcode voor het klantenportaal van het notariskantoor\r\n")
                .contains("Account: sanne@example.com", "Herstelcode: HERS-TELC-DE26-SANN", "Gemaakt op ");
        assertThat(html).as("the page itself loads nothing from elsewhere").doesNotContain("src=\"http", "href=\"http");
    }

    @Test
    void switchingOffRefusedSaysWhyInPlainWords() throws Exception {
        String html = new Page("portal-sms-disable.ftl", "nl")
                .with("portalSmsDisable", Map.of("reasonKey", "portalSmsDisableRefused")).render();

        assertThat(title(html)).isEqualTo("Sms-verificatie uitzetten");
        assertThat(html).contains(
                "U kunt sms-verificatie nu niet uitzetten. Het notariskantoor vraagt om 2-staps verificatie",
                "Terug naar het klantenportaal");
        assertLabelledAndNoMissingMessages(html);
    }

    @Test
    void chooseHowToSignInWithButtons() throws Exception {
        List<Map<String, String>> selections = List.of(
                Map.of("authExecId", "exec-otp", "displayName", "otp-display-name", "helpText", "otp-help-text",
                        "iconCssClass", "kcAuthenticatorOTPClass"),
                Map.of("authExecId", "exec-recovery", "displayName", "portal-recovery-code-display-name",
                        "helpText", "portal-recovery-code-help-text", "iconCssClass", "kcAuthenticatorPortalRecoveryCodeClass"));
        String html = new Page("select-authenticator.ftl", "nl").with("auth", new AuthWithSelections(selections)).render();

        assertThat(title(html)).isEqualTo("Kies hoe u inlogt");
        assertThat(html).containsPattern("<button type=\"submit\" id=\"portal-select-auth-0\" name=\"authenticationExecution\"\\s+value=\"exec-otp\"");
        assertThat(html).contains("value=\"exec-recovery\"", "Authenticator-app", "Herstelcode",
                "Vul de herstelcode in die u heeft bewaard", "fas fa-mobile-alt", "fas fa-key");
        assertThat(html).doesNotContain("onclick=\"document.forms");
    }

    private static Page passwordPage(String language, Object firstPassword) throws Exception {
        Page page = new Page("login-update-password.ftl", language)
                .with("passwordPolicies", Map.of("length", 12, "maxLength", 128))
                // what Keycloak puts above the page when the required action is on the session, not the user
                .message("warning", "resetPasswordMessage");
        return firstPassword == null ? page : page.with("portalFirstPassword", firstPassword);
    }

    @Test
    void aNewClientsFirstPasswordIsAWelcomeWithoutChangeWordsOrSigningOutElsewhere() throws Exception {
        String html = passwordPage("nl", true).render();

        assertThat(title(html)).isEqualTo("Kies uw wachtwoord");
        assertThat(html).contains(
                "<p id=\"portal-first-password-welcome\" class=\"portal-first-password-welcome\">Welkom bij het klantenportaal. Kies een wachtwoord om uw account te activeren.</p>",
                "Minimaal 12 tekens, niet uw e-mailadres, geen veelgebruikt wachtwoord");
        assertThat(html).containsPattern("name=\"login\"[^>]*>\\s*Instellen wachtwoord\\s*</button>");
        assertThat(html).doesNotContain("wijzigen", "Kies een nieuw wachtwoord", "logout-sessions",
                "Uitloggen op andere apparaten", "pf-m-warning");
        assertLabelledAndNoMissingMessages(html);

        String english = passwordPage("en", true).render();
        assertThat(title(english)).isEqualTo("Choose your password");
        assertThat(english).contains("Welcome to the client portal. Choose a password to activate your account.")
                .doesNotContain("change your password", "logout-sessions", "Sign out on other devices");
    }

    @Test
    void aRefusedFirstPasswordKeepsTheWelcomeAndSaysWhy() throws Exception {
        String html = passwordPage("nl", true).fieldError("password", "invalidPasswordBlacklistedMessage").render();

        assertThat(title(html)).isEqualTo("Kies uw wachtwoord");
        assertThat(html).contains("Dit wachtwoord wordt veel gebruikt", "aria-invalid=\"true\"")
                .doesNotContain("logout-sessions");
    }

    @Test
    void aResetOrChangeOffersSigningOutElsewhereAndAsksPlainly() throws Exception {
        for (Object notFirst : new Object[] {false, null}) {
            String html = passwordPage("nl", notFirst).render();

            assertThat(title(html)).isEqualTo("Wachtwoord instellen");
            assertThat(html).contains("Kies een nieuw wachtwoord.", "name=\"logout-sessions\"",
                    "Uitloggen op andere apparaten").doesNotContain("wijzigen", "Welkom bij het klantenportaal");
            assertLabelledAndNoMissingMessages(html);
        }
        String english = passwordPage("en", false).render();
        assertThat(title(english)).isEqualTo("Set your password");
        assertThat(english).contains("Choose a new password.", "Sign out on other devices")
                .doesNotContain("You need to change your password");
    }

    @Test
    void theLanguagePickerNamesEachLanguageInItsOwnLanguage() throws Exception {
        for (String language : new String[] {"nl", "en"}) {
            String html = passwordPage(language, true).render();

            Matcher picker = Pattern.compile("<select[^>]*id=\"login-select-toggle\".*?</select>", Pattern.DOTALL).matcher(html);
            assertThat(picker.find()).as(language).isTrue();
            List<String> options = new ArrayList<>();
            Matcher option = Pattern.compile("<option[^>]*>\\s*(.*?)\\s*</option>", Pattern.DOTALL).matcher(picker.group());
            while (option.find()) {
                options.add(option.group(1));
            }
            assertThat(options).as(language).containsExactly("English", "Nederlands");
        }
        String otherPage = new Page("portal-recovery-code-form.ftl", "nl").with("portalRecovery", Map.of("smsOffered", true))
                .render();
        assertThat(otherPage).contains("English").doesNotContain("Engels");
    }
}
