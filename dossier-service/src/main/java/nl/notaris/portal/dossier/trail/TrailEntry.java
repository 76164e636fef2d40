package nl.notaris.portal.dossier.trail;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One record of who did what in a dossier (TRL-1), appended once per event ({@code id}: the event's id,
 * with a suffix where one event makes two records) and never changed. {@code seq} counts the dossier's
 * records from 1; {@code hash} is the SHA-256 of the record's fields and the previous record's hash
 * ({@code prevHash}), so that changing or removing a record breaks the chain ({@link TrailCheck}).
 * Names and ids only: no message text, document title or content.
 */
@Document("trail")
@CompoundIndex(name = "dossier_seq", def = "{'dossierId': 1, 'seq': -1}", unique = true)
@CompoundIndex(name = "recorded", def = "{'recordedAt': 1}")
record TrailEntry(@Id String id, String dossierId, long seq, Instant at, Kind kind, Side side, String actorName,
        String objectId, String status, List<String> partiesAdded, List<String> partiesRemoved, String name,
        Instant recordedAt, String prevHash, String hash) {

    /** The hash before the first record of a dossier. */
    static final String GENESIS = "0".repeat(64);

    enum Kind {
        DOSSIER_CREATED, STATUS_CHANGED, DETAILS_CHANGED, PARTIES_CHANGED, PROGRESS_CHANGED, DOCUMENT_PUBLISHED,
        DOCUMENT_OPENED, DOCUMENT_DELIVERED, MESSAGE_SENT, MESSAGE_READ, QUESTIONNAIRE_SENT, QUESTIONNAIRE_COMPLETED,
        REQUEST_FULFILLED,
        /** A client gave an adviser access (ADV-1): object the grant, name the adviser's. */
        GRANTED,
        /** A grant revoked, by a client or the office. */
        REVOKED,
        /** An adviser used a grant (recorded at most once an hour per grant). */
        USED
    }

    enum Side {
        OFFICE, CLIENT
    }

    /** What happened, before it has its place in the chain. */
    record Fact(String id, String dossierId, Instant at, Kind kind, Side side, String actorName, String objectId,
            String status, List<String> partiesAdded, List<String> partiesRemoved, String name) {

        static Fact of(String id, String dossierId, Instant at, Kind kind, Side side, String actorName,
                String objectId) {
            return new Fact(id, dossierId, at, kind, side, actorName, objectId, null, null, null, null);
        }

        Fact withStatus(String newStatus) {
            return new Fact(id, dossierId, at, kind, side, actorName, objectId, newStatus, partiesAdded,
                    partiesRemoved, name);
        }

        Fact withParties(List<String> added, List<String> removed) {
            return new Fact(id, dossierId, at, kind, side, actorName, objectId, status, added, removed, name);
        }

        Fact withName(String requestName) {
            return new Fact(id, dossierId, at, kind, side, actorName, objectId, status, partiesAdded,
                    partiesRemoved, requestName);
        }

        TrailEntry after(long seq, String prevHash, Instant recordedAt) {
            // MongoDB keeps milliseconds: the hash is of what is stored
            TrailEntry unsealed = new TrailEntry(id, dossierId, seq, at.truncatedTo(ChronoUnit.MILLIS), kind, side,
                    actorName, objectId, status, partiesAdded, partiesRemoved, name,
                    recordedAt.truncatedTo(ChronoUnit.MILLIS), prevHash, null);
            return unsealed.withHash(unsealed.computeHash());
        }
    }

    TrailEntry withHash(String newHash) {
        return new TrailEntry(id, dossierId, seq, at, kind, side, actorName, objectId, status, partiesAdded,
                partiesRemoved, name, recordedAt, prevHash, newHash);
    }

    /** SHA-256 over every field but the hash itself, each written with its length so no two records read alike. */
    String computeHash() {
        List<String> fields = new ArrayList<>(List.of(String.valueOf(id), String.valueOf(dossierId),
                Long.toString(seq), String.valueOf(at), String.valueOf(kind), String.valueOf(side),
                String.valueOf(actorName), String.valueOf(objectId), String.valueOf(status),
                String.valueOf(partiesAdded), String.valueOf(partiesRemoved), String.valueOf(name),
                String.valueOf(recordedAt), String.valueOf(prevHash)));
        StringBuilder text = new StringBuilder();
        for (String field : fields) {
            text.append(field.length()).append(':').append(field).append(';');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
