package nl.notaris.portal.dossier.home;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import nl.notaris.portal.dossier.dossier.DossierService;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.NotFoundException;

/**
 * Home's "Nieuw voor u" and "Wat wij van u nodig hebben" in one call (NEW-1), and the account's
 * "seen" of them: all at once ("Alles gezien") or one item whose link the client followed.
 */
@RestController
@RequestMapping("/api/home")
class HomeController {

    /** {@code document:<id>}, {@code message:<id>}, {@code questionnaire:<id>} or {@code step:<dossier id>:<step id>}. */
    private static final Pattern ITEM_ID = Pattern.compile("(document|message|questionnaire):[0-9a-f]{24}"
            + "|step:([0-9a-f]{24}):s-[0-9a-f]{8}");

    private final HomeQuery home;
    private final HomeFeed feed;
    private final DossierService dossiers;
    private final Clock clock;

    HomeController(HomeQuery home, HomeFeed feed, DossierService dossiers, Clock clock) {
        this.home = home;
        this.feed = feed;
        this.dossiers = dossiers;
        this.clock = clock;
    }

    @GetMapping
    HomeView home(Caller caller) {
        return home.homeOf(caller);
    }

    /** "Alles gezien": what is in "Nieuw voor u" now is seen; documents are not marked opened by it. */
    @PostMapping("/seen")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void seenAll(Caller caller) {
        feed.seenAll(caller.accountId(), clock.instant());
    }

    /**
     * One item is seen; an item of a dossier the caller may not read (as a party, or through a grant that
     * lasts) is as unknown as one that does not exist.
     */
    @PostMapping("/items/{itemId}/seen")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void seen(Caller caller, @PathVariable String itemId) {
        Matcher id = ITEM_ID.matcher(itemId);
        if (!id.matches()) {
            throw notFound(itemId);
        }
        String dossierId = id.group(2) != null ? id.group(2)
                : feed.dossierOf(itemId).orElseThrow(() -> notFound(itemId));
        dossiers.readFor(caller, dossierId);
        feed.read(itemId, caller.accountId(), clock.instant());
    }

    private static NotFoundException notFound(String itemId) {
        return new NotFoundException("There is no Home item '" + itemId + "' of yours.");
    }
}
