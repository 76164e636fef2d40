package nl.notaris.portal.identity.me;

import java.util.List;

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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import nl.notaris.portal.identity.accounts.Account;
import nl.notaris.portal.identity.accounts.AccountPreferences;
import nl.notaris.portal.identity.accounts.AccountRecords;
import nl.notaris.portal.identity.accounts.NotificationPreferences;
import nl.notaris.portal.support.security.Caller;

/** The signed-in account: who it is and its own settings ("Mijn gegevens", ME-1). */
@RestController
@RequestMapping("/api/me")
class MeController {

    private final AccountRecords accounts;
    private final AccountPreferences preferences;

    MeController(AccountRecords accounts, AccountPreferences preferences) {
        this.accounts = accounts;
        this.preferences = preferences;
    }

    /**
     * Name, address and phone number; the language (ME-1); the account's type as Keycloak's token tells it
     * ({@code PERSON}, {@code COMPANY_MAIN}, {@code COMPANY_EXTRA}, or {@code ADVISER} for someone a client
     * let into a dossier, ADV-1); and {@code firstSignIn} until the account has seen "Mijn gegevens" once,
     * which the first sign-in opens instead of Home (ONB-4).
     */
    @GetMapping
    Me me(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.from(jwt);
        Account account = caller.isStaff() ? null : accounts.findOrReconcile(caller.accountId()).orElse(null);
        Language language = account != null ? Language.parseOrDefault(account.getLanguage())
                : Language.parseOrDefault(caller.isStaff()
                        ? preferences.staffLanguage(caller.accountId()).orElse(jwt.getClaimAsString("locale"))
                        : jwt.getClaimAsString("locale"));
        return new Me(caller.accountId(), caller.email(), caller.name(), caller.roles(), language,
                jwt.getClaimAsString("account_type"), caller.companyId(), jwt.getClaimAsString("company_name"),
                account == null ? null : account.getPhone(), account != null && account.getOnboardedAt() == null);
    }

    /** Applies at once: the web app switches immediately, and Keycloak's pages and every e-mail follow it. */
    @PutMapping("/language")
    ResponseEntity<Void> changeLanguage(Caller caller, @Valid @RequestBody LanguageChoice choice) {
        preferences.changeLanguage(caller.accountId(), choice.language());
        return ResponseEntity.noContent().build();
    }

    /** Which e-mails the client wants (ME-3). */
    @GetMapping("/notifications")
    NotificationPreferences notifications(Caller caller) {
        return accounts.findOrReconcile(caller.accountId()).map(Account::getNotifications)
                .orElse(NotificationPreferences.ALL_ON);
    }

    /** Saved at once; the next e-mail follows it. Onboarding and password e-mails are always sent. */
    @PutMapping("/notifications")
    NotificationPreferences changeNotifications(Caller caller, @Valid @RequestBody NotificationChoice choice) {
        return preferences.changeNotifications(caller.accountId(),
                new NotificationPreferences(choice.documents(), choice.questionnaires(), choice.messages()));
    }

    /** The account saw "Mijn gegevens" after its first sign-in; from now on signing in opens Home. */
    @PutMapping("/onboarded")
    ResponseEntity<Void> onboarded(Caller caller) {
        preferences.onboarded(caller.accountId());
        return ResponseEntity.noContent().build();
    }

    record Me(String id, String email, String name, List<String> roles, Language language, String accountType,
            String companyId, String companyName, String phone, boolean firstSignIn) {
    }

    record NotificationChoice(@NotNull(message = "is required (true or false)") Boolean documents,
            @NotNull(message = "is required (true or false)") Boolean questionnaires,
            @NotNull(message = "is required (true or false)") Boolean messages) {
    }

    record LanguageChoice(@NotBlank(message = "is required") @Pattern(regexp = "nl|en", message = "must be nl or en") String language) {
    }
}
