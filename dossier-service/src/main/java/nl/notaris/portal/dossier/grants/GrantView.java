package nl.notaris.portal.dossier.grants;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import nl.notaris.portal.dossier.dossier.Dossier;
import nl.notaris.portal.dossier.dossier.Grant;
import nl.notaris.portal.support.access.AccessGrant;

/**
 * A grant as the client who may give them and the office see it: who (e-mail address and name), what
 * ({@code scope}), until which day ({@code until}; access ends at {@code expiresAt}, the start of the next
 * day in the Netherlands), given when and by whom, last used when, and its {@code state} at the moment
 * of asking: {@code ACTIVE}, {@code EXPIRED} or {@code REVOKED}.
 */
record GrantView(String id, String dossierId, String dossierNumber, String email, String name,
        AccessGrant.Scope scope, LocalDate until, Instant expiresAt, Instant grantedAt, String grantedBy,
        Instant lastUsedAt, Grant.State state, Instant revokedAt) {

    static final Comparator<GrantView> NEWEST_FIRST = Comparator.comparing(GrantView::grantedAt).reversed()
            .thenComparing(GrantView::id);

    static GrantView of(Dossier dossier, Grant grant, Instant now) {
        return new GrantView(grant.id(), dossier.getId(), dossier.getNumber(), grant.email(), grant.name(),
                grant.scope(), grant.until(), grant.expiresAt(), grant.grantedAt(), grant.grantedByName(),
                grant.lastUsedAt(), grant.stateAt(now), grant.revokedAt());
    }

    /** The dossier's grants, newest first. */
    static List<GrantView> allOf(Dossier dossier, Instant now) {
        return dossier.getGrants().stream().map(grant -> of(dossier, grant, now)).sorted(NEWEST_FIRST).toList();
    }
}
