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
import org.springframework.data.mongodb.core.query.Query;
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
 * Which gateway session belongs to which Keycloak session, in MongoDB instead of one replica's memory.
 * Matching follows Spring's in-memory registry: a logout token names the issuer and the Keycloak
 * session ({@code sid}) or, without one, the account ({@code sub}). Only those identifiers and the
 * headers Spring replays to end the gateway session are stored, not the ID token (it holds personal
 * data); entries of sessions that were never logged out expire after a day.
 */
class MongoOidcSessionRegistry implements ReactiveOidcSessionRegistry {

    static final String COLLECTION = "oidcSessions";
    private static final Duration KEEP = Duration.ofDays(1);
    /** The ID token itself is not kept; the restored principal carries only its identifying claims. */
    private static final String NOT_KEPT = "not-kept";
    private static final Logger log = LoggerFactory.getLogger(MongoOidcSessionRegistry.class);

    record Header(String name, String value) {
    }

    record Entry(@Id String sessionId, String issuer, List<String> audience, String providerSessionId, String subject,
            List<Header> headers, Instant savedAt) {
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

    @Override
    public Mono<Void> saveSessionInformation(OidcSessionInformation info) {
        OidcUser user = info.getPrincipal();
        var headers = info.getAuthorities().entrySet().stream().map(e -> new Header(e.getKey(), e.getValue())).toList();
        var entry = new Entry(info.getSessionId(), user.getIssuer().toString(), user.getAudience(),
                user.getClaimAsString("sid"), user.getSubject(), headers, Instant.now());
        return mongo.save(entry, COLLECTION).then();
    }

    @Override
    public Mono<OidcSessionInformation> removeSessionInformation(String clientSessionId) {
        return mongo.findAndRemove(query(where("_id").is(clientSessionId)), Entry.class, COLLECTION)
                .map(MongoOidcSessionRegistry::toInformation);
    }

    @Override
    public Flux<OidcSessionInformation> removeSessionInformation(OidcLogoutToken token) {
        var criteria = where("issuer").is(token.getIssuer().toString());
        criteria = token.getSessionId() != null ? criteria.and("providerSessionId").is(token.getSessionId())
                : criteria.and("subject").is(token.getSubject());
        Query matching = query(criteria.and("audience").all(token.getAudience()));
        return mongo.findAllAndRemove(matching, Entry.class, COLLECTION).map(MongoOidcSessionRegistry::toInformation);
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
        Map<String, String> headers = new LinkedHashMap<>();
        entry.headers().forEach(header -> headers.put(header.name(), header.value()));
        return new OidcSessionInformation(entry.sessionId(), headers, user);
    }
}
