package nl.notaris.portal.testsupport;

import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An example event from {@code contracts/examples}, adapted for one test (its own ids, versions,
 * parties) and checked against its schema again when it is turned into JSON: a consumer's test can
 * only feed it what a producer is allowed to send.
 */
public final class ContractExample {

    private final ObjectNode event;

    ContractExample(JsonNode event) {
        this.event = (ObjectNode) event.deepCopy();
    }

    public ContractExample withNewId() {
        return with("id", UUID.randomUUID().toString());
    }

    /** Sets a field by its dotted path ({@code data.dossierId}); the value may be a string, number, boolean or JSON. */
    public ContractExample with(String path, Object value) {
        String[] parts = path.split("\\.");
        ObjectNode parent = event;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = (ObjectNode) parent.get(parts[i]);
        }
        parent.set(parts[parts.length - 1], EventContracts.JSON.valueToTree(value));
        return this;
    }

    /** Sets a field to JSON given as text, e.g. a list of parties. */
    public ContractExample withJson(String path, String json) {
        try {
            return with(path, EventContracts.JSON.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Sets the dossier id everywhere the event names it: {@code data.dossierId} and, for dossier events, the subject. */
    public ContractExample forDossier(String dossierId) {
        with("data.dossierId", dossierId);
        if (event.path("subject").asText().startsWith("dossiers/")) {
            with("subject", "dossiers/" + dossierId);
        }
        return this;
    }

    public String id() {
        return event.path("id").asText();
    }

    public ArrayNode array(String path) {
        JsonNode node = event;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return (ArrayNode) node;
    }

    /** The event as JSON; fails when the adapted example no longer matches its contract. */
    public String json() {
        Set<String> violations = EventContracts.violations(event);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("The adapted example breaks its contract: " + violations + "\n" + event);
        }
        return event.toString();
    }
}
