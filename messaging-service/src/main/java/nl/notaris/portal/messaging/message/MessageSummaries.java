package nl.notaris.portal.messaging.message;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

import nl.notaris.portal.support.access.DossierAccessReplica;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.IdsParameter;

/**
 * What other pages show of messages without opening one: the unread counts of a page of dossiers
 * (the client's dossier list), and the subjects of some messages of a dossier (the delivered files
 * name the message they came with). Neither marks anything read.
 */
@Service
public class MessageSummaries {

    private final MongoTemplate mongo;
    private final DossierAccessReplica access;

    MessageSummaries(MongoTemplate mongo, DossierAccessReplica access) {
        this.mongo = mongo;
        this.access = access;
    }

    /**
     * Per dossier the caller may see, the office's messages the caller's own account has not opened;
     * a dossier the caller may not see (or that this service does not know) is left out, as if it
     * did not exist. Two queries for the whole page: the office's messages ({@code dossier_newest},
     * {@code dossierId} first) and the caller's reads ({@code dossier_reader}).
     */
    public Map<String, Long> unreadPerDossier(Caller caller, List<String> dossierIds) {
        List<String> visible = access.visibleOf(caller, IdsParameter.distinct(dossierIds, "dossierId"));
        Map<String, Long> unread = new LinkedHashMap<>();
        visible.forEach(id -> unread.put(id, 0L));
        if (visible.isEmpty()) {
            return unread;
        }
        Query readQuery = query(where("dossierId").in(visible).and("accountId").is(caller.accountId()));
        readQuery.fields().include("messageId");
        Set<String> read = mongo.find(readQuery, Document.class, "message_reads").stream()
                .map(r -> r.getString("messageId")).collect(Collectors.toSet());
        Query fromOffice = query(where("dossierId").in(visible).and("direction").is(Direction.INCOMING));
        fromOffice.fields().include("_id", "dossierId");
        for (Document message : mongo.find(fromOffice, Document.class, "messages")) {
            if (!read.contains(message.get("_id").toString())) {
                unread.merge(message.getString("dossierId"), 1L, Long::sum);
            }
        }
        return unread;
    }

    /** The subject and time of each of the given messages of a dossier the caller may see (404 otherwise); unknown ids are left out. */
    public List<Subject> subjects(Caller caller, String dossierId, List<String> messageIds) {
        access.require(dossierId, caller);
        Query wanted = query(where("_id").in(IdsParameter.distinct(messageIds, "id")).and("dossierId").is(dossierId));
        wanted.fields().include("subject", "sentAt", "direction");
        return mongo.find(wanted, Message.class).stream()
                .map(m -> new Subject(m.getId(), m.getSubject(), m.getSentAt(), m.getDirection())).toList();
    }

    /** A message named by its subject. */
    public record Subject(String id, String subject, Instant sentAt, Direction direction) {
    }
}
