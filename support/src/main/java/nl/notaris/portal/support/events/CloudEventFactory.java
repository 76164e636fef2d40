package nl.notaris.portal.support.events;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the JSON envelope of an event. Attribute names follow CloudEvents; {@code type} is a
 * logical name such as {@code portal.dossier.created}, never a class name.
 */
public class CloudEventFactory {

    private final JsonMapper json;
    private final String source;
    private final Clock clock;
    private final EventTracing tracing;

    public CloudEventFactory(JsonMapper json, String source, Clock clock) {
        this(json, source, clock, EventTracing.NONE);
    }

    public CloudEventFactory(JsonMapper json, String source, Clock clock, EventTracing tracing) {
        // absent values are left out rather than written as null: the contracts say which fields are optional
        this.json = json.rebuild()
                .changeDefaultPropertyInclusion(include -> include.withValueInclusion(JsonInclude.Include.NON_NULL))
                .build();
        this.source = source;
        this.clock = clock;
        this.tracing = tracing;
    }

    public PendingEvent create(String topic, String key, String type, String subject, Object data) {
        return create(UUID.randomUUID().toString(), topic, key, type, subject, data);
    }

    /**
     * With an id of the caller's choosing: an event derived from something that already has an id
     * (e.g. an event of Keycloak's) keeps one id however often it is derived, so consumers drop repeats.
     */
    public PendingEvent create(String id, String topic, String key, String type, String subject, Object data) {
        Instant time = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", id);
        envelope.put("type", type);
        envelope.put("source", source);
        envelope.put("subject", subject);
        envelope.put("time", time.toString());
        envelope.put("datacontenttype", "application/json");
        envelope.put("data", data);
        return new PendingEvent(id, topic, key, type, json.writeValueAsString(envelope), time, tracing.traceparent());
    }
}
