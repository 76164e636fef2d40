package nl.notaris.portal.identity.company;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import nl.notaris.portal.identity.accounts.Account;
import nl.notaris.portal.identity.accounts.AccountService;
import nl.notaris.portal.identity.accounts.AccountType;
import nl.notaris.portal.identity.accounts.AccountView;
import nl.notaris.portal.identity.accounts.NewAccountRequest;
import nl.notaris.portal.support.security.Caller;

/**
 * "Accounts" → "Extra accounts" (ME-4): a company's main account adds colleagues (they get the same
 * invitation e-mails), looks at one, and deletes one, which loses access at once. Only the main
 * account may (403 for anyone else); another company's account is a 404.
 */
@RestController
@RequestMapping("/api/me/accounts")
class CompanyAccountsController {

    private final AccountService accounts;

    CompanyAccountsController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    List<AccountView> list(Caller caller) {
        return accounts.extraAccounts(companyOf(caller)).stream().map(AccountView::of).toList();
    }

    @PostMapping
    ResponseEntity<AccountView> add(Caller caller, @Valid @RequestBody NewAccountRequest request) {
        String companyId = companyOf(caller);
        Account main = accounts.get(caller.accountId());
        Account added = accounts.invite(new AccountService.NewAccount(AccountType.COMPANY_EXTRA, request.email(),
                request.firstName(), request.lastName(), companyId, main.getCompanyName(),
                request.language() == null ? main.getLanguage() : request.language(), request.phone()));
        return ResponseEntity.created(URI.create("/api/me/accounts/" + added.getId())).body(AccountView.of(added));
    }

    @GetMapping("/{id}")
    AccountView get(Caller caller, @PathVariable String id) {
        return AccountView.of(accounts.extraAccount(companyOf(caller), id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
        accounts.removeExtraAccount(companyOf(caller), id);
        return ResponseEntity.noContent().build();
    }

    private static String companyOf(Caller caller) {
        if (!caller.hasRole("company-admin") || caller.companyId() == null || caller.companyId().isBlank()) {
            throw new AccessDeniedException("Only a company's main account manages its extra accounts.");
        }
        return caller.companyId();
    }
}
