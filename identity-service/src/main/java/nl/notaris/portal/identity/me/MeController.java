package nl.notaris.portal.identity.me;

import java.time.Clock;
import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import nl.notaris.portal.support.security.Caller;

/** The signed-in account: who it is and its own settings (ME-1). */
@RestController
@RequestMapping("/api/me")
class MeController {

    private final MongoTemplate mongo;
    private final Clock clock;

    MeController(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @GetMapping
    Me me(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.from(jwt);
        AccountPreferences preferences = mongo.findById(caller.accountId(), AccountPreferences.class);
        Language language = preferences != null ? preferences.language()
                : Language.parseOrDefault(jwt.getClaimAsString("locale"));
        return new Me(caller.accountId(), caller.email(), caller.name(), caller.roles(), language,
                jwt.getClaimAsString("account_type"), caller.companyId(), jwt.getClaimAsString("company_name"));
    }

    /** Applies at once (ME-1): the web app switches immediately and the next sign-in starts in it. */
    @PutMapping("/language")
    ResponseEntity<Void> changeLanguage(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody LanguageChoice choice) {
        mongo.save(new AccountPreferences(jwt.getSubject(), Language.valueOf(choice.language()), clock.instant()));
        return ResponseEntity.noContent().build();
    }

    record Me(String id, String email, String name, List<String> roles, Language language, String accountType,
            String companyId, String companyName) {
    }

    record LanguageChoice(@NotBlank(message = "is required") @Pattern(regexp = "nl|en", message = "must be nl or en") String language) {
    }
}
