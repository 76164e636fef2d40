package nl.notaris.portal.keycloak.twofactor;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.SingleUseObjectProvider;

/**
 * {@link SmsSendLimit.SentTimes} in Keycloak's single-use object store (the cluster-wide
 * {@code actionTokens} cache): one entry per account, {@code portal-sms-sent:<user id>}, holding the
 * send times, expiring an hour after the last message.
 *
 * <p>Chosen over a user attribute: nothing is written to the database on every text message, the
 * entry disappears by itself, and the times are not in the user's profile where the admin API, the
 * identity-service and token mappers would see them. The price: a restart of all Keycloak nodes
 * forgets the counts, which for a limit against abuse is acceptable.
 */
final class SingleUseObjectSentTimes implements SmsSendLimit.SentTimes {

    private static final String KEY_PREFIX = "portal-sms-sent:";
    private static final String SENT = "sent";

    private final KeycloakSession session;

    SingleUseObjectSentTimes(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public List<Instant> load(String userId) {
        Map<String, String> entry = store().get(KEY_PREFIX + userId);
        String sent = entry == null ? null : entry.get(SENT);
        if (sent == null || sent.isBlank()) {
            return List.of();
        }
        try {
            return Arrays.stream(sent.split(",")).map(Long::parseLong).map(Instant::ofEpochMilli).toList();
        } catch (NumberFormatException e) {
            return List.of();
        }
    }

    @Override
    public void save(String userId, List<Instant> times) {
        String sent = times.stream().map(t -> Long.toString(t.toEpochMilli())).collect(Collectors.joining(","));
        store().put(KEY_PREFIX + userId, SmsSendLimit.WINDOW.toSeconds(), Map.of(SENT, sent));
    }

    private SingleUseObjectProvider store() {
        return session.singleUseObjects();
    }
}
