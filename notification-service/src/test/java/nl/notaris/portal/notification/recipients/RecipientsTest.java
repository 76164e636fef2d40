package nl.notaris.portal.notification.recipients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.notaris.portal.notification.accounts.AccountReplica;
import nl.notaris.portal.notification.accounts.KnownAccount;
import nl.notaris.portal.notification.accounts.NotificationChoices;
import nl.notaris.portal.notification.mail.Language;
import nl.notaris.portal.notification.mail.MailKind;
import nl.notaris.portal.support.access.AccessGrant;
import nl.notaris.portal.support.access.AccessGrant.Scope;
import nl.notaris.portal.support.access.DossierAccess;
import nl.notaris.portal.support.access.DossierParty;

/** ADV-1: of new documents, the advisers whose grant lasts at this moment and who chose such mail hear too. */
class RecipientsTest {

    static final Instant NOW = Instant.parse("2027-01-31T22:59:59Z");
    static final DossierParty ANNA = new DossierParty("a1-anna", "anna@example.com", "PERSON", null);

    AccountReplica accounts = mock(AccountReplica.class);
    Recipients recipients = new Recipients(accounts, Clock.fixed(NOW, ZoneOffset.UTC));

    static KnownAccount adviser(String id, String language, boolean documents, String state) {
        return new KnownAccount(id, id + "@example.com", "Adviseur " + id, language, "ADVISER", null, state,
                new NotificationChoices(documents, false, false), 3);
    }

    static AccessGrant grant(String accountId, Instant expiresAt) {
        return new AccessGrant("g-" + accountId, accountId, Scope.READ, expiresAt);
    }

    static DossierAccess dossier(AccessGrant... grants) {
        return DossierAccess.of("dos-1", "2026-0001", List.of(ANNA), List.of(grants), 7);
    }

    @BeforeEach
    void accounts() {
        given(accounts.find("live")).willReturn(Optional.of(adviser("live", "en", true, "ACTIVE")));
        given(accounts.find("expired")).willReturn(Optional.of(adviser("expired", "nl", true, "ACTIVE")));
        given(accounts.find("no-documents")).willReturn(Optional.of(adviser("no-documents", "nl", false, "ACTIVE")));
        given(accounts.find("blocked")).willReturn(Optional.of(adviser("blocked", "nl", true, "BLOCKED")));
        given(accounts.find("invited")).willReturn(Optional.of(adviser("invited", "nl", true, "INVITED")));
    }

    @Test
    void anAdviserWhoseGrantLastsAndWhoWantsDocumentMailHearsOfNewDocumentsInItsLanguage() {
        assertThat(recipients.of(dossier(grant("live", NOW.plusSeconds(1))), MailKind.DOCUMENT_PUBLISHED))
                .containsExactly(new Recipient("a1-anna", "anna@example.com", null, Language.NL),
                        new Recipient("live", "live@example.com", "Adviseur live", Language.EN));
    }

    @Test
    void aGrantThatHasEndedIsWorthNothingFromItsEndOn() {
        assertThat(recipients.of(dossier(grant("expired", NOW)), MailKind.DOCUMENT_PUBLISHED))
                .extracting(Recipient::accountId).containsExactly("a1-anna");
        assertThat(recipients.of(dossier(grant("expired", NOW.minusSeconds(3600))), MailKind.DOCUMENT_PUBLISHED))
                .extracting(Recipient::accountId).containsExactly("a1-anna");
    }

    @Test
    void anAdviserWhoSwitchedDocumentMailOffOrIsBlockedOrUnknownHearsNothing() {
        Instant later = NOW.plusSeconds(86_400);
        assertThat(recipients.of(dossier(grant("no-documents", later), grant("blocked", later), grant("unknown", later)),
                MailKind.DOCUMENT_PUBLISHED)).extracting(Recipient::accountId).containsExactly("a1-anna");
        assertThat(recipients.of(dossier(grant("invited", later)), MailKind.DOCUMENT_PUBLISHED))
                .as("an adviser still setting up the account may hear of it").extracting(Recipient::accountId)
                .containsExactly("a1-anna", "invited");
    }

    @Test
    void noOtherDossierMailReachesAnAdviser() {
        Instant later = NOW.plusSeconds(86_400);
        for (MailKind kind : List.of(MailKind.MESSAGE_RECEIVED, MailKind.QUESTIONNAIRE_WAITING)) {
            assertThat(recipients.of(dossier(grant("live", later)), kind)).extracting(Recipient::accountId)
                    .as(kind.name()).containsExactly("a1-anna");
        }
    }

    @Test
    void aPartyWithAGrantTooIsMailedOnce() {
        given(accounts.find("a1-anna")).willReturn(Optional.of(new KnownAccount("a1-anna", "anna@example.com",
                "Anna de Vries", "nl", "PERSON", null, "ACTIVE", NotificationChoices.ALL_ON, 2)));
        assertThat(recipients.of(dossier(grant("a1-anna", NOW.plusSeconds(60))), MailKind.DOCUMENT_PUBLISHED))
                .extracting(Recipient::accountId).containsExactly("a1-anna");
    }
}
