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
import nl.notaris.portal.identity.accounts.AccountInvitations;
import nl.notaris.portal.identity.accounts.AccountRecords;
import nl.notaris.portal.identity.accounts.AccountType;
import nl.notaris.portal.identity.accounts.AccountView;
import nl.notaris.portal.identity.accounts.ExtraAccounts;
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

    private final AccountRecords accounts;
    private final AccountInvitations invitations;
    private final ExtraAccounts extraAccounts;

    CompanyAccountsController(AccountRecords accounts, AccountInvitations invitations, ExtraAccounts extraAccounts) {
        this.accounts = accounts;
        this.invitations = invitations;
        this.extraAccounts = extraAccounts;
    }

    @GetMapping
    List<AccountView> list(Caller caller) {
        return extraAccounts.of(companyOf(caller)).stream().map(AccountView::of).toList();
    }

    @PostMapping
    ResponseEntity<AccountView> add(Caller caller, @Valid @RequestBody NewAccountRequest request) {
        String companyId = companyOf(caller);
        Account main = accounts.get(caller.accountId());
        Account added = invitations.invite(new AccountInvitations.NewAccount(AccountType.COMPANY_EXTRA, request.email(),
                request.firstName(), request.lastName(), companyId, main.getCompanyName(),
                request.language() == null ? main.getLanguage() : request.language(), request.phone()));
        return ResponseEntity.created(URI.create("/api/me/accounts/" + added.getId())).body(AccountView.of(added));
    }

    @GetMapping("/{id}")
    AccountView get(Caller caller, @PathVariable String id) {
        return AccountView.of(extraAccounts.get(companyOf(caller), id));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String id) {
        extraAccounts.remove(companyOf(caller), id);
        return ResponseEntity.noContent().build();
    }

    private static String companyOf(Caller caller) {
        if (!caller.hasRole("company-admin") || caller.companyId() == null || caller.companyId().isBlank()) {
            throw new AccessDeniedException("Only a company's main account manages its extra accounts.");
        }
        return caller.companyId();
    }
}
