package nl.notaris.portal.dossier.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The envelope of an event this service reads ({@code time}: when it happened). What a handler needs
 * and does not find makes it fail ({@link #missing}), so that the record is retried and then parked.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConsumedEvent(String id, String type, Instant time, JsonNode data) {

    /** The event's {@code data} as the handler's own record. */
    public <T> T data(JsonMapper json, Class<T> type) {
        if (data == null || data.isNull()) {
            throw missing("data");
        }
        return json.treeToValue(data, type);
    }

    public <T> T required(String field, T value) {
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    public IllegalArgumentException missing(String field) {
        return new IllegalArgumentException("Event " + id + " (" + type + ") has no " + field + ".");
    }
}
