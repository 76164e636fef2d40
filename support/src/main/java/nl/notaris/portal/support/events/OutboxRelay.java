package nl.notaris.portal.support.events;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes the pending events of the outbox collections to Kafka, then removes them from their
 * document. Delivery is at least once: an event can be published again when the relay stops
 * between sending and removing, or when a concurrent save writes back an already published event;
 * consumers are idempotent.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final List<OutboxCollection> collections;
    private final Duration interval;
    private final EventTracing tracing;
    private volatile ScheduledExecutorService scheduler;
    private volatile Thread relayThread;
    private final AtomicBoolean lookQueued = new AtomicBoolean();
    /** Only the relay's thread reads and writes it. */
    private boolean indexed;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, List<OutboxCollection> collections,
            Duration interval) {
        this(mongo, kafka, collections, interval, EventTracing.NONE);
    }

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, List<OutboxCollection> collections,
            Duration interval, EventTracing tracing) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.collections = collections;
        this.interval = interval;
        this.tracing = tracing;
    }

    /** Looks at once after every write to an outbox collection that {@code writes} sees, besides every interval. */
    public OutboxRelay lookingAfter(OutboxWrites writes) {
        writes.onWrite(this::lookNow);
        return this;
    }

    /**
     * Queues a look unless one is queued already (writes at the same time are one look); the relay's own writes
     * (removing what it published) queue none.
     */
    void lookNow() {
        ScheduledExecutorService running = scheduler;
        if (running != null && Thread.currentThread() != relayThread && lookQueued.compareAndSet(false, true)) {
            try {
                running.execute(() -> {
                    lookQueued.set(false);
                    runSafely();
                });
            } catch (RejectedExecutionException stopping) {
                lookQueued.set(false);
            }
        }
    }

    /** Documents with events not yet published (the outbox backlog, a metric); NaN when the database does not answer. */
    public double pendingCount() {
        try {
            long pending = 0;
            for (OutboxCollection collection : collections) {
                pending += mongo.count(query(where("pendingEvents.eventId").exists(true)), collection.name());
            }
            return pending;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Publishes everything pending now; returns how many events were published. */
    public int publishPending() {
        int published = 0;
        for (OutboxCollection collection : collections) {
            published += publishPending(collection.name());
        }
        return published;
    }

    private int publishPending(String collection) {
        Query pending = query(where("pendingEvents.eventId").exists(true)).limit(BATCH);
        pending.fields().include("pendingEvents");
        int published = 0;
        for (Document document : mongo.find(pending, Document.class, collection)) {
            List<Document> events = document.getList("pendingEvents", Document.class);
            events.sort((a, b) -> a.getDate("createdAt").compareTo(b.getDate("createdAt")));
            for (Document event : events) {
                send(event);
                mongo.updateFirst(query(where("_id").is(document.get("_id"))),
                        new Update().pull("pendingEvents", new Document("eventId", event.getString("eventId"))), collection);
                published++;
            }
        }
        return published;
    }

    private void send(Document event) {
        var record = new ProducerRecord<>(event.getString("topic"), event.getString("key"), event.getString("payload"));
        try {
            tracing.publish(event.getString("traceparent"), record, () -> {
                try {
                    return kafka.send(record).get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish event " + event.getString("eventId"), e);
        }
    }

    private void runSafely() {
        createIndexOnce();
        try {
            publishPending();
        } catch (RuntimeException e) {
            log.warn("Outbox relay will retry: {}", e.getMessage());
        }
    }

    /**
     * The index on pending events, made by the relay's first look rather than at start-up: a database that is
     * slow to answer then (a large collection, a busy server) must not stop the service from starting.
     */
    private void createIndexOnce() {
        if (indexed) {
            return;
        }
        try {
            for (OutboxCollection collection : collections) {
                mongo.indexOps(collection.name()).createIndex(new Index("pendingEvents.eventId", Sort.Direction.ASC).sparse());
            }
            indexed = true;
        } catch (RuntimeException e) {
            log.warn("Outbox relay could not create its index and tries again at its next look: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            relayThread = Thread.ofPlatform().name("outbox-relay").daemon().unstarted(runnable);
            return relayThread;
        });
        scheduler.scheduleWithFixedDelay(this::runSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdown();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
