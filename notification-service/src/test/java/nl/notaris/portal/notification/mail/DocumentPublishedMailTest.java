package nl.notaris.portal.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class DocumentPublishedMailTest {

    static final String LINK = "http://localhost:8080/dossiers/dos-42";

    @Test
    void dutchByDefaultWithGreetingMessageAndLinkInTextAndHtml() {
        MailContent mail = DocumentPublishedMail.render(Language.fromTag(null), LINK);

        assertThat(mail.subject()).isEqualTo("Nieuw document in het klantenportaal");
        assertThat(mail.text()).startsWith("Geachte heer, mevrouw,")
                .contains("Er staat een nieuw document voor u klaar in het klantenportaal.")
                .contains(LINK);
        assertThat(mail.html()).contains("<html lang=\"nl\">")
                .contains("Er staat een nieuw document voor u klaar in het klantenportaal.")
                .contains("<a href=\"" + LINK + "\">");
    }

    @Test
    void englishWhenTheLanguageIsEnglish() {
        MailContent mail = DocumentPublishedMail.render(Language.fromTag("EN"), LINK);

        assertThat(mail.subject()).isEqualTo("New document in the client portal");
        assertThat(mail.text()).startsWith("Dear Sir or Madam,")
                .contains("A new document is waiting for you in the client portal.")
                .contains(LINK)
                .doesNotContain("klantenportaal");
        assertThat(mail.html()).contains("<html lang=\"en\">").contains("<a href=\"" + LINK + "\">");
    }

    @Test
    void theLinkIsEscapedInHtml() {
        MailContent mail = DocumentPublishedMail.render(Language.NL, "http://portal/dossiers/a\"><script>");

        assertThat(mail.html()).doesNotContain("<script>").contains("a&quot;&gt;&lt;script&gt;");
    }

    /** NOT-1: the template has no way to receive a title, file name or description. */
    @Test
    void theTemplateTakesOnlyALanguageAndALink() {
        assertThat(Arrays.stream(DocumentPublishedMail.class.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())))
                .singleElement()
                .satisfies(render -> assertThat(render.getParameterTypes()).containsExactly(Language.class, String.class));
    }

    @Test
    void linksPointToTheDossierInThePortal() {
        assertThat(new PortalLinks("https://portaal.notaris.example/").dossier("dos-42"))
                .isEqualTo("https://portaal.notaris.example/dossiers/dos-42");
        assertThat(new PortalLinks("http://localhost:8080").dossier("a b/c"))
                .isEqualTo("http://localhost:8080/dossiers/a%20b%2Fc");
    }
}
