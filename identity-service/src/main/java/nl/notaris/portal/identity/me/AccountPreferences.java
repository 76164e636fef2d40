package nl.notaris.portal.identity.me;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** What an account chose for itself; the account itself lives in Keycloak. */
@Document("account_preferences")
public record AccountPreferences(@Id String accountId, Language language, Instant updatedAt) {
}
