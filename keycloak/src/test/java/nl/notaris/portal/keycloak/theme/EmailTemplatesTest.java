package nl.notaris.portal.keycloak.theme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.keycloak.theme.beans.LinkExpirationFormatterMethod;
import org.keycloak.theme.beans.MessageFormatterMethod;

import freemarker.cache.ClassTemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;

/**
 * Renders the e-mail templates the way Keycloak does (FreeMarker, HTML output format for *.ftl,
 * Keycloak's msg and linkExpirationFormatter methods) with test data.
 */
class EmailTemplatesTest {

    private static final String LINK =
            "http://localhost:8180/realms/notary-portal/login-actions/action-token?key=abc.def&client_id=portal-gateway";

    static Properties messages(String language) throws Exception {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(EmailTemplatesTest.class.getResourceAsStream(
                "/theme/notary-portal/email/messages/messages_" + language + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    static String render(String template, String language, Map<String, Object> extra) throws Exception {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_0);
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setTemplateLoader(new ClassTemplateLoader(EmailTemplatesTest.class, "/theme/notary-portal/email"));
        Locale locale = Locale.forLanguageTag(language);
        Properties messages = messages(language);

        Map<String, Object> model = new HashMap<>();
        model.put("locale", locale);
        model.put("ltr", true);
        model.put("realmName", "Klantenportaal notariskantoor");
        model.put("msg", new MessageFormatterMethod(locale, messages));
        model.put("link", LINK);
        model.put("linkExpiration", 7L * 24 * 60);
        model.put("linkExpirationFormatter", new LinkExpirationFormatterMethod(messages, locale));
        model.put("user", Map.of("firstName", "Anna", "lastName", "de Vries"));
        model.putAll(extra);

        Template t = cfg.getTemplate(template, "UTF-8");
        StringWriter out = new StringWriter();
        t.process(model, out);
        return out.toString();
    }

    @Test
    void setPasswordHtmlInDutch() throws Exception {
        String html = render("html/set-password.ftl", "nl", Map.of());

        assertThat(html).contains("<html lang=\"nl\"");
        assertThat(html).contains("Geachte Anna de Vries,");
        assertThat(html).contains(">Instellen wachtwoord</a>");
        assertThat(html).contains("href=\"" + LINK.replace("&", "&amp;") + "\"");
        assertThat(html).contains("Deze link is 7 dagen geldig en werkt maar één keer.");
        assertThat(html).contains("Klantenportaal notariskantoor");
    }

    @Test
    void setPasswordTextInEnglish() throws Exception {
        String text = render("text/set-password.ftl", "en", Map.of());

        assertThat(text).startsWith("Dear Anna de Vries,");
        assertThat(text).contains("Set password:\n" + LINK);
        assertThat(text).contains("This link is valid for 7 days and works only once.");
        assertThat(text).doesNotContain("&amp;", "<");
    }

    @Test
    void passwordResetSaysOneHour() throws Exception {
        Map<String, Object> oneHour = Map.of("linkExpiration", 60L);

        assertThat(render("html/password-reset.ftl", "nl", oneHour))
                .contains(">Instellen wachtwoord</a>", "Deze link is 1 uur geldig", "nieuw wachtwoord");
        assertThat(render("text/password-reset.ftl", "en", oneHour))
                .contains("Set password:\n" + LINK, "This link is valid for 1 hour");
    }

    @Test
    void namesAreEscapedAndAMissingNameGetsAPoliteGreeting() throws Exception {
        String html = render("html/set-password.ftl", "nl",
                Map.of("user", Map.of("firstName", "<script>x</script>", "lastName", "B&B")));
        assertThat(html).doesNotContain("<script>x").contains("&lt;script&gt;x&lt;/script&gt; B&amp;B");

        assertThat(render("html/set-password.ftl", "nl", Map.of("user", Map.of()))).contains("Geachte heer, mevrouw,");
        assertThat(render("text/set-password.ftl", "en", Map.of("user", Map.of()))).startsWith("Dear Sir or Madam,");
    }

    @Test
    void executeActionsForAPasswordOnlyOrForSeveralActions() throws Exception {
        assertThat(render("html/executeActions.ftl", "nl", Map.of("requiredActions", List.of("UPDATE_PASSWORD"))))
                .contains(">Instellen wachtwoord</a>");
        String several = render("text/executeActions.ftl", "en",
                Map.of("requiredActions", List.of("VERIFY_EMAIL", "UPDATE_PASSWORD")));
        assertThat(several).contains("confirm your email address, set your password", "Update account:\n" + LINK);
    }

    @Test
    void subjectsAreThePortalsInBothLanguages() throws Exception {
        assertThat(messages("nl").getProperty("portalSetPasswordSubject"))
                .isEqualTo("Stel uw wachtwoord in voor het klantenportaal");
        assertThat(messages("en").getProperty("portalSetPasswordSubject"))
                .isEqualTo("Set your password for the client portal");
        assertThat(messages("nl").getProperty("passwordResetSubject")).contains("wachtwoord", "klantenportaal");
        assertThat(messages("en").getProperty("passwordResetSubject")).contains("password", "client portal");
    }

    @Test
    void everyEmailGreetsByNameInBothLanguages() throws Exception {
        Map<String, Object> noor = Map.of("user", Map.of("firstName", "Noor", "lastName", "Bakker",
                "attributes", Map.of("account_type", "PERSON")));
        for (String template : new String[] {"set-password.ftl", "password-reset.ftl", "executeActions.ftl"}) {
            Map<String, Object> model = new HashMap<>(noor);
            model.put("requiredActions", List.of("UPDATE_PASSWORD"));
            assertThat(render("html/" + template, "nl", model)).as(template).contains(">Geachte Noor Bakker,</p>");
            assertThat(render("text/" + template, "en", model)).as(template).startsWith("Dear Noor Bakker,\n");
        }
    }

    @Test
    void aCompanysMainAccountWithoutAPersonsNameIsGreetedByTheCompanysName() throws Exception {
        Map<String, Object> company = Map.of("user", Map.of("firstName", "", "attributes",
                Map.of("account_type", "COMPANY_MAIN", "company_name", "Bakkerij Jansen B.V.")));
        assertThat(render("html/set-password.ftl", "nl", company)).contains(">Geachte Bakkerij Jansen B.V.,</p>");
        assertThat(render("text/set-password.ftl", "en", company)).startsWith("Dear Bakkerij Jansen B.V.,");

        Map<String, Object> named = Map.of("user", Map.of("firstName", "Jan", "lastName", "Jansen", "attributes",
                Map.of("account_type", "COMPANY_MAIN", "company_name", "Bakkerij Jansen B.V.")));
        assertThat(render("text/set-password.ftl", "nl", named)).as("a person's name comes first")
                .startsWith("Geachte Jan Jansen,");

        Map<String, Object> extra = Map.of("user", Map.of("attributes",
                Map.of("account_type", "COMPANY_EXTRA", "company_name", "Bakkerij Jansen B.V.")));
        assertThat(render("text/password-reset.ftl", "nl", extra)).as("a colleague is not the company")
                .startsWith("Geachte heer, mevrouw,");
    }
}
