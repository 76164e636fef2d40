package nl.notaris.portal.support.access;

import java.util.Optional;

/**
 * The service that owns dossiers (dossier-service), asked for a dossier the replica does not know
 * yet, so that a dossier created a moment ago is found before its event arrives.
 */
public interface DossierOwner {

    /** The dossier's current access state, or empty when it does not exist or the caller may not see it. */
    Optional<DossierAccess> fetch(String dossierId);
}
