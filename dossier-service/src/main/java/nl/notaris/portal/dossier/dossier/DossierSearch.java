package nl.notaris.portal.dossier.dossier;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Component;

import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.InvalidRequestException;

/**
 * The dossier queries behind the pages, and the indexes ({@link Dossier}'s annotations) that serve
 * them. Each query is a page (skip + limit) and, unless the page tells the total (a first page that is not
 * full, a last page), a count with the same filter.
 *
 * <p>Client list and Home counts ({@link #forCaller}, {@link #countByStatus}): filter on
 * {@code accessKeys} and {@code status}, sorted by number, newest first — the {@code client_list}
 * index {@code {accessKeys: 1, status: 1, number: -1}}; sorted on request by last activity
 * ({@link ClientOrder#LAST_ACTIVITY}) — the {@code client_activity} index
 * {@code {accessKeys: 1, status: 1, lastActivityAt: -1, _id: -1}}. The counts of a search per status
 * ({@link #countByStatus(List, String)}, "also under another status") match on {@code accessKeys}:
 * the same indexes' first field.
 *
 * <p>An account that holds a grant (an adviser, ADV-1) reads, besides the dossiers its keys open, those
 * granted to it while the grant lasts: the filter is then {@code $or} of the {@code accessKeys} match
 * and {@code grants: {$elemMatch: {accountId, revokedAt: null, expiresAt: {$gt: now}}}}, whose branch
 * the {@code grants_account} index {@code {grants.accountId: 1}} serves. Whether the account holds
 * such a grant is asked first, on that index ({@link #readable}): the clients' own lists, nearly
 * all of them, keep their single-index filter.
 *
 * <p>Staff list ({@link #forStaff}, the office's "Dossiers"):
 * <ul>
 * <li>no status filter, {@code sort=lastActivity} (default): sort {@code {updatedAt: -1, _id: -1}} —
 * the {@code staff_activity} index, walked in order, so a page reads about skip + size entries;</li>
 * <li>status filter, {@code sort=lastActivity}: {@code status $in} plus that sort — the
 * {@code staff_status_activity} index {@code {status: 1, updatedAt: -1, _id: -1}} (with several
 * statuses MongoDB merges the index's ranges, one per status, in sort order);</li>
 * <li>no status filter, {@code sort=number}: the unique {@code number} index, walked backwards;</li>
 * <li>status filter, {@code sort=number}: the {@code staff_status_number} index {@code {status: 1, number: -1}}.</li>
 * </ul>
 * {@code _id} breaks ties of {@code updatedAt}, so that paging is stable when dossiers changed in the
 * same millisecond.
 *
 * <p>The text search is not indexed: it is a regular expression (the escaped text, so a literal
 * substring) on {@code searchText}, which the server tests on each document the index above yields.
 * A page of a search that matches often stops early; a rare match, and the count of any search,
 * read every document of the index range (all dossiers, or all of the filtered statuses; for a
 * client only that client's dossiers). bench/staff-dossier-search.mjs measures what that costs
 * with 10,000 dossiers.
 */
@Component
public class DossierSearch {

    public static final Sort NEWEST_NUMBER_FIRST = Sort.by(Sort.Direction.DESC, "number");

    /** The orders of the staff list, as the {@code sort} parameter names them. */
    public enum StaffOrder {
        /** Most recent change ({@code updatedAt}) first; ties by id, newest first. */
        LAST_ACTIVITY("lastActivity", Sort.by(Sort.Direction.DESC, "updatedAt", "_id")),
        /** Dossier number, newest (highest) first, as the client's list. */
        NUMBER("number", NEWEST_NUMBER_FIRST);

        private final String parameter;
        private final Sort sort;

        StaffOrder(String parameter, Sort sort) {
            this.parameter = parameter;
            this.sort = sort;
        }

        public Sort sort() {
            return sort;
        }

        /** {@code lastActivity} when absent; an unknown value is a 400 that names the accepted ones. */
        public static StaffOrder parse(String value) {
            if (value == null || value.isBlank()) {
                return LAST_ACTIVITY;
            }
            String wanted = value.trim();
            return Arrays.stream(values()).filter(order -> order.parameter.equalsIgnoreCase(wanted)).findFirst()
                    .orElseThrow(() -> new InvalidRequestException("sort", "Unknown sort '" + wanted
                            + "'. Use one of: " + Arrays.stream(values()).map(o -> o.parameter)
                                    .collect(Collectors.joining(", ")) + "."));
        }
    }

    /** The orders of the client's list, as the {@code sort} parameter names them. */
    public enum ClientOrder {
        /** Dossier number, newest (highest) first: the list's order unless asked otherwise. */
        NUMBER("number", NEWEST_NUMBER_FIRST),
        /** Last activity ({@code lastActivityAt}) first; ties by id, newest first. */
        LAST_ACTIVITY("lastActivity", Sort.by(Sort.Direction.DESC, "lastActivityAt", "_id"));

        private final String parameter;
        private final Sort sort;

        ClientOrder(String parameter, Sort sort) {
            this.parameter = parameter;
            this.sort = sort;
        }

        public Sort sort() {
            return sort;
        }

        /** {@code number} when absent; an unknown value is a 400 that names the accepted ones. */
        public static ClientOrder parse(String value) {
            if (value == null || value.isBlank()) {
                return NUMBER;
            }
            String wanted = value.trim();
            return Arrays.stream(values()).filter(order -> order.parameter.equalsIgnoreCase(wanted)).findFirst()
                    .orElseThrow(() -> new InvalidRequestException("sort", "Unknown sort '" + wanted
                            + "'. Use one of: " + Arrays.stream(values()).map(o -> o.parameter)
                                    .collect(Collectors.joining(", ")) + "."));
        }
    }

    /**
     * Who reads the client's list, Home and counts: the access keys it holds and, for the dossiers
     * granted to it, its account and the moment of reading (a grant that has ended reads nothing).
     * Without an account ({@link #ofKeys}) only what the keys open.
     */
    public record Reader(List<String> accessKeys, String accountId, Instant now) {

        public static Reader of(Caller caller, Instant now) {
            return new Reader(caller.accessKeys(), caller.accountId(), now);
        }

        public static Reader ofKeys(List<String> accessKeys) {
            return new Reader(accessKeys, null, null);
        }
    }

    private final MongoTemplate mongo;

    DossierSearch(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Page<Dossier> forCaller(List<String> accessKeys, Collection<DossierStatus> statuses, String text,
            Pageable pageable) {
        return forCaller(Reader.ofKeys(accessKeys), statuses, text, ClientOrder.NUMBER, pageable);
    }

    /**
     * A page of the client's list ({@link DossierView.Summary}): only the fields that list shows are read, not
     * the parties, access keys, search text and unsent events each dossier also carries. For a reader with
     * grants, also the access keys and grants: which dossiers are its own and through which grant it reads
     * the others ({@link Dossier#sharedWith}).
     */
    public Page<Dossier> forCaller(Reader reader, Collection<DossierStatus> statuses, String text,
            ClientOrder order, Pageable pageable) {
        Readable readable = readable(reader);
        Criteria criteria = readable.criteria().and("status").in(statuses);
        addText(criteria, text);
        Query query = new Query(criteria);
        query.fields().include(CLIENT_LIST_FIELDS);
        if (readable.withGrants()) {
            query.fields().include(GRANT_FIELDS);
        }
        return page(query, order.sort(), pageable);
    }

    /**
     * The reader's dossiers for Home (at most 500; cancelled ones left out): number, status and progress,
     * which hold the steps done and the requests Home lists; for a reader with grants also the access keys
     * and grants, which tell its own dossiers from those granted to it.
     */
    public List<Dossier> forHome(Reader reader) {
        Readable readable = readable(reader);
        Query query = new Query(readable.criteria().and("status").in(HOME_STATUSES)).limit(500);
        query.fields().include("number", "status", "progress");
        if (readable.withGrants()) {
            query.fields().include(GRANT_FIELDS);
        }
        return mongo.find(query, Dossier.class);
    }

    private static final String[] GRANT_FIELDS = { "accessKeys", "grants" };

    private static final List<DossierStatus> HOME_STATUSES = List.of(DossierStatus.IN_PROGRESS, DossierStatus.ON_HOLD,
            DossierStatus.COMPLETED);

    static final String[] CLIENT_LIST_FIELDS = { "number", "description", "status", "progress", "lastActivityAt", "updatedAt" };

    /** Every dossier, or those with one of {@code statuses} when it is not empty; see the class's javadoc. */
    public Page<Dossier> forStaff(String text, Collection<DossierStatus> statuses, StaffOrder order,
            Pageable pageable) {
        return page(staffQuery(text, statuses), order.sort(), pageable);
    }

    public Map<DossierStatus, Long> countByStatus(List<String> accessKeys) {
        return countByStatus(Reader.ofKeys(accessKeys), null);
    }

    public Map<DossierStatus, Long> countByStatus(List<String> accessKeys, String text) {
        return countByStatus(Reader.ofKeys(accessKeys), text);
    }

    /** Per status, how many of the reader's dossiers match the text (all of them without a text); statuses without any are left out. */
    public Map<DossierStatus, Long> countByStatus(Reader reader, String text) {
        Criteria criteria = readable(reader).criteria();
        addText(criteria, text);
        var aggregation = Aggregation.newAggregation(
                Aggregation.match(criteria),
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

    static Query staffQuery(String text, Collection<DossierStatus> statuses) {
        Criteria criteria = new Criteria();
        if (statuses != null && !statuses.isEmpty()) {
            criteria.and("status").in(statuses);
        }
        addText(criteria, text);
        return new Query(criteria);
    }

    static Criteria callerCriteria(List<String> accessKeys) {
        return where("accessKeys").in(accessKeys);
    }

    /** What a reader reads: the filter, and whether it takes in dossiers granted to the reader. */
    record Readable(Criteria criteria, boolean withGrants) {
    }

    /**
     * The dossiers the reader's keys open; for a reader that holds a grant that lasts, also the dossiers
     * granted to it ({@code $or}, see the class's javadoc).
     */
    Readable readable(Reader reader) {
        if (reader.accountId() == null
                || !mongo.exists(new Query(where("grants").elemMatch(liveGrantOf(reader))), Dossier.class)) {
            return new Readable(callerCriteria(reader.accessKeys()), false);
        }
        return new Readable(new Criteria().orOperator(callerCriteria(reader.accessKeys()),
                where("grants").elemMatch(liveGrantOf(reader))), true);
    }

    /** A grant to the reader's account that is not revoked and has not ended. */
    static Criteria liveGrantOf(Reader reader) {
        return where("accountId").is(reader.accountId()).and("revokedAt").is(null).and("expiresAt").gt(reader.now());
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

    /** The page first: a first page that is not full, or a last page, tells the total without counting. */
    private Page<Dossier> page(Query query, Sort sort, Pageable pageable) {
        List<Dossier> content = mongo.find(Query.of(query).with(pageable).with(sort), Dossier.class);
        return PageableExecutionUtils.getPage(content, pageable, () -> mongo.count(query, Dossier.class));
    }
}
