package nl.notaris.portal.dossier.trail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Checks every dossier's chain of records: each record's hash is that of its fields, each names the
 * hash of the one before it, the places count on without a gap from where retention cut the chain
 * ({@code trail_anchors}) up to the dossier's last place ({@code trail_heads}). Reports each record
 * that was changed and each place whose record is gone.
 */
@Component
class TrailCheck {

    static final String ANCHORS = "trail_anchors";

    private final MongoTemplate mongo;

    TrailCheck(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** What the check found: how much it read, and every problem (none: the trail is intact). */
    record Report(long dossiers, long entries, List<Problem> problems) {

        boolean intact() {
            return problems.isEmpty();
        }
    }

    /** {@code CHANGED}: the record differs from what was hashed; {@code MISSING}: records {@code seq}..{@code toSeq} are gone. */
    record Problem(String dossierId, long seq, Long toSeq, String problem) {
    }

    Report run() {
        Map<String, Document> anchors = byId(ANCHORS);
        Map<String, Document> heads = byId(Trail.HEADS);
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        long entries = 0;
        long dossiers = 0;
        String dossier = null;
        long expectedSeq = 0;
        String expectedPrev = null;
        Query all = new Query().with(Sort.by("dossierId").and(Sort.by("seq")));
        try (var stream = mongo.stream(all, TrailEntry.class)) {
            for (var iterator = stream.iterator(); iterator.hasNext();) {
                TrailEntry entry = iterator.next();
                entries++;
                if (!entry.dossierId().equals(dossier)) {
                    if (dossier != null) {
                        checkTail(dossier, expectedSeq, heads, problems);
                    }
                    dossier = entry.dossierId();
                    seen.add(dossier);
                    dossiers++;
                    Document anchor = anchors.get(dossier);
                    expectedSeq = anchor == null ? 1 : anchor.get("seq", Number.class).longValue() + 1;
                    expectedPrev = anchor == null ? TrailEntry.GENESIS : anchor.getString("hash");
                }
                if (entry.seq() < expectedSeq) {
                    continue; // covered by the anchor already: retention removes it on its next run
                }
                boolean gap = entry.seq() > expectedSeq;
                if (gap) {
                    problems.add(new Problem(dossier, expectedSeq, entry.seq() - 1, "MISSING"));
                }
                // after a gap the link cannot be checked: the record it names is gone
                if ((!gap && !entry.prevHash().equals(expectedPrev)) || !entry.computeHash().equals(entry.hash())) {
                    problems.add(new Problem(dossier, entry.seq(), null, "CHANGED"));
                }
                expectedSeq = entry.seq() + 1;
                expectedPrev = entry.hash();
            }
        }
        if (dossier != null) {
            checkTail(dossier, expectedSeq, heads, problems);
        }
        // a dossier whose records are all gone: its head says how many there were
        heads.keySet().removeAll(seen);
        heads.forEach((dossierId, head) -> checkTail(dossierId, anchorSeq(anchors.get(dossierId)) + 1, heads, problems));
        return new Report(dossiers, entries, problems);
    }

    private static void checkTail(String dossier, long nextSeq, Map<String, Document> heads, List<Problem> problems) {
        Document head = heads.get(dossier);
        long last = head == null ? 0 : head.get("seq", Number.class).longValue();
        if (last >= nextSeq) {
            problems.add(new Problem(dossier, nextSeq, last, "MISSING"));
        }
    }

    private static long anchorSeq(Document anchor) {
        return anchor == null ? 0 : anchor.get("seq", Number.class).longValue();
    }

    private Map<String, Document> byId(String collection) {
        Map<String, Document> byId = new HashMap<>();
        for (Document document : mongo.findAll(Document.class, collection)) {
            // an id that reads as an ObjectId (a dossier's) is stored as one by Spring's id conversion
            byId.put(String.valueOf(document.get("_id")), document);
        }
        return byId;
    }
}
