package nl.notaris.portal.keycloak.twofactor;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * {@link SmsSendLimit.Slots} in Keycloak's single-use object store (the cluster-wide {@code actionTokens}
 * cache): {@code putIfAbsent} takes a slot atomically on every node, and the entry expires by itself.
 * When a slot was taken is kept beside it ({@code <key>:at}, same lifespan), only to tell a client how
 * long to wait.
 *
 * <p>Chosen over a user attribute: nothing is written to the database per text message, the entries
 * disappear by themselves, and nothing shows in the user's profile. The price: a restart of all
 * Keycloak nodes forgets the counts, which for a limit against abuse is acceptable.
 */
final class SingleUseObjectSlots implements SmsSendLimit.Slots {

    private static final String AT = "at";

    private final KeycloakSession session;

    SingleUseObjectSlots(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public boolean take(String key, Duration lifespan, Instant now) {
        if (!store().putIfAbsent(key, lifespan.toSeconds())) {
            return false;
        }
        store().put(key + ":" + AT, lifespan.toSeconds(), Map.of(AT, Long.toString(now.toEpochMilli())));
        return true;
    }

    @Override
    public Optional<Instant> takenAt(String key) {
        Map<String, String> entry = store().get(key + ":" + AT);
        try {
            return Optional.ofNullable(entry).map(e -> e.get(AT)).map(Long::parseLong).map(Instant::ofEpochMilli);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void free(String key) {
        store().remove(key);
        store().remove(key + ":" + AT);
    }

    private SingleUseObjectProvider store() {
        return session.singleUseObjects();
    }
}
