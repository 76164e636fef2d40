package nl.notaris.portal.dossier.parties;

import java.util.Optional;

/** Finds portal accounts by e-mail address, with their display name; identity-service owns them. */
public interface AccountDirectory {

    Optional<Party> findByEmail(String email);
}
