package nl.notaris.portal.identity.accounts;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import nl.notaris.portal.identity.accounts.Constraints.InviteeEmail;
import nl.notaris.portal.identity.accounts.Constraints.LanguageTag;
import nl.notaris.portal.identity.accounts.Constraints.PersonName;
import nl.notaris.portal.identity.accounts.Constraints.PhoneNumber;
import nl.notaris.portal.identity.keycloak.KeycloakAdminClient;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.EnumParameter;
import nl.notaris.portal.support.web.InvalidRequestException;
import nl.notaris.portal.support.web.NotFoundException;
import nl.notaris.portal.support.web.PageQuery;
import nl.notaris.portal.support.web.PageResponse;

/**
 * The office creates and invites client accounts (STF-1), sees their state, resends an invitation,
 * finds accounts by e-mail address (for dossier parties), and lists and searches them ("Kantoor" →
 * "Cliënten").
 */
@RestController
@RequestMapping("/api/staff/accounts")
@Tag(name = "Accounts (staff)", description = "Client accounts: inviting a person or a company (STF-1), their state, "
        + "finding them by name or e-mail address.")
class StaffAccountController {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cntrl}]{1,64}@[^@\\s\\p{Cntrl}]{1,190}");

    /** Who is invited: a person, or a company with its main account. */
    enum InviteeType {
        PERSON, COMPANY
    }

    private final KeycloakAdminClient keycloak;
    private final AccountRecords accounts;
    private final AccountInvitations invitations;
    private final AccountSearch search;

    StaffAccountController(KeycloakAdminClient keycloak, AccountRecords accounts, AccountInvitations invitations,
            AccountSearch search) {
        this.keycloak = keycloak;
        this.accounts = accounts;
        this.invitations = invitations;
        this.search = search;
    }

    /**
     * The office's "Cliënten" list: every account the portal knows (also removed ones, unless a state
     * filter leaves them out), most recently created or changed first. Unknown state or type values are
     * a 400 problem naming the parameter and the values it accepts.
     */
    @GetMapping
    @Operation(summary = "List and find accounts",
            description = "query: case-insensitive literal part of the name, e-mail address or company name. "
                    + "state: repeatable or comma-separated (INVITED, ACTIVE, BLOCKED, REMOVED); none = all. "
                    + "type: likewise (PERSON, COMPANY_MAIN, COMPANY_EXTRA, ADVISER); none = all. companyId: the accounts "
                    + "of one company (its main and extra accounts). Ordered by last change (updatedAt), newest "
                    + "first. page, size: as every list.")
    PageResponse<AccountListItem> list(@RequestParam(required = false) String query,
            @RequestParam(required = false) List<String> state, @RequestParam(required = false) List<String> type,
            @RequestParam(required = false) String companyId, PageQuery page) {
        var filter = new AccountSearch.Filter(query,
                EnumParameter.parseAll(AccountState.class, "state", state, EnumSet.noneOf(AccountState.class)),
                EnumParameter.parseAll(AccountType.class, "type", type, EnumSet.noneOf(AccountType.class)),
                companyId);
        return PageResponse.of(search.forStaff(filter, page.toPageRequest()), AccountListItem::of);
    }

    @PostMapping
    @Operation(summary = "Create a client account and send its invitation",
            description = "type PERSON, or COMPANY with companyName (the account is the company's main account). "
                    + "The client gets the invitation e-mail, confirms the address and sets a password; until then "
                    + "the account is INVITED. language: nl (default) or en; phone optional (two-step verification "
                    + "by SMS). 409 when the address is in use.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, examples = {
                            @ExampleObject(name = "person", value = """
                                    {"type": "PERSON", "email": "noor.bakker@example.com", "firstName": "Noor",
                                     "lastName": "Bakker", "language": "nl", "phone": "+31612345678"}"""),
                            @ExampleObject(name = "company", value = """
                                    {"type": "COMPANY", "email": "info@bakkerij-jansen.example", "firstName": "Jan",
                                     "lastName": "Jansen", "companyName": "Bakkerij Jansen B.V.", "language": "nl"}""") })))
    @ApiResponse(responseCode = "201", description = "Created and invited; Location names the account.",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "An account with this e-mail address exists already.")
    ResponseEntity<AccountView> invite(Caller caller, @Valid @RequestBody InviteRequest request) {
        InviteeType type = EnumParameter.parse(InviteeType.class, "type", request.type());
        if (type == InviteeType.COMPANY && (request.companyName() == null || request.companyName().isBlank())) {
            throw new InvalidRequestException("companyName", "companyName is required for a company.");
        }
        Account account = invitations.inviteByStaff(caller, new AccountInvitations.NewAccount(
                type == InviteeType.COMPANY ? AccountType.COMPANY_MAIN : AccountType.PERSON, request.email(),
                request.firstName(), request.lastName(),
                type == InviteeType.COMPANY ? UUID.randomUUID().toString() : null,
                type == InviteeType.COMPANY ? request.companyName().strip() : null,
                request.language() == null ? "nl" : request.language(), request.phone()));
        return ResponseEntity.created(URI.create("/api/staff/accounts/" + account.getId())).body(AccountView.of(account));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An account with its state: INVITED, ACTIVE, BLOCKED or REMOVED",
            description = "Its details as invited or as the client changed them since, with invitedAt and activatedAt.")
    @ApiResponse(responseCode = "200", description = "The account.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No account with this id.")
    AccountView get(@PathVariable String id) {
        return AccountView.of(accounts.get(id));
    }

    @PostMapping("/{id}/invitation")
    @Operation(summary = "Send the invitation again (earlier links stop working); 409 once the password is set",
            description = "For an INVITED account whose e-mail got lost or whose link expired: a new invitation "
                    + "e-mail with a new link. No body.")
    @ApiResponse(responseCode = "202", description = "The invitation is sent again.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No account with this id.")
    @ApiResponse(responseCode = "409", description = "The account has set its password already (not INVITED).")
    ResponseEntity<AccountView> resend(Caller caller, @PathVariable String id) {
        return ResponseEntity.accepted().body(AccountView.of(invitations.resendInvitation(caller, id)));
    }

    @GetMapping("/lookup")
    @Operation(summary = "Find an enabled portal account by its verified e-mail address",
            description = "email: the address, exactly (case-insensitive). Only an address the office set or the "
                    + "account's owner confirmed counts. E.g. to check a dossier party before adding it.")
    @ApiResponse(responseCode = "200", description = "The account.", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No portal account has this e-mail address.")
    LookedUpAccount lookup(@RequestParam(required = false) String email) {
        if (email == null || !EMAIL.matcher(email.trim()).matches()) {
            throw new InvalidRequestException("email", "Give the account's e-mail address.");
        }
        // only an address the office set or the owner proved: nobody can claim an address by typing it in
        return keycloak.findUsersByEmail(email.trim()).stream()
                .filter(user -> user.enabled() && user.emailVerified() && email.trim().equalsIgnoreCase(user.email()))
                .findFirst()
                .map(LookedUpAccount::of)
                .orElseThrow(() -> new NotFoundException("No portal account has this e-mail address."));
    }

    record InviteRequest(@NotBlank(message = "is required (PERSON or COMPANY)") String type,
            @InviteeEmail String email, @PersonName String firstName, @PersonName String lastName,
            @Size(max = 200, message = "is at most 200 characters") @jakarta.validation.constraints.Pattern(
                    regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String companyName,
            @LanguageTag String language, @PhoneNumber String phone) {
    }
}
