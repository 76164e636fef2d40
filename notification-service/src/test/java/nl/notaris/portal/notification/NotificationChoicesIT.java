package nl.notaris.portal.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import nl.notaris.portal.notification.config.ConsumedTopics;
import nl.notaris.portal.testsupport.ContractExample;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.TestCaller;

/** ME-3: each account gets only the kinds of e-mail it chose, whoever else is mailed about the same event. */
class NotificationChoicesIT extends MailIntegrationTest {

    @Test
    void eachKindOfMailFollowsEachAccountsChoiceAndLanguage() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        TestCaller anna = person("anna");
        TestCaller bram = person("bram");
        TestCaller bakkerij = company("bakkerij");
        TestCaller extra = extraAccountOf(bakkerij, "extra");
        accountIs(anna, "nl", false, false, false);
        accountIs(bram, "en", true, true, true);
        accountIs(bakkerij, "nl", false, true, true);
        accountIs(extra, "en", true, false, false);
        awaitHandled(sendDossierEvent(dossierId, 1, anna, bram, bakkerij));

        kafka.send(ConsumedTopics.DOCUMENTS, dossierId, documentPublished(dossierId, "doc-1").json()).get();
        kafka.send(ConsumedTopics.MESSAGES, dossierId, EventContracts.example("portal.message.sent-by-office")
                .forDossier(dossierId).json()).get();
        for (TestCaller recipient : new TestCaller[] { anna, bram, bakkerij, extra }) {
            kafka.send(ConsumedTopics.QUESTIONNAIRES, dossierId, EventContracts.example("portal.questionnaire.assigned")
                    .forDossier(dossierId).with("data.accountId", recipient.accountId()).json()).get();
        }

        // bram wants everything, in English: his three mails arrive last of all (the digest waits its window)
        assertThat(awaitMails(bram.email(), 3)).extracting(m -> m.getSubject()).containsExactlyInAnyOrder(
                "New document in the client portal", "New message in the client portal",
                "A questionnaire is waiting for you");
        // the company's extra account hears of the company's dossier, in its own language and choice
        assertThat(awaitMails(extra.email(), 1)).extracting(m -> m.getSubject())
                .containsExactly("New document in the client portal");
        assertThat(awaitMails(bakkerij.email(), 2)).extracting(m -> m.getSubject()).containsExactlyInAnyOrder(
                "Nieuw bericht in het klantenportaal", "Er staat een vragenlijst voor u klaar");
        assertThat(mailsTo(anna.email())).as("anna switched everything off").isEmpty();
        assertThat(mailsTo(extra.email())).hasSize(1);
        assertThat(mailsTo(bakkerij.email())).hasSize(2);
    }

    @Test
    void switchingBackOnAppliesToTheNextEvent() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        TestCaller anna = person("anna");
        accountIs(anna, "nl", true, true, false);
        awaitHandled(sendDossierEvent(dossierId, 1, anna));
        kafka.send(ConsumedTopics.MESSAGES, dossierId, EventContracts.example("portal.message.sent-by-office")
                .forDossier(dossierId).json()).get();
        // the questionnaire after it on the same key is mailed: by then the message was handled, and not mailed
        kafka.send(ConsumedTopics.QUESTIONNAIRES, dossierId, EventContracts.example("portal.questionnaire.assigned")
                .forDossier(dossierId).with("data.accountId", anna.accountId()).json()).get();
        assertThat(awaitMails(anna.email(), 1)).extracting(m -> m.getSubject())
                .containsExactly("Er staat een vragenlijst voor u klaar");

        accountIs(anna, "nl", true, true, true);
        kafka.send(ConsumedTopics.MESSAGES, dossierId, EventContracts.example("portal.message.sent-by-office")
                .forDossier(dossierId).json()).get();
        assertThat(awaitMails(anna.email(), 2).get(1).getSubject()).isEqualTo("Nieuw bericht in het klantenportaal");
    }

    /** Who hears of a document is decided when it is published: a document published while switched off is never told of. */
    @Test
    void theChoiceAtTheTimeOfPublishingCounts() throws Exception {
        String dossierId = "dos-" + UUID.randomUUID();
        TestCaller anna = person("anna");
        TestCaller bram = person("bram");
        accountIs(anna, "nl", false, true, true);
        awaitHandled(sendDossierEvent(dossierId, 1, anna, bram));
        ContractExample first = documentPublished(dossierId, "doc-a");
        kafka.send(ConsumedTopics.DOCUMENTS, dossierId, first.json()).get();
        // handled once it is in bram's digest; anna's is empty
        await().atMost(Duration.ofSeconds(20)).until(() -> mongo.exists(
                query(where("eventIds").is(first.id()).and("accountId").is(bram.accountId())), "document_digests"));

        accountIs(anna, "nl", true, true, true);
        kafka.send(ConsumedTopics.DOCUMENTS, dossierId, documentPublished(dossierId, "doc-b").json()).get();

        assertThat(awaitMails(bram.email(), 1).get(0).getSubject()).isEqualTo("2 nieuwe documenten in het klantenportaal");
        assertThat(awaitMails(anna.email(), 1).get(0).getSubject()).isEqualTo("Nieuw document in het klantenportaal");
    }
}
