package nl.notaris.portal.dossier.dossier;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.EnumParameter;
import nl.notaris.portal.support.web.PageQuery;
import nl.notaris.portal.support.web.PageResponse;

/**
 * The client's dossiers: list with search and status filter, Home counts, one dossier (DOS-1..4, HOME-2).
 * An adviser finds here the dossiers granted to it, while each grant lasts (ADV-1), with who shared
 * each and until when.
 */
@RestController
@RequestMapping("/api/dossiers")
class ClientDossierController {

    private final DossierService service;
    private final DossierSearch search;
    private final Clock clock;

    ClientDossierController(DossierService service, DossierSearch search, Clock clock) {
        this.service = service;
        this.search = search;
        this.clock = clock;
    }

    /**
     * Without a status filter the list shows the dossiers in progress (DOS-1); by number, newest
     * first, or with {@code sort=lastActivity} the dossier where something happened last first.
     */
    @GetMapping
    PageResponse<DossierView.Summary> list(Caller caller, PageQuery page,
            @RequestParam(required = false) String query,
            @RequestParam(required = false) List<String> status,
            @RequestParam(required = false) String sort) {
        Set<DossierStatus> statuses = EnumParameter.parseAll(DossierStatus.class, "status", status,
                EnumSet.of(DossierStatus.IN_PROGRESS));
        DossierSearch.ClientOrder order = DossierSearch.ClientOrder.parse(sort);
        Instant now = clock.instant();
        var result = search.forCaller(DossierSearch.Reader.of(caller, now), statuses, query, order,
                page.toPageRequest());
        return PageResponse.of(result, dossier -> DossierView.Summary.of(dossier, dossier.sharedWith(caller, now)));
    }

    /**
     * How many of the caller's dossiers match {@code query}, per status (statuses without a match
     * are left out): the list tells of matches under a status the filter hides.
     */
    @GetMapping("/counts")
    Map<DossierStatus, Long> counts(Caller caller, @RequestParam(required = false) String query) {
        return search.countByStatus(DossierSearch.Reader.of(caller, clock.instant()), query);
    }

    @GetMapping("/summary")
    DossierSummary summary(Caller caller) {
        Map<DossierStatus, Long> counts = search.countByStatus(DossierSearch.Reader.of(caller, clock.instant()), null);
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new DossierSummary(counts.getOrDefault(DossierStatus.IN_PROGRESS, 0L), total,
                List.copyOf(counts.keySet()));
    }

    /** Also for an adviser whose grant lasts (progress without what the office asks of the client). */
    @GetMapping("/{id}")
    DossierView get(Caller caller, @PathVariable String id) {
        return DossierView.of(service.readFor(caller, id));
    }

    record DossierSummary(long inProgress, long total, List<DossierStatus> statuses) {
    }
}
