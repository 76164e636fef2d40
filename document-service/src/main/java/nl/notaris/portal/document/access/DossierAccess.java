package nl.notaris.portal.document.access;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * This service's replica of who may see a dossier, kept from dossier events. {@code version} is the
 * dossier's revision: an older or repeated event never overwrites a newer state.
 */
@Document("dossier_access")
public record DossierAccess(@Id String dossierId, @Indexed List<String> accessKeys, long version) {

    public boolean allows(List<String> callerKeys) {
        return callerKeys.stream().anyMatch(accessKeys::contains);
    }
}
