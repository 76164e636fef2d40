package nl.notaris.portal.document.document;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

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
 * The unread documents of a page of the client's dossier list: per dossier, the documents of its
 * tabs the caller's own account has not opened (the same count as the tabs' {@code unread}).
 */
@Service
public class UnreadDocuments {

    private final MongoTemplate mongo;
    private final DossierAccessReplica access;

    UnreadDocuments(MongoTemplate mongo, DossierAccessReplica access) {
        this.mongo = mongo;
        this.access = access;
    }

    /**
     * {@code {dossierId: unread}} for each dossier the caller may see; one it may not see, or that
     * this service does not know, is left out, as if it did not exist. Two queries for the whole page:
     * the documents ({@code dossier_tab}, {@code dossierId} first) and the caller's reads
     * ({@code dossier_reader}). 1 to 100 ids ({@link IdsParameter}), else a 400 naming {@code dossierId}.
     */
    public Map<String, Long> perDossier(Caller caller, List<String> dossierIds) {
        List<String> visible = access.visibleOf(caller, IdsParameter.distinct(dossierIds, "dossierId"));
        Map<String, Long> unread = new LinkedHashMap<>();
        visible.forEach(id -> unread.put(id, 0L));
        if (visible.isEmpty()) {
            return unread;
        }
        Query readQuery = query(where("dossierId").in(visible).and("accountId").is(caller.accountId()));
        readQuery.fields().include("documentId");
        Set<String> read = mongo.find(readQuery, Document.class, "document_reads").stream()
                .map(r -> r.getString("documentId")).collect(Collectors.toSet());
        Query inTabs = query(where("dossierId").in(visible).and("category").in(Category.tabs()));
        inTabs.fields().include("_id", "dossierId");
        for (Document document : mongo.find(inTabs, Document.class, "documents")) {
            if (!read.contains(document.get("_id").toString())) {
                unread.merge(document.getString("dossierId"), 1L, Long::sum);
            }
        }
        return unread;
    }
}
