package nl.notaris.portal.dossier.home;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import nl.notaris.portal.dossier.dossier.Dossier;
import nl.notaris.portal.dossier.dossier.DossierSearch;
import nl.notaris.portal.dossier.dossier.DossierStatus;
import nl.notaris.portal.dossier.home.HomeView.NeededItem;
import nl.notaris.portal.dossier.home.HomeView.NewItem;
import nl.notaris.portal.dossier.home.HomeView.Section;
import nl.notaris.portal.dossier.progress.ProgressStep;
import nl.notaris.portal.support.security.Caller;

/**
 * Builds Home's two lists for one account in a fixed number of reads, whatever the number of dossiers:
 * the caller's dossiers (number, status, progress), the items of those dossiers from the last
 * {@code portal.home.new-within}, the account's open questionnaires, and its read state of those items.
 * Progress steps done and document requests come from the dossiers themselves.
 *
 * <p>Of a dossier granted to the account (an adviser's, ADV-1, while the grant lasts) Home shows the
 * documents published on it, nothing else: the office's messages, questionnaires and requests, and the
 * steps done, are the client's.
 */
@Component
class HomeQuery {

    /** At most this many items of each list are sent; {@code total} counts them all. */
    static final int SHOWN = 20;
    /** What Home looks at of a client's recent items; far more than a page, so that the count is right. */
    private static final int RECENT_ITEMS = 1000;
    private static final Set<DossierStatus> ASKING = Set.of(DossierStatus.IN_PROGRESS, DossierStatus.ON_HOLD);

    private final MongoTemplate mongo;
    private final DossierSearch dossiers;
    private final Clock clock;
    private final Duration newWithin;

    HomeQuery(MongoTemplate mongo, DossierSearch dossiers, Clock clock,
            @Value("${portal.home.new-within:60d}") Duration newWithin) {
        this.mongo = mongo;
        this.dossiers = dossiers;
        this.clock = clock;
        this.newWithin = newWithin;
    }

    HomeView homeOf(Caller caller) {
        Instant now = clock.instant();
        Map<String, Dossier> byId = dossiers.forHome(DossierSearch.Reader.of(caller, now)).stream()
                .collect(Collectors.toMap(Dossier::getId, Function.identity()));
        Set<String> shared = byId.values().stream().filter(d -> d.sharedWith(caller, now).isPresent())
                .map(Dossier::getId).collect(Collectors.toSet());
        Map<String, Dossier> own = byId.values().stream().filter(d -> !shared.contains(d.getId()))
                .collect(Collectors.toMap(Dossier::getId, Function.identity()));
        Instant since = now.minus(newWithin);
        Instant seenAll = seenAllOf(caller.accountId());
        if (seenAll != null && seenAll.isAfter(since)) {
            since = seenAll;
        }
        List<HomeItem> recent = byId.isEmpty() ? List.of()
                : mongo.find(query(where("dossierId").in(byId.keySet()).and("at").gt(since))
                        .with(Sort.by(Sort.Direction.DESC, "at")).limit(RECENT_ITEMS), HomeItem.class);
        List<HomeItem> open = mongo.find(query(where("accountId").is(caller.accountId()).and("open").is(true)),
                HomeItem.class);

        List<NewItem> fresh = new ArrayList<>();
        for (HomeItem item : recent) {
            boolean shown = shared.contains(item.dossierId()) ? item.kind() == HomeItem.Kind.DOCUMENT
                    : item.kind() != HomeItem.Kind.QUESTIONNAIRE || caller.accountId().equals(item.accountId());
            if (shown) {
                fresh.add(newItem(item, byId.get(item.dossierId())));
            }
        }
        for (Dossier dossier : own.values()) {
            for (ProgressStep step : dossier.getProgress().steps()) {
                if (step.done() && step.doneAt() != null && step.doneAt().isAfter(since)) {
                    fresh.add(new NewItem("step:" + dossier.getId() + ":" + step.id(), "STEP_DONE", dossier.getId(),
                            dossier.getNumber(), step.doneAt(), null, null, null, step.title(), null));
                }
            }
        }
        Set<String> read = readOf(caller.accountId(), fresh.stream().map(NewItem::id).toList());
        List<NewItem> unread = fresh.stream().filter(item -> !read.contains(item.id()))
                .sorted(Comparator.comparing(NewItem::at).reversed().thenComparing(NewItem::id)).toList();
        return new HomeView(Section.firstOf(unread, SHOWN), Section.firstOf(needed(own, open), SHOWN));
    }

    private static NewItem newItem(HomeItem item, Dossier dossier) {
        return new NewItem(item.id(), item.kind().name(), item.dossierId(), dossier.getNumber(), item.at(),
                item.documentId(), item.category(), item.messageId(), null, item.assignmentId());
    }

    /** Open document requests of the dossiers in progress, and the account's open questionnaires; soonest due first. */
    private static List<NeededItem> needed(Map<String, Dossier> byId, List<HomeItem> openQuestionnaires) {
        Map<String, ProgressStep> stepOfAssignment = new HashMap<>();
        List<NeededItem> needed = new ArrayList<>();
        for (Dossier dossier : byId.values()) {
            for (ProgressStep step : dossier.getProgress().steps()) {
                if (step.request() == null) {
                    continue;
                }
                if (step.request().assignmentId() != null) {
                    stepOfAssignment.put(step.request().assignmentId(), step);
                } else if (step.hasOpenRequest() && ASKING.contains(dossier.getStatus())) {
                    needed.add(new NeededItem("request:" + dossier.getId() + ":" + step.id(), "DOCUMENT_REQUEST",
                            dossier.getId(), dossier.getNumber(), step.request().dueDate(), step.request().name(),
                            step.id(), step.title(), null));
                }
            }
        }
        for (HomeItem questionnaire : openQuestionnaires) {
            Dossier dossier = byId.get(questionnaire.dossierId());
            if (dossier == null) {
                continue; // no longer a dossier of this account's
            }
            ProgressStep step = stepOfAssignment.get(questionnaire.assignmentId());
            LocalDate due = questionnaire.dueDate() != null ? questionnaire.dueDate()
                    : step != null ? step.request().dueDate() : null;
            needed.add(new NeededItem(questionnaire.id(), "QUESTIONNAIRE", dossier.getId(), dossier.getNumber(), due,
                    null, step != null ? step.id() : null, step != null ? step.title() : null,
                    questionnaire.assignmentId()));
        }
        needed.sort(Comparator.comparing(NeededItem::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(NeededItem::dossierNumber).thenComparing(NeededItem::id));
        return needed;
    }

    private Instant seenAllOf(String accountId) {
        Document account = mongo.findOne(query(where("_id").is(accountId)), Document.class, HomeFeed.ACCOUNTS);
        Date seenAll = account == null ? null : account.get("seenAllAt", Date.class);
        return seenAll == null ? null : seenAll.toInstant();
    }

    private Set<String> readOf(String accountId, List<String> itemIds) {
        if (itemIds.isEmpty()) {
            return Set.of();
        }
        Query reads = query(where("_id").in(itemIds.stream().map(id -> id + "|" + accountId).toList()));
        reads.fields().include("itemId");
        return mongo.find(reads, Document.class, HomeFeed.READS).stream().map(d -> d.getString("itemId"))
                .collect(Collectors.toSet());
    }
}
