package nl.notaris.portal.notification.recipients;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * This service's replica of a dossier's parties, kept from dossier events. {@code version} is the
 * dossier's revision: an older or repeated event never overwrites a newer state.
 */
@Document("dossier_recipients")
public record DossierRecipients(@Id String dossierId, List<Recipient> parties, long version) {
}
