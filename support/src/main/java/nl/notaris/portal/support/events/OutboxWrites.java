package nl.notaris.portal.support.events;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.BsonValue;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;

/**
 * Tells the {@link OutboxRelay} the moment this service's write to one of its outbox collections is
 * acknowledged, so that the write's events go out at once instead of at the relay's next look (which stays,
 * for the writes of other instances and for events a stop left behind). It listens to the MongoDB driver's
 * commands; a write that carried no event wakes the relay for one look that finds nothing.
 */
public final class OutboxWrites implements CommandListener {

    private static final Set<String> WRITES = Set.of("insert", "update", "findAndModify");

    private final Set<String> collections;
    private final Set<Integer> acknowledging = ConcurrentHashMap.newKeySet();
    private volatile Runnable listener = () -> { };

    public OutboxWrites(Collection<OutboxCollection> collections) {
        this.collections = Set.copyOf(collections.stream().map(OutboxCollection::name).toList());
    }

    /** Runs {@code listener} after each acknowledged write to an outbox collection, on the writing thread. */
    void onWrite(Runnable listener) {
        this.listener = listener;
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (WRITES.contains(event.getCommandName())) {
            BsonValue collection = event.getCommand().get(event.getCommandName());
            if (collection != null && collection.isString() && collections.contains(collection.asString().getValue())) {
                acknowledging.add(event.getRequestId());
            }
        }
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        if (acknowledging.remove(event.getRequestId())) {
            listener.run();
        }
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        acknowledging.remove(event.getRequestId());
    }
}
