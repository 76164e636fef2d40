package nl.notaris.portal.gateway.sessions;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;

import org.bson.Document;
import org.mongodb.spring.session.MongoSession;
import org.mongodb.spring.session.ReactiveMongoSessionRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.session.ReactiveSessionRepository;

import reactor.core.publisher.Mono;

/**
 * Browser sessions in MongoDB (Spring Session), where an ended session stays ended. A session is
 * saved at the end of every request that used it, as a whole document; a request that was running
 * while the session was ended (signing out, or Keycloak's back-channel logout) would write it back.
 * So ending a session leaves a marker for as long as the session could have lived, and a session
 * with a marker is never loaded again.
 */
class SessionStore implements ReactiveSessionRepository<MongoSession> {

    static final String SESSIONS = "sessions";
    static final String ENDED = "endedSessions";
    private static final Logger log = LoggerFactory.getLogger(SessionStore.class);

    private final ReactiveMongoOperations mongo;
    private final ReactiveMongoSessionRepository sessions;

    SessionStore(ReactiveMongoOperations mongo, Duration idleTimeout, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.sessions = new ReactiveMongoSessionRepository(mongo);
        sessions.setApplicationEventPublisher(events);
        sessions.setCollectionName(SESSIONS);
        sessions.setDefaultMaxInactiveInterval(idleTimeout);
        // expired sessions and markers disappear by themselves (a marker outlives any request that could still
        // write its session back, uploads included)
        mongo.indexOps(SESSIONS).createIndex(new Index("expireAt", Sort.Direction.ASC).expire(Duration.ZERO))
                .then(mongo.indexOps(ENDED).createIndex(new Index("endedAt", Sort.Direction.ASC).expire(idleTimeout.plusHours(1))))
                .subscribe(null, error -> log.warn("Could not create the session indexes: {}", error.getMessage()));
    }

    @Override
    public Mono<MongoSession> createSession() {
        return sessions.createSession();
    }

    @Override
    public Mono<Void> save(MongoSession session) {
        return sessions.save(session);
    }

    @Override
    public Mono<MongoSession> findById(String id) {
        return mongo.exists(query(where("_id").is(id)), ENDED)
                .flatMap(ended -> ended ? sessions.deleteById(id).then(Mono.<MongoSession>empty()) : sessions.findById(id));
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return mongo.save(new Document("_id", id).append("endedAt", Instant.now()), ENDED)
                .then(sessions.deleteById(id));
    }
}
