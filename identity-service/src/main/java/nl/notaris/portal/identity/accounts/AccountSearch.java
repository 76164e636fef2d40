package nl.notaris.portal.identity.accounts;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The office's account list ("Kantoor" → "Cliënten", {@code GET /api/staff/accounts}) and the indexes
 * ({@link Account}'s annotations) that serve it. Each request is a count and a page (skip + limit)
 * with the same filter, sorted by last change, newest first: {@code {updatedAt: -1, _id: -1}}
 * ({@code _id} breaks ties, so that paging is stable when accounts changed in the same millisecond).
 * <ul>
 * <li>no filter, or only {@code query}: the {@code staff_recent} index {@code {updatedAt: -1, _id: -1}},
 * walked in order, so a page reads about skip + size entries;</li>
 * <li>{@code state} filter: {@code state $in} plus the sort — the {@code staff_state_recent} index
 * {@code {state: 1, updatedAt: -1, _id: -1}} (with several states MongoDB merges the index's ranges,
 * one per state, in sort order);</li>
 * <li>{@code type} filter: likewise the {@code staff_type_recent} index {@code {type: 1, updatedAt: -1, _id: -1}}.
 * With both a state and a type filter MongoDB's planner takes one of these two indexes and tests the
 * other field on each document it yields;</li>
 * <li>{@code companyId} (with or without the other filters): the {@code companyId} index; a company has
 * a handful of accounts, which are then filtered and sorted in memory.</li>
 * </ul>
 *
 * <p>The text search is not indexed: it is a regular expression (the escaped, lower-case text, so a
 * literal substring) on {@code searchText}, which the server tests on each document the index above
 * yields. A page of a search that matches often stops early; a rare match, and the count of any
 * search, read every entry of the index range (all accounts, or all of the filtered states or types):
 * some thousands of small documents for the office's accounts.
 */
@Component
class AccountSearch {

    static final Sort MOST_RECENT_FIRST = Sort.by(Sort.Direction.DESC, "updatedAt", "_id");

    private final MongoTemplate mongo;

    AccountSearch(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** What the list is narrowed to; an empty collection or a blank text filters nothing. */
    record Filter(String text, Collection<AccountState> states, Collection<AccountType> types, String companyId) {
    }

    Page<Account> forStaff(Filter filter, Pageable pageable) {
        Query query = staffQuery(filter);
        long total = mongo.count(query, Account.class);
        List<Account> content = total == 0 ? new ArrayList<>()
                : mongo.find(Query.of(query).with(pageable).with(MOST_RECENT_FIRST), Account.class);
        return new PageImpl<>(content, pageable, total);
    }

    static Query staffQuery(Filter filter) {
        Criteria criteria = new Criteria();
        if (filter.companyId() != null && !filter.companyId().isBlank()) {
            criteria.and("companyId").is(filter.companyId().trim());
        }
        if (filter.states() != null && !filter.states().isEmpty()) {
            criteria.and("state").in(filter.states());
        }
        if (filter.types() != null && !filter.types().isEmpty()) {
            criteria.and("type").in(filter.types());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            criteria.and("searchText").regex(literal(filter.text()));
        }
        return new Query(criteria);
    }

    /** Escapes the text so that every character of it is matched literally. */
    static Pattern literal(String text) {
        return Pattern.compile(Pattern.quote(text.trim().toLowerCase(Locale.ROOT)));
    }
}
