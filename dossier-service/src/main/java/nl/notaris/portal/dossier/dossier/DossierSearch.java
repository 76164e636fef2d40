package nl.notaris.portal.dossier.dossier;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.bson.Document;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The dossier queries behind the pages. Each one starts with the caller's access keys (or, for
 * staff, with the number), which the {@code client_list} and {@code number} indexes serve; the
 * search text is matched as a literal substring on the documents the index found.
 */
@Component
public class DossierSearch {

    public static final Sort NEWEST_NUMBER_FIRST = Sort.by(Sort.Direction.DESC, "number");

    private final MongoTemplate mongo;

    DossierSearch(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Page<Dossier> forCaller(List<String> accessKeys, Collection<DossierStatus> statuses, String text,
            Pageable pageable) {
        return page(callerQuery(accessKeys, statuses, text), pageable);
    }

    public Page<Dossier> forStaff(String text, Pageable pageable) {
        Criteria criteria = new Criteria();
        addText(criteria, text);
        return page(new Query(criteria), pageable);
    }

    public Map<DossierStatus, Long> countByStatus(List<String> accessKeys) {
        var aggregation = Aggregation.newAggregation(
                Aggregation.match(callerCriteria(accessKeys)),
                Aggregation.group("status").count().as("count"));
        Map<DossierStatus, Long> counts = new EnumMap<>(DossierStatus.class);
        for (Document row : mongo.aggregate(aggregation, "dossiers", Document.class)) {
            counts.put(DossierStatus.valueOf(row.getString("_id")), ((Number) row.get("count")).longValue());
        }
        return counts;
    }

    static Query callerQuery(List<String> accessKeys, Collection<DossierStatus> statuses, String text) {
        Criteria criteria = callerCriteria(accessKeys).and("status").in(statuses);
        addText(criteria, text);
        return new Query(criteria);
    }

    static Criteria callerCriteria(List<String> accessKeys) {
        return where("accessKeys").in(accessKeys);
    }

    /** Escapes the text so that every character of it is matched literally. */
    static Pattern literal(String text) {
        return Pattern.compile(Pattern.quote(text.trim().toLowerCase(Locale.ROOT)));
    }

    private static void addText(Criteria criteria, String text) {
        if (text != null && !text.isBlank()) {
            criteria.and("searchText").regex(literal(text));
        }
    }

    private Page<Dossier> page(Query query, Pageable pageable) {
        long total = mongo.count(query, Dossier.class);
        List<Dossier> content = total == 0 ? new ArrayList<>()
                : mongo.find(Query.of(query).with(pageable).with(NEWEST_NUMBER_FIRST), Dossier.class);
        return new PageImpl<>(content, pageable, total);
    }
}
