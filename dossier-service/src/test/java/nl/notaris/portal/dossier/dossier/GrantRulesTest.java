package nl.notaris.portal.dossier.dossier;

import static nl.notaris.portal.dossier.dossier.DossierMother.ANNA;
import static nl.notaris.portal.dossier.dossier.DossierMother.JANSEN_BV;
import static nl.notaris.portal.dossier.dossier.DossierMother.PIET;
import static nl.notaris.portal.dossier.dossier.DossierMother.purchaseOfAHouse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import nl.notaris.portal.support.access.AccessGrant;
import nl.notaris.portal.support.access.AccessGrant.Scope;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.InvalidRequestException;
import nl.notaris.portal.support.web.NotFoundException;
import nl.notaris.portal.support.web.ProblemException;

/** ADV-1's rules of a grant, on the dossier that holds it, at fixed moments. */
class GrantRulesTest {

    /** 28 November 2026, 11:00 in Amsterdam. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);
    static final Instant NOW = CLOCK.instant();

    static final Caller ANNA_CALLER = caller("a1", null, "client");
    static final Caller JANSEN_CALLER = caller("b1", "bakkerij-jansen", "client", "company-admin");
    static final Caller PIET_CALLER = caller("b2", "bakkerij-jansen", "client");
    static final Caller STAFF = caller("s1", null, "staff");
    static final Caller ADVISER = caller("adv-1", null, "client");

    // ---- how long ----------------------------------------------------------------------------------

    @Test
    void withoutADayAGrantLasts30DaysToTheEndOfTheDayInTheNetherlands() {
        LocalDate until = GrantPeriod.untilOfNew(null, NOW);

        assertThat(until).isEqualTo(LocalDate.parse("2026-12-28"));
        assertThat(GrantPeriod.endOf(until)).as("midnight in Amsterdam, winter time")
                .isEqualTo(Instant.parse("2026-12-28T23:00:00Z"));
        assertThat(GrantPeriod.endOf(LocalDate.parse("2027-07-31"))).as("summer time")
                .isEqualTo(Instant.parse("2027-07-31T22:00:00Z"));
    }

    @Test
    void theLastDayIsTodayAtTheEarliestAndOneYearFromTodayAtTheLatest() {
        assertThat(GrantPeriod.untilOfNew(LocalDate.parse("2026-11-28"), NOW)).isEqualTo(LocalDate.parse("2026-11-28"));
        assertThat(GrantPeriod.untilOfNew(LocalDate.parse("2027-11-28"), NOW)).isEqualTo(LocalDate.parse("2027-11-28"));

        for (String refused : List.of("2026-11-27", "2027-11-29")) {
            assertThatThrownBy(() -> GrantPeriod.untilOfNew(LocalDate.parse(refused), NOW))
                    .isInstanceOf(InvalidRequestException.class)
                    .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("until"));
        }
    }

    @Test
    void todayIsTheDutchDayNotTheServersOrUtcs() {
        Instant lateInUtc = Instant.parse("2026-11-28T23:30:00Z"); // 00:30 on the 29th in Amsterdam

        assertThat(GrantPeriod.today(lateInUtc)).isEqualTo(LocalDate.parse("2026-11-29"));
        assertThatThrownBy(() -> GrantPeriod.untilOfNew(LocalDate.parse("2026-11-28"), lateInUtc))
                .isInstanceOf(InvalidRequestException.class);
    }

    // ---- who may grant ------------------------------------------------------------------------------

    @Test
    void aPersonPartyAndACompanysMainAccountMayGrantNobodyElse() {
        Dossier persons = purchaseOfAHouse();
        assertThat(persons.mayGrant(ANNA_CALLER)).isTrue();
        assertThat(persons.mayGrant(caller("c1", null, "client"))).as("not a party").isFalse();
        assertThat(persons.mayGrant(STAFF)).as("the office revokes, it does not grant").isFalse();

        Dossier companys = purchaseOfAHouse();
        companys.replaceParties(List.of(JANSEN_BV), NOW);
        assertThat(companys.mayGrant(JANSEN_CALLER)).isTrue();
        assertThat(companys.mayGrant(PIET_CALLER)).as("an extra account sees the dossier, it does not share it")
                .isFalse();

        Dossier extras = purchaseOfAHouse();
        extras.replaceParties(List.of(PIET), NOW);
        assertThat(extras.isVisibleTo(PIET_CALLER)).isTrue();
        assertThat(extras.mayGrant(PIET_CALLER)).as("a company's extra account as party").isFalse();

        persons.grant("adv-1", "adviseur@example.com", "Henk", Scope.READ, LocalDate.parse("2026-12-31"),
                ANNA_CALLER, NOW);
        assertThat(persons.mayGrant(ADVISER)).as("an adviser does not pass a grant on").isFalse();
    }

    // ---- what is refused ----------------------------------------------------------------------------

    @Test
    void aPartysAddressOrAccountAndALiveGrantAreConflictsAnEndedOneIsNot() {
        Dossier dossier = purchaseOfAHouse();
        assertThat(status(() -> dossier.checkGrantable(" ANNA@example.com ", null, NOW))).isEqualTo(HttpStatus.CONFLICT);
        assertThat(status(() -> dossier.checkGrantable("anders@example.com", "a1", NOW))).isEqualTo(HttpStatus.CONFLICT);

        Grant grant = dossier.grant("adv-1", "adviseur@example.com", "Henk", Scope.READ, LocalDate.parse("2026-12-01"),
                ANNA_CALLER, NOW);
        assertThat(status(() -> dossier.checkGrantable("Adviseur@Example.com", null, NOW))).isEqualTo(HttpStatus.CONFLICT);
        assertThat(status(() -> dossier.checkGrantable("nieuw@example.com", "adv-1", NOW))).isEqualTo(HttpStatus.CONFLICT);

        Instant afterTheEnd = grant.expiresAt();
        dossier.checkGrantable("adviseur@example.com", "adv-1", afterTheEnd);
        dossier.revokeGrant(grant.id(), "Anna de Vries", NOW);
        dossier.checkGrantable("adviseur@example.com", "adv-1", NOW);
    }

    // ---- a grant's life -----------------------------------------------------------------------------

    @Test
    void aGrantIsBoundToItsAccountAndCountsAsAChangeOfTheDossier() {
        Dossier dossier = purchaseOfAHouse();
        long revision = dossier.getRevision();

        Grant grant = dossier.grant("adv-1", " adviseur@example.com ", " Henk de Adviseur ", Scope.READ_DELIVER,
                LocalDate.parse("2026-12-31"), ANNA_CALLER, NOW);

        assertThat(grant.id()).matches("g-[0-9a-f]{12}");
        assertThat(grant).extracting(Grant::accountId, Grant::email, Grant::name, Grant::grantedByAccountId,
                Grant::grantedAt, Grant::expiresAt).containsExactly("adv-1", "adviseur@example.com",
                        "Henk de Adviseur", "a1", NOW, Instant.parse("2026-12-31T23:00:00Z"));
        assertThat(dossier.getRevision()).isEqualTo(revision + 1);
        assertThat(DossierEvents.accessGrants(dossier)).containsExactly(new AccessGrant(grant.id(), "adv-1",
                Scope.READ_DELIVER, Instant.parse("2026-12-31T23:00:00Z")));
    }

    @Test
    void expiryIsDecidedAtTheMomentOfTheCall() {
        Dossier dossier = purchaseOfAHouse();
        Grant grant = dossier.grant("adv-1", "adviseur@example.com", "Henk", Scope.READ, LocalDate.parse("2026-12-31"),
                ANNA_CALLER, NOW);
        Instant end = grant.expiresAt();

        assertThat(dossier.liveGrantOf("adv-1", end.minusMillis(1))).contains(grant);
        assertThat(dossier.liveGrantOf("adv-1", end)).isEmpty();
        assertThat(dossier.liveGrantOf("adv-2", NOW)).isEmpty();
        assertThat(grant.stateAt(end.minusMillis(1))).isEqualTo(Grant.State.ACTIVE);
        assertThat(grant.stateAt(end)).isEqualTo(Grant.State.EXPIRED);
        assertThat(dossier.sharedWith(ADVISER, NOW)).contains(grant);
        assertThat(dossier.sharedWith(ANNA_CALLER, NOW)).as("a party reads it as its own").isEmpty();
        assertThat(DossierEvents.accessGrants(dossier)).as("an ended grant is still carried: every service checks the end")
                .hasSize(1);
    }

    @Test
    void aGrantCanBeShortenedNeverLengthened() {
        Dossier dossier = purchaseOfAHouse();
        Grant grant = dossier.grant("adv-1", "adviseur@example.com", "Henk", Scope.READ, LocalDate.parse("2026-12-31"),
                ANNA_CALLER, NOW);
        long revision = dossier.getRevision();

        assertThatThrownBy(() -> dossier.shortenGrant(grant.id(), LocalDate.parse("2027-01-01"), NOW))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("2026-12-31");
        assertThatThrownBy(() -> dossier.shortenGrant(grant.id(), LocalDate.parse("2026-11-27"), NOW))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("today");
        assertThat(dossier.shortenGrant(grant.id(), LocalDate.parse("2026-12-31"), NOW)).as("the same day").isFalse();
        assertThat(dossier.getRevision()).isEqualTo(revision);

        assertThat(dossier.shortenGrant(grant.id(), LocalDate.parse("2026-11-28"), NOW)).isTrue();
        Grant shortened = dossier.findGrant(grant.id()).orElseThrow();
        assertThat(shortened.until()).isEqualTo(LocalDate.parse("2026-11-28"));
        assertThat(shortened.expiresAt()).isEqualTo(Instant.parse("2026-11-28T23:00:00Z"));
        assertThat(dossier.getRevision()).isEqualTo(revision + 1);
        assertThatThrownBy(() -> dossier.shortenGrant("g-000000000000", LocalDate.parse("2026-11-28"), NOW))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void revokingEndsAGrantAtOnceAndAgainChangesNothing() {
        Dossier dossier = purchaseOfAHouse();
        Grant grant = dossier.grant("adv-1", "adviseur@example.com", "Henk", Scope.READ, LocalDate.parse("2026-12-31"),
                ANNA_CALLER, NOW);
        Instant later = NOW.plus(Duration.ofHours(2));

        assertThat(dossier.revokeGrant(grant.id(), "Anna de Vries", later)).isTrue();
        long revision = dossier.getRevision();
        assertThat(dossier.revokeGrant(grant.id(), "Mr. J. de Notaris", later.plusSeconds(60))).isFalse();

        Grant revoked = dossier.findGrant(grant.id()).orElseThrow();
        assertThat(revoked).extracting(Grant::revokedAt, Grant::revokedByName).containsExactly(later, "Anna de Vries");
        assertThat(revoked.stateAt(later)).isEqualTo(Grant.State.REVOKED);
        assertThat(dossier.liveGrantOf("adv-1", later)).isEmpty();
        assertThat(dossier.getRevision()).isEqualTo(revision);
        assertThat(DossierEvents.accessGrants(dossier)).as("a revoked grant is not carried").isEmpty();
        assertThatThrownBy(() -> dossier.shortenGrant(grant.id(), LocalDate.parse("2026-12-01"), later))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> dossier.revokeGrant("g-000000000000", "Anna de Vries", later))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aUseIsWrittenAtMostOnceAMinuteAndRecordedAtMostOnceAnHour() {
        Grant fresh = Grant.create("adv-1", "adviseur@example.com", "Henk", Scope.READ, LocalDate.parse("2026-12-31"),
                "a1", "Anna de Vries", NOW);
        assertThat(fresh.lastUseOutdatedAt(NOW)).isTrue();
        assertThat(fresh.useToBeRecordedAt(NOW)).isTrue();

        Grant used = new Grant(fresh.id(), "adv-1", fresh.email(), fresh.name(), Scope.READ, fresh.until(),
                fresh.expiresAt(), NOW, "a1", "Anna de Vries", NOW, NOW, null, null);
        assertThat(used.lastUseOutdatedAt(NOW.plusSeconds(59))).isFalse();
        assertThat(used.lastUseOutdatedAt(NOW.plusSeconds(60))).isTrue();
        assertThat(used.useToBeRecordedAt(NOW.plus(Duration.ofMinutes(59)))).isFalse();
        assertThat(used.useToBeRecordedAt(NOW.plus(Duration.ofHours(1)))).isTrue();
    }

    private static HttpStatus status(Runnable check) {
        try {
            check.run();
            return HttpStatus.OK;
        } catch (ProblemException e) {
            return e.status();
        }
    }

    private static Caller caller(String accountId, String companyId, String... roles) {
        return new Caller(accountId, accountId + "@example.com", accountId, companyId, List.of(roles));
    }
}
