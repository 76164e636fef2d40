package nl.notaris.portal.dossier.dossier;

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

/** The client's dossiers: list with search and status filter, Home counts, one dossier (DOS-1..4, HOME-2). */
@RestController
@RequestMapping("/api/dossiers")
class ClientDossierController {

    private final DossierService service;
    private final DossierSearch search;

    ClientDossierController(DossierService service, DossierSearch search) {
        this.service = service;
        this.search = search;
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
        var result = search.forCaller(caller.accessKeys(), statuses, query, order, page.toPageRequest());
        return PageResponse.of(result, DossierView.Summary::of);
    }

    /**
     * How many of the caller's dossiers match {@code query}, per status (statuses without a match
     * are left out): the list tells of matches under a status the filter hides.
     */
    @GetMapping("/counts")
    Map<DossierStatus, Long> counts(Caller caller, @RequestParam(required = false) String query) {
        return search.countByStatus(caller.accessKeys(), query);
    }

    @GetMapping("/summary")
    DossierSummary summary(Caller caller) {
        Map<DossierStatus, Long> counts = search.countByStatus(caller.accessKeys());
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new DossierSummary(counts.getOrDefault(DossierStatus.IN_PROGRESS, 0L), total,
                List.copyOf(counts.keySet()));
    }

    @GetMapping("/{id}")
    DossierView get(Caller caller, @PathVariable String id) {
        return DossierView.of(service.getFor(caller, id));
    }

    record DossierSummary(long inProgress, long total, List<DossierStatus> statuses) {
    }
}
