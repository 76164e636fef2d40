package nl.notaris.portal.support.events;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.ProducerRecord;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * Keeps an event in the trace of the request that caused it, although the outbox relay publishes it
 * later on another thread: the request's W3C {@code traceparent} is stored with the pending event,
 * and the relay publishes within a producer span that continues it, with the span's
 * {@code traceparent} as a Kafka header (the listeners' observation continues the trace from there).
 */
public class EventTracing {

    /** For services and tests without tracing: events carry no trace context. */
    public static final EventTracing NONE = new EventTracing(null, null);
    static final String TRACEPARENT = "traceparent";

    private final Tracer tracer;
    private final Propagator propagator;

    public EventTracing(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current trace context as a W3C traceparent, or null outside a trace. */
    public String traceparent() {
        if (tracer == null || tracer.currentTraceContext().context() == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(tracer.currentTraceContext().context(), carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /** Sends the record within a producer span that continues {@code traceparent} (a new trace if null). */
    <T> T publish(String traceparent, ProducerRecord<String, String> record, Supplier<T> send) {
        if (tracer == null) {
            return send.get();
        }
        Span.Builder builder = traceparent == null ? tracer.spanBuilder()
                : propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get);
        Span span = builder.name(record.topic() + " publish").kind(Span.Kind.PRODUCER).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            propagator.inject(span.context(), record, (target, key, value) -> {
                target.headers().remove(key);
                target.headers().add(key, value.getBytes(StandardCharsets.UTF_8));
            });
            return send.get();
        } catch (RuntimeException e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
