package nl.notaris.portal.gateway.sessions;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.session.OidcSessionInformation;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which browser session belongs to which Keycloak session, in MongoDB instead of one replica's memory,
 * so Keycloak's back-channel logout ({@link BackChannelLogout}) ends a session whichever replica it reaches. Sessions are
 * registered by {@link RegisteringSecurityContextRepository} once the sign-in is stored, under the
 * session's final id (Spring's own registration comes before the id changes at sign-in, so it is
 * ignored here). Only identifiers are kept, not the ID token (it holds personal data); entries of
 * sessions that were never logged out expire after a day.
 */
class MongoOidcSessionRegistry implements ReactiveOidcSessionRegistry {

    static final String COLLECTION = "oidcSessions";
    private static final Duration KEEP = Duration.ofDays(1);
    /** The ID token itself is not kept; the restored principal carries only its identifying claims. */
    private static final String NOT_KEPT = "not-kept";
    private static final Logger log = LoggerFactory.getLogger(MongoOidcSessionRegistry.class);

    record Entry(@Id String sessionId, String issuer, List<String> audience, String providerSessionId, String subject,
            Instant savedAt) {
    }

    private final ReactiveMongoOperations mongo;

    MongoOidcSessionRegistry(ReactiveMongoOperations mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index("savedAt", Sort.Direction.ASC).expire(KEEP))
                .then(mongo.indexOps(COLLECTION).createIndex(new Index("issuer", Sort.Direction.ASC)
                        .on("providerSessionId", Sort.Direction.ASC)))
                .then(mongo.indexOps(COLLECTION).createIndex(new Index("issuer", Sort.Direction.ASC)
                        .on("subject", Sort.Direction.ASC)))
                .subscribe(null, error -> log.warn("Could not create the indexes of {}: {}", COLLECTION, error.getMessage()));
    }

    /** Links a browser session, under its final id, to the Keycloak session of its signed-in user. */
    Mono<Void> register(String sessionId, OidcUser user) {
        var entry = new Entry(sessionId, user.getIssuer().toString(), user.getAudience(), user.getClaimAsString("sid"),
                user.getSubject(), Instant.now());
        return mongo.save(entry, COLLECTION).then();
    }

    /** Spring registers the session before its id changes at sign-in; {@link #register} does it afterwards. */
    @Override
    public Mono<Void> saveSessionInformation(OidcSessionInformation info) {
        return Mono.empty();
    }

    @Override
    public Mono<OidcSessionInformation> removeSessionInformation(String clientSessionId) {
        return mongo.findAndRemove(query(where("_id").is(clientSessionId)), Entry.class, COLLECTION)
                .map(MongoOidcSessionRegistry::toInformation);
    }

    /** As Spring's own registry matches: issuer and audience, then the Keycloak session, or the account without one. */
    @Override
    public Flux<OidcSessionInformation> removeSessionInformation(OidcLogoutToken token) {
        var criteria = where("issuer").is(token.getIssuer().toString());
        criteria = token.getSessionId() != null ? criteria.and("providerSessionId").is(token.getSessionId())
                : criteria.and("subject").is(token.getSubject());
        return mongo.findAllAndRemove(query(criteria.and("audience").all(token.getAudience())), Entry.class, COLLECTION)
                .map(MongoOidcSessionRegistry::toInformation);
    }

    private static OidcSessionInformation toInformation(Entry entry) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put(IdTokenClaimNames.ISS, entry.issuer());
        claims.put(IdTokenClaimNames.SUB, entry.subject());
        claims.put(IdTokenClaimNames.AUD, entry.audience());
        if (entry.providerSessionId() != null) {
            claims.put("sid", entry.providerSessionId());
        }
        var user = new DefaultOidcUser(Set.of(), new OidcIdToken(NOT_KEPT, null, null, claims));
        return new OidcSessionInformation(entry.sessionId(), Map.of(), user);
    }
}
