package nl.notaris.portal.dossier.dossier;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.InvalidRequestException;
import nl.notaris.portal.support.web.PageResponse;

/** The client's dossiers: list with search and status filter, Home counts, one dossier (DOS-1..4, HOME-2). */
@RestController
@RequestMapping("/api/dossiers")
class ClientDossierController {

    private static final int MAX_PAGE_SIZE = 100;

    private final DossierService service;
    private final DossierSearch search;

    ClientDossierController(DossierService service, DossierSearch search) {
        this.service = service;
        this.search = search;
    }

    @GetMapping
    PageResponse<DossierView.Summary> list(@AuthenticationPrincipal Jwt jwt,
            @RequestParam(required = false) String query,
            @RequestParam(required = false) List<String> status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Set<DossierStatus> statuses = statuses(status);
        var result = search.forCaller(Caller.from(jwt).accessKeys(), statuses, query, pageRequest(page, size));
        return PageResponse.of(result, DossierView.Summary::of);
    }

    @GetMapping("/summary")
    DossierSummary summary(@AuthenticationPrincipal Jwt jwt) {
        Map<DossierStatus, Long> counts = search.countByStatus(Caller.from(jwt).accessKeys());
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new DossierSummary(counts.getOrDefault(DossierStatus.IN_PROGRESS, 0L), total,
                List.copyOf(counts.keySet()));
    }

    @GetMapping("/{id}")
    DossierView get(@AuthenticationPrincipal Jwt jwt, @PathVariable String id) {
        return DossierView.of(service.getFor(Caller.from(jwt), id));
    }

    record DossierSummary(long inProgress, long total, List<DossierStatus> statuses) {
    }

    /** Without a status filter the list shows the dossiers in progress (DOS-1). */
    static Set<DossierStatus> statuses(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return EnumSet.of(DossierStatus.IN_PROGRESS);
        }
        Set<DossierStatus> statuses = EnumSet.noneOf(DossierStatus.class);
        for (String value : requested) {
            for (String part : value.split(",")) {
                try {
                    statuses.add(DossierStatus.parse(part));
                } catch (IllegalArgumentException e) {
                    throw new InvalidRequestException("status", e.getMessage());
                }
            }
        }
        return statuses;
    }

    static PageRequest pageRequest(int page, int size) {
        if (page < 0) {
            throw new InvalidRequestException("page", "page must be 0 or more.");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("size", "size must be between 1 and " + MAX_PAGE_SIZE + ".");
        }
        return PageRequest.of(page, size);
    }
}
