package nl.notaris.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import nl.notaris.portal.notification.config.ConsumedTopics;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.TestCaller;

/**
 * The portal's e-mails come from the office by name ("Notariskantoor &lt;portaal@notaris.example&gt;") and
 * greet each recipient by the name its account events give, in its own language; a company's main account
 * by the company's name; an account whose name is not known neutrally.
 */
class GreetingAndSenderIT extends MailIntegrationTest {

    static TestCaller named(String name, String accountType, String companyId) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String local = name.toLowerCase().replaceAll("[^a-z]+", "-").replaceAll("^-|-$", "");
        return new TestCaller("acc-" + unique, local + "." + unique + "@example.com", name, accountType, companyId,
                List.of("client"));
    }

    static String text(MimeMessage mail) throws Exception {
        return bodyOf(mail);
    }

    static void assertFromTheOffice(MimeMessage mail) throws Exception {
        assertThat(mail.getFrom()).hasSize(1);
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Notariskantoor");
        assertThat(from.getAddress()).isEqualTo("portaal@notaris.example");
        assertThat(mail.getHeader("From", null)).isEqualTo("Notariskantoor <portaal@notaris.example>");
        assertThat(mail.getMessageID()).as("the Message-ID the mailer makes from the event and the address")
                .matches("<[0-9a-f]{40}@notaris\\.example>");
    }

    @Test
    void aMessageFromTheHandlerComesFromTheOfficeAndGreetsEachPartyByNameInItsLanguage() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        TestCaller noor = named("Noor Bakker", "PERSON", null);
        TestCaller emma = named("Emma Smith", "PERSON", null);
        TestCaller bakkerij = named("Bakkerij Jansen B.V.", "COMPANY_MAIN", "company-" + UUID.randomUUID());
        TestCaller unknown = person("onbekend"); // no account event: nothing known but the dossier's party
        accountIs(noor, "nl", true, true, true);
        accountIs(emma, "en", true, true, true);
        accountIs(bakkerij, "nl", true, true, true);
        awaitHandled(sendDossierEvent(dossierId, 1, noor, emma, bakkerij, unknown));

        kafka.send(ConsumedTopics.MESSAGES, dossierId, EventContracts.example("portal.message.sent-by-office")
                .forDossier(dossierId).json()).get();

        MimeMessage dutch = awaitMails(noor.email(), 1).get(0);
        assertFromTheOffice(dutch);
        assertThat(text(dutch)).startsWith("Geachte Noor Bakker,").contains("<p>Geachte Noor Bakker,</p>")
                .doesNotContain("heer, mevrouw");
        MimeMessage english = awaitMails(emma.email(), 1).get(0);
        assertFromTheOffice(english);
        assertThat(english.getSubject()).isEqualTo("New message in the client portal");
        assertThat(text(english)).startsWith("Dear Emma Smith,").contains("<p>Dear Emma Smith,</p>")
                .doesNotContain("Sir or Madam");
        assertThat(text(awaitMails(bakkerij.email(), 1).get(0))).startsWith("Geachte Bakkerij Jansen B.V.,");
        MimeMessage neutral = awaitMails(unknown.email(), 1).get(0);
        assertFromTheOffice(neutral);
        assertThat(text(neutral)).startsWith("Geachte heer, mevrouw,");
    }

    @Test
    void aQuestionnaireForOneClientGreetsThatClientByName() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        TestCaller emma = named("Emma Smith", "PERSON", null);
        accountIs(emma, "en", true, true, true);
        awaitHandled(sendDossierEvent(dossierId, 1, emma));

        kafka.send(ConsumedTopics.QUESTIONNAIRES, dossierId, EventContracts.example("portal.questionnaire.assigned")
                .forDossier(dossierId).with("data.accountId", emma.accountId()).json()).get();

        MimeMessage mail = awaitMails(emma.email(), 1).get(0);
        assertThat(mail.getSubject()).isEqualTo("A questionnaire is waiting for you");
        assertFromTheOffice(mail);
        assertThat(text(mail)).startsWith("Dear Emma Smith,");
    }
}
