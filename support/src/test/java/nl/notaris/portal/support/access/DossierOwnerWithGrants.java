package nl.notaris.portal.support.access;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import nl.notaris.portal.support.security.CallerToken;
import nl.notaris.portal.testsupport.TestCaller;

/**
 * Stands in for dossier-service's access answer in the adviser tests (ADV-1): the dossiers a test
 * made known, with their parties and the grants their clients gave. A revoked grant is left out of
 * the answer, as dossier-service leaves it out. Registered as the service's {@link DossierOwner}
 * ({@link Registration}), so the replica asks it at each call of an adviser, as it asks dossier-service.
 */
public class DossierOwnerWithGrants implements DossierOwner {

    private final Map<String, DossierAccess> dossiers = new ConcurrentHashMap<>();
    private final AtomicLong versions = new AtomicLong();

    /**
     * From now on the owner answers the dossier with these parties and grants (a newer version each
     * time); returns that answer, e.g. for the replica as the dossier's event would bring it.
     */
    public DossierAccess knows(String dossierId, List<AccessGrant> grants, TestCaller... parties) {
        List<DossierParty> asParties = Arrays.stream(parties).map(p -> new DossierParty(p.accountId(), p.email(),
                p.accountType(), p.companyId())).toList();
        DossierAccess answer = DossierAccess.of(dossierId, "N-" + dossierId, asParties, grants,
                versions.incrementAndGet());
        dossiers.put(dossierId, answer);
        return answer;
    }

    public static AccessGrant grant(TestCaller adviser, AccessGrant.Scope scope, Instant expiresAt) {
        return new AccessGrant("g-" + UUID.randomUUID().toString().substring(0, 12), adviser.accountId(), scope,
                expiresAt);
    }

    /** As dossier-service: only with the caller's token, and nothing for a dossier it does not have. */
    @Override
    public Optional<DossierAccess> fetch(String dossierId) {
        return CallerToken.current().isEmpty() ? Optional.empty() : Optional.ofNullable(dossiers.get(dossierId));
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Registration {

        @Bean
        DossierOwnerWithGrants dossierOwnerWithGrants() {
            return new DossierOwnerWithGrants();
        }
    }
}
