package nl.notaris.portal.support.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import nl.notaris.portal.support.access.AccessGrant.Scope;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.NotFoundException;

/**
 * The access rule with grants (ADV-1): a party is answered from the replica; an adviser only where a
 * service lets advisers in, only while the owner says the grant lasts, and for delivering only with
 * that scope.
 */
class DossierAccessReplicaTest {

    static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
    final Caller anna = new Caller("a-anna", "anna@example.com", "Anna de Vries", null, List.of("client"));
    final Caller adviser = new Caller("a-adv", "adviseur@example.com", "Ada Adviseur", null, List.of("client"));
    final Caller stranger = new Caller("a-x", "x@example.com", "X", null, List.of("client"));
    final DossierParty annaParty = new DossierParty("a-anna", "anna@example.com", "PERSON", null);

    final MongoTemplate mongo = mock(MongoTemplate.class);
    final List<String> askedOwner = new ArrayList<>();
    Optional<DossierAccess> owners = Optional.empty();
    final DossierAccessReplica replica = new DossierAccessReplica(mongo, id -> {
        askedOwner.add(id);
        return owners;
    }, Clock.fixed(NOW, ZoneOffset.UTC));

    DossierAccess withGrant(Scope scope, Instant expiresAt) {
        return DossierAccess.of("d1", "2026-0001", List.of(annaParty),
                List.of(new AccessGrant("g1", "a-adv", scope, expiresAt)), 3);
    }

    void replicaHolds(DossierAccess access) {
        given(mongo.findById(eq("d1"), eq(DossierAccess.class))).willReturn(access);
    }

    @Test
    void aPartyIsAnsweredFromTheReplicaWithoutAskingTheOwner() {
        replicaHolds(withGrant(Scope.READ, NOW.plusSeconds(60)));
        assertThat(replica.requireReading("d1", anna).number()).isEqualTo("2026-0001");
        assertThat(replica.require("d1", anna).number()).isEqualTo("2026-0001");
        assertThat(askedOwner).isEmpty();
    }

    @Test
    void aGrantDoesNotOpenWhatIsNotOpenedToAdvisers() {
        owners = Optional.of(withGrant(Scope.READ_DELIVER, NOW.plusSeconds(60)));
        replicaHolds(owners.get());
        assertThatThrownBy(() -> replica.require("d1", adviser)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aGrantIsConfirmedByTheOwnerOnEveryCall() {
        replicaHolds(withGrant(Scope.READ, NOW.plusSeconds(60)));
        owners = Optional.of(withGrant(Scope.READ, NOW.plusSeconds(60)));
        replica.requireReading("d1", adviser);
        replica.requireReading("d1", adviser);
        assertThat(askedOwner).containsExactly("d1", "d1");
    }

    @Test
    void aGrantJustMadeIsUsableBeforeItsEventArrives() {
        replicaHolds(DossierAccess.of("d1", "2026-0001", List.of(annaParty), 2));
        owners = Optional.of(withGrant(Scope.READ, NOW.plusSeconds(60)));
        assertThat(replica.requireReading("d1", adviser).grantOf(adviser, NOW)).isPresent();
    }

    @Test
    void aGrantTheOwnerNoLongerHasIsRefusedAtOnce() {
        replicaHolds(withGrant(Scope.READ, NOW.plusSeconds(60)));
        owners = Optional.of(DossierAccess.of("d1", "2026-0001", List.of(annaParty), 4));
        assertThatThrownBy(() -> replica.requireReading("d1", adviser)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void anExpiredGrantIsRefusedAtTheMomentItEnds() {
        owners = Optional.of(withGrant(Scope.READ, NOW));
        assertThatThrownBy(() -> replica.requireReading("d1", adviser)).isInstanceOf(NotFoundException.class);
        owners = Optional.of(withGrant(Scope.READ, NOW.plusMillis(1)));
        assertThat(replica.requireReading("d1", adviser).dossierId()).isEqualTo("d1");
    }

    @Test
    void deliveringNeedsTheScopeThatAllowsIt() {
        owners = Optional.of(withGrant(Scope.READ, NOW.plusSeconds(60)));
        assertThatThrownBy(() -> replica.requireDelivering("d1", adviser)).isInstanceOf(NotFoundException.class);
        owners = Optional.of(withGrant(Scope.READ_DELIVER, NOW.plusSeconds(60)));
        assertThat(replica.requireDelivering("d1", adviser).dossierId()).isEqualTo("d1");
    }

    @Test
    void someoneElsesGrantOpensNothing() {
        owners = Optional.of(withGrant(Scope.READ_DELIVER, NOW.plusSeconds(60)));
        assertThatThrownBy(() -> replica.requireReading("d1", stranger)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void theOwnersAnswerIsKeptInTheReplica() {
        owners = Optional.of(withGrant(Scope.READ, NOW.plusSeconds(60)));
        replica.requireReading("d1", adviser);
        verify(mongo).upsert(any(), any(), eq(DossierAccess.class));
    }
}
