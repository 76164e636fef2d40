package nl.notaris.portal.gateway.sessions;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Binary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.session.MapSession;
import org.springframework.session.ReactiveSessionRepository;
import org.springframework.session.events.SessionCreatedEvent;
import org.springframework.session.events.SessionDeletedEvent;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.reactivestreams.client.MongoCollection;

import reactor.core.publisher.Mono;

/**
 * Browser sessions in MongoDB, shared by the gateway's replicas, at the cost of one read per request:
 * <ul>
 * <li>a request writes only what it changed (an attribute is stored on its own, Java-serialised, and
 * read only when a request asks for it), and the last access time at most once a minute, so a
 * session's idle time-out is counted to the minute;</li>
 * <li>an ended session leaves a marker in its own document for as long as it could have lived: a
 * request that was running while the session ended (signing out, or Keycloak's back-channel logout)
 * updates only a session without that marker, so it cannot bring the session back.</li>
 * </ul>
 */
class SessionStore implements ReactiveSessionRepository<StoredSession> {

    static final String SESSIONS = "browserSessions";
    static final Duration LAST_ACCESS_PRECISION = Duration.ofMinutes(1);
    /** Sign-ins and tokens kept decoded (a few KB each), for the sessions used most recently. */
    private static final int DECODED_KEPT = 2_000;
    private static final String ENDED = "endedAt";
    private static final String EXPIRES = "expireAt";
    private static final String ATTRIBUTES = "attributes";
    private static final String LAST_ACCESSED = "lastAccessedAt";
    private static final String MAX_INACTIVE = "maxInactiveSeconds";
    private static final Logger log = LoggerFactory.getLogger(SessionStore.class);

    private final MongoCollection<Document> sessions;
    private final Duration idleTimeout;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SerializingConverter serializer = new SerializingConverter();
    private final DeserializingConverter deserializer = new DeserializingConverter(SessionStore.class.getClassLoader());
    private final DecodedAttributes decoded = new DecodedAttributes(DECODED_KEPT, this::deserialize);

    SessionStore(ReactiveMongoOperations mongo, Duration idleTimeout, ApplicationEventPublisher events, Clock clock) {
        // the collection is looked up once: through the template, every operation would first look for a
        // reactive transaction and create an exception when there is none
        this.sessions = mongo.getCollection(SESSIONS).block();
        this.idleTimeout = idleTimeout;
        this.events = events;
        this.clock = clock;
        // sessions and markers disappear by themselves once they expire
        mongo.indexOps(SESSIONS).createIndex(new Index(EXPIRES, Sort.Direction.ASC).expire(Duration.ZERO))
                .subscribe(null, error -> log.warn("Could not create the session index: {}", error.getMessage()));
    }

    @Override
    public Mono<StoredSession> createSession() {
        return Mono.fromSupplier(() -> new StoredSession(clock, idleTimeout));
    }

    @Override
    public Mono<StoredSession> findById(String id) {
        return Mono.from(sessions.find(eq("_id", id)).first())
                .filter(document -> !document.containsKey(ENDED))
                .map(this::session)
                .filter(session -> !session.isExpired(clock.instant()));
    }

    @Override
    public Mono<Void> save(StoredSession session) {
        if (session.isNew() || session.idChanged()) {
            return insert(session);
        }
        if (!session.needsWrite(LAST_ACCESS_PRECISION)) {
            return Mono.empty();
        }
        List<Bson> updates = new ArrayList<>(List.of(
                Updates.set(LAST_ACCESSED, Date.from(session.getLastAccessedTime())),
                Updates.set(MAX_INACTIVE, session.getMaxInactiveInterval().toSeconds()),
                Updates.set(EXPIRES, Date.from(session.expiresAt()))));
        session.changes().forEach((name, value) -> updates.add(value == null
                ? Updates.unset(ATTRIBUTES + "." + fieldName(name))
                : Updates.set(ATTRIBUTES + "." + fieldName(name), new Binary(serializer.convert(value)))));
        return Mono.from(sessions.updateOne(and(eq("_id", session.storedId()), exists(ENDED, false)), Updates.combine(updates)))
                .doOnSuccess(result -> session.stored())
                .then();
    }

    /** A new session, or one whose id changed at sign-in (the old id ends). */
    private Mono<Void> insert(StoredSession session) {
        String replacedId = session.idChanged() ? session.storedId() : null;
        Document attributes = new Document();
        session.attributes().forEach((name, value) -> attributes.put(fieldName(name), new Binary(serializer.convert(value))));
        Document document = new Document("_id", session.getId())
                .append("createdAt", Date.from(session.getCreationTime()))
                .append(LAST_ACCESSED, Date.from(session.getLastAccessedTime()))
                .append(MAX_INACTIVE, session.getMaxInactiveInterval().toSeconds())
                .append(EXPIRES, Date.from(session.expiresAt()))
                .append(ATTRIBUTES, attributes);
        boolean created = session.isNew();
        return Mono.from(sessions.insertOne(document))
                .onErrorResume(MongoWriteException.class, error -> error.getError().getCategory() == ErrorCategory.DUPLICATE_KEY
                        ? Mono.empty() // the id was ended already: the session stays ended
                        : Mono.error(error))
                .then(replacedId == null ? Mono.empty() : end(replacedId))
                .doOnSuccess(done -> {
                    session.stored();
                    if (created) {
                        events.publishEvent(new SessionCreatedEvent(this, session));
                    }
                });
    }

    @Override
    public Mono<Void> deleteById(String id) {
        return end(id).doOnSuccess(done -> events.publishEvent(new SessionDeletedEvent(this, new MapSession(id))));
    }

    /** The session's document becomes a marker that outlives any request that could still write the session. */
    private Mono<Void> end(String id) {
        Instant now = clock.instant();
        Document marker = new Document("_id", id).append(ENDED, Date.from(now))
                .append(EXPIRES, Date.from(now.plus(idleTimeout).plusSeconds(3600)));
        return Mono.from(sessions.replaceOne(eq("_id", id), marker, new ReplaceOptions().upsert(true)))
                .then();
    }

    private StoredSession session(Document document) {
        Map<String, byte[]> attributes = new HashMap<>();
        document.get(ATTRIBUTES, new Document())
                .forEach((field, value) -> attributes.put(attributeName(field), ((Binary) value).getData()));
        return new StoredSession(clock, document.getString("_id"), document.getDate("createdAt").toInstant(),
                document.getDate(LAST_ACCESSED).toInstant(),
                Duration.ofSeconds(((Number) document.get(MAX_INACTIVE)).longValue()), attributes, decoded::decode);
    }

    private Object deserialize(byte[] bytes) {
        try {
            return deserializer.convert(bytes);
        }
        catch (RuntimeException unreadable) {
            // e.g. stored by a version with other classes: the attribute is dropped (the browser signs in again)
            log.warn("A session attribute could not be read and is ignored: {}", unreadable.getClass().getSimpleName());
            return null;
        }
    }

    /** Attribute names are class names with dots; MongoDB field names cannot hold dots or start with $. */
    static String fieldName(String attribute) {
        return attribute.replace("%", "%25").replace(".", "%2E").replace("$", "%24");
    }

    static String attributeName(String field) {
        return field.replace("%24", "$").replace("%2E", ".").replace("%25", "%");
    }
}
