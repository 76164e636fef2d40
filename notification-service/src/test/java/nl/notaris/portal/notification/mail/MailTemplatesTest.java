package nl.notaris.portal.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;

class MailTemplatesTest {

    static final String LINK = "http://localhost:8080/dossiers/dos-42";
    static final MailTemplates TEMPLATES = new MailTemplates(new DefaultResourceLoader(), "classpath:/mail/");
    static final MailModel MODEL = new MailModel(LINK, "Notariskantoor De Vries");

    @Test
    void dutchWithGreetingMessageOfficeAndLinkInTextAndHtml() {
        MailContent mail = TEMPLATES.render(MailKind.DOCUMENT_PUBLISHED, Language.fromTag(null), MODEL);

        assertThat(mail.subject()).isEqualTo("Nieuw document in het klantenportaal");
        assertThat(mail.text()).startsWith("Geachte heer, mevrouw,")
                .contains("Er staat een nieuw document voor u klaar in het klantenportaal.")
                .contains(LINK).contains("Notariskantoor De Vries");
        assertThat(mail.html()).contains("<html lang=\"nl\">")
                .contains("Er staat een nieuw document voor u klaar in het klantenportaal.")
                .contains("<a href=\"" + LINK + "\"");
    }

    @Test
    void englishWhenTheLanguageIsEnglish() {
        MailContent mail = TEMPLATES.render(MailKind.MESSAGE_RECEIVED, Language.fromTag("EN"), MODEL);

        assertThat(mail.subject()).isEqualTo("New message in the client portal");
        assertThat(mail.text()).startsWith("Dear Sir or Madam,").contains("Your handler has sent you a message")
                .contains(LINK).doesNotContain("klantenportaal");
        assertThat(mail.html()).contains("<html lang=\"en\">").contains("<a href=\"" + LINK + "\"");
    }

    @Test
    void everyKindHasEveryLanguage() {
        for (MailKind kind : MailKind.values()) {
            for (Language language : Language.values()) {
                MailContent mail = TEMPLATES.render(kind, language, MODEL);
                assertThat(mail.subject()).as(kind + " " + language).isNotBlank().doesNotContain("\n");
                assertThat(mail.text()).contains(LINK);
                assertThat(mail.html()).contains("lang=\"" + language.tag() + "\"").contains(LINK);
            }
        }
    }

    @Test
    void valuesAreEscapedInHtml() {
        MailContent mail = TEMPLATES.render(MailKind.DOCUMENT_PUBLISHED, Language.NL,
                new MailModel("http://portal/dossiers/a\"><script>", "Kantoor <b>"));

        assertThat(mail.html()).doesNotContain("<script>").doesNotContain("<b>").contains("&quot;&gt;&lt;script&gt;");
    }

    /**
     * NOT-1: a template can only show a link, the office's name, the recipient's own name, a date, a count and,
     * for an adviser, who shared which dossier by its number; nothing of a document or message.
     */
    @Test
    void theModelHoldsOnlyALinkAndTheOfficesName() {
        assertThat(Arrays.stream(MailModel.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("link", "officeName", "recipientName", "validUntil", "dueDate", "count",
                        "preferencesLink", "sharedBy", "dossierNumber");
    }

    /** ADV-1: an adviser's invitation says who shared which dossier, in the adviser's language, with the link. */
    @Test
    void anAdvisersInvitationSaysWhoSharedWhichDossier() {
        MailModel model = MODEL.withSharing("Anna de Vries", "2026-0001")
                .withValidUntil(Language.NL.longDate(java.time.LocalDate.of(2026, 12, 5)));
        MailContent dutch = TEMPLATES.render(MailKind.ADVISER_INVITED, Language.NL, model);
        assertThat(dutch.subject()).isEqualTo("Een dossier is met u gedeeld in het klantenportaal");
        assertThat(dutch.text()).startsWith("Geachte heer, mevrouw,")
                .contains("Anna de Vries heeft dossier 2026-0001 met u gedeeld in het klantenportaal van het notariskantoor.")
                .contains("stelt u eerst uw account in via deze link: " + LINK)
                .contains("De link is geldig tot en met 5 december 2026.");
        assertThat(dutch.html()).contains("Anna de Vries heeft dossier 2026-0001 met u gedeeld")
                .contains("<a href=\"" + LINK + "\"").contains(">Account instellen</a>");
        MailContent english = TEMPLATES.render(MailKind.ADVISER_INVITED, Language.EN, model);
        assertThat(english.subject()).isEqualTo("A file has been shared with you in the client portal");
        assertThat(english.text())
                .contains("Anna de Vries has shared file 2026-0001 with you in the notary office's client portal.")
                .contains(LINK).doesNotContain("klantenportaal");
        assertThat(english.html()).contains("<html lang=\"en\">").contains("with you in the notary office's client portal.")
                .contains(">Set up your account</a>");
    }

    @Test
    void withoutWhoOrWhichTheAdvisersMailsSpeakOfAClientAndAFile() {
        MailContent dutch = TEMPLATES.render(MailKind.ADVISER_INVITED, Language.NL, MODEL.withSharing(" ", null));
        assertThat(dutch.text()).contains("Een cliënt van ons kantoor heeft een dossier met u gedeeld");
        MailContent english = TEMPLATES.render(MailKind.ACCESS_GRANTED, Language.EN, MODEL.withSharing(null, ""));
        assertThat(english.text()).contains("A client of our office has shared a file with you")
                .doesNotContain("You have access");
    }

    @Test
    void anExistingAccountIsToldItMayNowSeeTheDossierAndUntilWhen() {
        MailModel model = MODEL.withRecipientName("Bram Hypotheek").withSharing("Anna de Vries", "2026-0001")
                .withValidUntil(Language.EN.longDate(java.time.LocalDate.of(2027, 1, 31)));
        MailContent english = TEMPLATES.render(MailKind.ACCESS_GRANTED, Language.EN, model);
        assertThat(english.text()).startsWith("Dear Bram Hypotheek,")
                .contains("Anna de Vries has shared file 2026-0001 with you in the notary office's client portal.")
                .contains("You have access up to and including 31 January 2027.").contains("View the file: " + LINK);
        MailContent dutch = TEMPLATES.render(MailKind.ACCESS_GRANTED, Language.NL, model
                .withValidUntil(Language.NL.longDate(java.time.LocalDate.of(2027, 1, 31))));
        assertThat(dutch.text())
                .contains("Anna de Vries heeft dossier 2026-0001 met u gedeeld in het klantenportaal van het notariskantoor.")
                .contains("U heeft toegang tot en met 31 januari 2027.");
        assertThat(dutch.html()).contains("<strong>31 januari 2027</strong>").contains(">Bekijk het dossier</a>");
        assertThat(TEMPLATES.render(MailKind.ACCESS_GRANTED, Language.NL, model.withSharing("B&B <Bakker>", "1"))
                .html()).contains("B&amp;B &lt;Bakker&gt; heeft dossier 1");
    }

    @Test
    void everyMailGreetsTheRecipientByNameInItsLanguage() {
        MailModel noor = MODEL.withRecipientName("Noor Bakker");
        for (MailKind kind : MailKind.values()) {
            MailContent dutch = TEMPLATES.render(kind, Language.NL, noor);
            assertThat(dutch.text()).as(kind.name()).startsWith("Geachte Noor Bakker,\n").doesNotContain("heer, mevrouw");
            assertThat(dutch.html()).as(kind.name()).contains("<p>Geachte Noor Bakker,</p>");
            MailContent english = TEMPLATES.render(kind, Language.EN, noor);
            assertThat(english.text()).as(kind.name()).startsWith("Dear Noor Bakker,\n").doesNotContain("Sir or Madam");
            assertThat(english.html()).as(kind.name()).contains("<p>Dear Noor Bakker,</p>");
        }
    }

    @Test
    void withoutANameTheGreetingIsNeutralAndANameIsEscapedInHtml() {
        for (String none : new String[] {null, "", "  "}) {
            assertThat(TEMPLATES.render(MailKind.MESSAGE_RECEIVED, Language.NL, MODEL.withRecipientName(none)).text())
                    .startsWith("Geachte heer, mevrouw,\n");
            assertThat(TEMPLATES.render(MailKind.MESSAGE_RECEIVED, Language.EN, MODEL.withRecipientName(none)).html())
                    .contains("<p>Dear Sir or Madam,</p>");
        }
        MailContent odd = TEMPLATES.render(MailKind.DOCUMENT_PUBLISHED, Language.NL,
                MODEL.withRecipientName("B&B <Bakker>"));
        assertThat(odd.html()).contains("<p>Geachte B&amp;B &lt;Bakker&gt;,</p>");
        assertThat(odd.text()).startsWith("Geachte B&B <Bakker>,");
    }

    @Test
    void aQuestionnaireMailGivesTheDueDateInTheReadersLanguageWhenThereIsOne() {
        MailModel dutch = new MailModel(LINK, "Kantoor").withDueDate(Language.NL.longDate(java.time.LocalDate.of(2026, 12, 12)));
        assertThat(TEMPLATES.render(MailKind.QUESTIONNAIRE_WAITING, Language.NL, dutch).text())
                .contains("Wilt u de vragenlijst invullen vóór 12 december 2026?");
        MailModel english = new MailModel(LINK, "Kantoor").withDueDate(Language.EN.longDate(java.time.LocalDate.of(2026, 12, 12)));
        assertThat(TEMPLATES.render(MailKind.QUESTIONNAIRE_WAITING, Language.EN, english).html())
                .contains("Please fill it in before <strong>12 December 2026</strong>.");
        assertThat(TEMPLATES.render(MailKind.QUESTIONNAIRE_WAITING, Language.NL, MODEL).text()).doesNotContain("vóór");
    }

    @Test
    void severalDocumentsAreCountedInBothLanguagesAndOneIsSingular() {
        MailModel three = MODEL.withCount(3);
        assertThat(TEMPLATES.render(MailKind.DOCUMENT_PUBLISHED, Language.NL, three).subject())
                .isEqualTo("3 nieuwe documenten in het klantenportaal");
        assertThat(TEMPLATES.render(MailKind.DOCUMENT_PUBLISHED, Language.EN, three).text())
                .contains("3 new documents are waiting for you in the client portal.");
        assertThat(TEMPLATES.render(MailKind.DOCUMENT_PUBLISHED, Language.NL, MODEL.withCount(1)).subject())
                .isEqualTo("Nieuw document in het klantenportaal");
    }

    @Test
    void mailsTheClientMaySwitchOffSayWhereAndTheOthersDoNot() {
        MailModel model = MODEL.withPreferencesLink("https://portaal/mijn-gegevens#notificaties");
        for (MailKind kind : new MailKind[] { MailKind.DOCUMENT_PUBLISHED, MailKind.MESSAGE_RECEIVED,
                MailKind.QUESTIONNAIRE_WAITING }) {
            assertThat(TEMPLATES.render(kind, Language.NL, model).html()).as(kind.name())
                    .contains("<a href=\"https://portaal/mijn-gegevens#notificaties\"");
        }
        for (MailKind always : new MailKind[] { MailKind.ACCOUNT_INVITED, MailKind.ADVISER_INVITED,
                MailKind.ACCESS_GRANTED }) {
            assertThat(TEMPLATES.render(always, Language.NL, model).text()).as(always.name())
                    .doesNotContain("mijn-gegevens");
        }
    }

    @Test
    void linksPointToTheDossierInThePortal() {
        assertThat(new PortalLinks("https://portaal.notaris.example/").dossier("dos-42"))
                .isEqualTo("https://portaal.notaris.example/dossiers/dos-42");
        assertThat(new PortalLinks("http://localhost:8080").dossier("a b/c"))
                .isEqualTo("http://localhost:8080/dossiers/a%20b%2Fc");
        assertThat(new PortalLinks("http://localhost:8080").dossierTab("d1", "berichten"))
                .isEqualTo("http://localhost:8080/dossiers/d1?tab=berichten");
        assertThat(new PortalLinks("http://localhost:8080").questionnaire("as-1"))
                .isEqualTo("http://localhost:8080/acties/as-1");
        assertThat(new PortalLinks("http://localhost:8080").preferences())
                .isEqualTo("http://localhost:8080/mijn-gegevens#notificaties");
    }
}
