package nl.notaris.portal.identity.accounts;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import nl.notaris.portal.identity.keycloak.KeycloakAdminClient;
import nl.notaris.portal.identity.keycloak.KeycloakAdminClient.NewUser;
import nl.notaris.portal.identity.keycloak.KeycloakAdminClient.UserRepresentation;
import nl.notaris.portal.support.audit.StaffAction;
import nl.notaris.portal.support.audit.StaffActions;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.ConflictException;
import nl.notaris.portal.support.web.NotFoundException;
import nl.notaris.portal.support.web.ProblemException;

/**
 * The portal's accounts (STF-1, ONB-1..7, ME-1, ME-4, ADV-1): inviting people, companies and the advisers
 * clients share a dossier with, the invitation link, activation once Keycloak saw the first password,
 * language, and a company's extra accounts. Keycloak holds the logins; every change here is told to the other services by an event.
 */
@Service
public class AccountService {

    private final MongoTemplate mongo;
    private final KeycloakAdminClient keycloak;
    private final AccountEvents events;
    private final StaffActions staffActions;
    private final OnboardingSettings settings;
    private final Clock clock;

    AccountService(MongoTemplate mongo, KeycloakAdminClient keycloak, AccountEvents events, StaffActions staffActions,
            OnboardingSettings settings, Clock clock) {
        this.mongo = mongo;
        this.keycloak = keycloak;
        this.events = events;
        this.staffActions = staffActions;
        this.settings = settings;
        this.clock = clock;
    }

    /** What staff or a company's main account asks for: a new account and its invitation. */
    public record NewAccount(AccountType type, String email, String firstName, String lastName, String companyId,
            String companyName, String language, String phone) {
    }

    /**
     * The office invites a client (STF-1): as {@link #invite}, with the record of the staff member's
     * action saved with the account.
     */
    public Account inviteByStaff(Caller staff, NewAccount request) {
        return invite(request, staff, null);
    }

    /**
     * Creates the account in Keycloak (without a password) and here, and sends the invitation (e-mail
     * #1). For a company's main account adding an extra account: a client's action, not recorded as the
     * office's.
     */
    public Account invite(NewAccount request) {
        return invite(request, null, null);
    }

    /** A client lets an adviser into one of its dossiers (ADV-1): the adviser's account, and whether it is new. */
    public record NewAdviser(String email, String name, String language, String invitedByName, String dossierNumber) {
    }

    public record AdviserAccount(String accountId, String email, String name, boolean created) {
    }

    /**
     * The account with the adviser's address as it is, whatever its type (an existing one just gains the
     * dossier); otherwise a new {@link AccountType#ADVISER} account, invited like any client (e-mail #1,
     * ONB-2..5) with the invitation telling who shared which dossier. Two grants to a new address at the
     * same moment make one account: the second finds the first's.
     */
    public AdviserAccount inviteAdviser(NewAdviser adviser) {
        String email = adviser.email().trim().toLowerCase(Locale.ROOT);
        Optional<AdviserAccount> existing = existingAccount(email);
        if (existing.isPresent()) {
            return existing.get();
        }
        AdviserName name = AdviserName.of(adviser.name());
        try {
            Account account = invite(new NewAccount(AccountType.ADVISER, email, name.firstName(), name.lastName(),
                    null, null, adviser.language(), null), null,
                    new AdviserInvitation(blankToNull(adviser.invitedByName()), blankToNull(adviser.dossierNumber())));
            return new AdviserAccount(account.getId(), account.getEmail(), account.addressedAs(), true);
        } catch (ConflictException inUse) {
            // made at the same moment, or a Keycloak user the portal has not recorded (yet)
            return existingAccount(email).orElseThrow(() -> inUse);
        }
    }

    /**
     * The account with this address: the portal's own record, else Keycloak's user (a client's is recorded
     * here first; staff have no record here and are answered from Keycloak).
     */
    private Optional<AdviserAccount> existingAccount(String email) {
        Optional<Account> recorded = recordedAccount(email);
        if (recorded.isEmpty()) {
            Optional<UserRepresentation> user = keycloak.findUsersByEmail(email).stream()
                    .filter(u -> email.equalsIgnoreCase(u.email())).findFirst();
            if (user.isEmpty()) {
                return Optional.empty();
            }
            reconcile(user.get(), keycloak.hasPassword(user.get().id()));
            recorded = recordedAccount(email);
            if (recorded.isEmpty()) {
                LookedUpAccount staff = LookedUpAccount.of(user.get());
                return Optional.of(new AdviserAccount(staff.id(), email, staff.name().isEmpty() ? null : staff.name(),
                        false));
            }
        }
        return recorded.map(a -> new AdviserAccount(a.getId(), a.getEmail(), a.addressedAs(), false));
    }

    private Optional<Account> recordedAccount(String email) {
        return Optional.ofNullable(mongo.findOne(query(where("email").is(email).and("state").ne(AccountState.REMOVED)),
                Account.class));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private Account invite(NewAccount request, Caller staff, AdviserInvitation adviser) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        if (mongo.exists(query(where("email").is(email).and("state").ne(AccountState.REMOVED)), Account.class)) {
            throw new ConflictException("An account with this e-mail address exists already.");
        }
        Map<String, List<String>> attributes = new java.util.LinkedHashMap<>();
        attributes.put("account_type", List.of(request.type().name()));
        attributes.put("locale", List.of(request.language()));
        if (request.companyId() != null) {
            attributes.put("company_id", List.of(request.companyId()));
            attributes.put("company_name", List.of(request.companyName()));
        }
        if (request.phone() != null) {
            attributes.put("phone_number", List.of(request.phone()));
        }
        // an adviser named by one word has no last name: Keycloak gets none rather than an empty one
        String id = keycloak.createUser(new NewUser(email, email, request.firstName().strip(),
                blankToNull(request.lastName()), true, true, attributes));
        try {
            keycloak.addRealmRoles(id, request.type() == AccountType.COMPANY_MAIN
                    ? List.of("client", "company-admin") : List.of("client"));
            Account account = Account.invited(id, email, request.firstName().strip(), request.lastName().strip(),
                    request.type(), request.companyId(), request.companyName(), request.language(), request.phone(),
                    clock.instant());
            if (adviser != null) {
                account.invitedAsAdviser(adviser);
            }
            newInvitation(account);
            if (staff != null) {
                account.record(staffActions.recorded(staff, StaffAction.clientInvited(id)));
            }
            return mongo.insert(account);
        } catch (RuntimeException e) {
            keycloak.deleteUser(id);
            throw e;
        }
    }

    /** The office sends a new invitation (STF-1); the earlier links stop working. */
    public Account resendInvitation(Caller staff, String accountId) {
        Account account = get(accountId);
        if (account.getState() != AccountState.INVITED) {
            throw new ConflictException("This account has set its password already; it can use 'Wachtwoord vergeten'.");
        }
        newInvitation(account);
        account.record(staffActions.recorded(staff, StaffAction.invitationResent(accountId)));
        return mongo.save(account);
    }

    public Account get(String accountId) {
        return find(accountId).orElseThrow(() -> new NotFoundException("Account " + accountId + " was not found."));
    }

    public Optional<Account> find(String accountId) {
        return Optional.ofNullable(mongo.findById(accountId, Account.class));
    }

    /** The account, recorded from Keycloak first when the portal has not seen it yet (a signed-in caller always exists there). */
    public Optional<Account> findOrReconcile(String accountId) {
        return find(accountId).or(() -> {
            keycloak.findUser(accountId).ifPresent(user -> reconcile(user, keycloak.hasPassword(accountId)));
            return find(accountId);
        });
    }

    /**
     * The language a staff member chose last (Keycloak's {@code locale}): staff have no portal account,
     * and the token's claim keeps the language of the sign-in until the next one. Empty when Keycloak
     * does not answer or knows none.
     */
    public Optional<String> staffLanguage(String userId) {
        try {
            return keycloak.findUser(userId).map(user -> user.attribute("locale"));
        } catch (RuntimeException unavailable) {
            return Optional.empty();
        }
    }

    /** What the invitation page shows before the client types anything. */
    public Invitation.Status invitationStatus(String token) {
        Invitation invitation = mongo.findById(Invitation.hash(token), Invitation.class);
        return invitation == null ? Invitation.Status.EXPIRED : invitation.status(clock.instant());
    }

    /**
     * The client typed an address on the invitation page (ONB-2). When it is the invited address, the
     * invitation is used up and the set-password e-mail (#2) is marked due; {@link SetPasswordEmails}
     * sends it shortly after. The caller always gets the same answer, and after the same work: one
     * update of the invitation whatever was typed, and no call to Keycloak, so neither the answer nor
     * its timing discloses which addresses have accounts.
     */
    public Invitation.Status confirm(String token, String email) {
        Invitation invitation = counted(token);
        Instant now = clock.instant();
        if (invitation == null || invitation.status(now) != Invitation.Status.VALID) {
            return invitation == null ? Invitation.Status.EXPIRED : invitation.status(now);
        }
        Account account = mongo.findById(invitation.accountId(), Account.class);
        boolean invitedAddress = account != null && account.getState() == AccountState.INVITED
                && account.getEmail().equalsIgnoreCase(email.trim());
        Update update = new Update().set("lastTriedAt", now);
        if (invitedAddress) {
            update.set("usedAt", now).set("passwordEmailDueAt", now);
        }
        mongo.updateFirst(query(where("_id").is(invitation.tokenHash()).and("usedAt").is(null)), update,
                Invitation.class);
        return Invitation.Status.VALID;
    }

    /**
     * An expired or used invitation link offers a new one: when the address is the invited one and the
     * account still waits for its password, a new invitation is sent. Same answer either way.
     */
    public void renew(String token, String email) {
        Invitation invitation = counted(token);
        if (invitation == null) {
            return;
        }
        Account account = mongo.findById(invitation.accountId(), Account.class);
        if (account != null && account.getState() == AccountState.INVITED && account.getEmail().equalsIgnoreCase(email.trim())) {
            newInvitation(account);
            mongo.save(account);
        }
    }

    /** Keycloak saw a password set (e-mail #3; the first one activates the account). Repeats are dropped by id. */
    public void passwordSet(String accountId, String keycloakEventId, Instant at) {
        find(accountId).ifPresent(account -> {
            if (account.activate(at, clock.instant())) {
                account.record(events.activated(account));
            }
            account.record(events.passwordSet(account, keycloakEventId, at));
            mongo.save(account);
        });
    }

    /** ME-1: the language applies at once, to the portal, to Keycloak's pages and e-mails and to the portal's e-mails. */
    public void changeLanguage(String accountId, String language) {
        keycloak.setAttribute(accountId, "locale", language);
        find(accountId).ifPresent(account -> {
            if (account.changeLanguage(language, clock.instant())) {
                account.record(events.changed(account));
                mongo.save(account);
            }
        });
    }

    /** Saved at once; notification-service hears it through the account's event before the next e-mail (ME-3). */
    public NotificationPreferences changeNotifications(String accountId, NotificationPreferences preferences) {
        Account account = findOrReconcile(accountId)
                .orElseThrow(() -> new NotFoundException("Account " + accountId + " was not found."));
        if (account.changeNotifications(preferences, clock.instant())) {
            account.record(events.changed(account));
            mongo.save(account);
        }
        return account.getNotifications();
    }

    /** The first sign-in opens "Mijn gegevens" (ONB-4); once seen, it no longer does. */
    public void onboarded(String accountId) {
        mongo.updateFirst(query(where("_id").is(accountId).and("onboardedAt").is(null)),
                new Update().set("onboardedAt", clock.instant()), Account.class);
    }

    public List<Account> extraAccounts(String companyId) {
        return mongo.find(query(where("companyId").is(companyId).and("type").is(AccountType.COMPANY_EXTRA)
                .and("state").ne(AccountState.REMOVED)), Account.class);
    }

    public Account extraAccount(String companyId, String accountId) {
        return find(accountId).filter(a -> a.getType() == AccountType.COMPANY_EXTRA && companyId.equals(a.getCompanyId())
                        && a.getState() != AccountState.REMOVED)
                .orElseThrow(() -> new NotFoundException("Account " + accountId + " was not found."));
    }

    /**
     * ME-4: a deleted extra account loses access at once. Its sessions end first (Keycloak tells the
     * gateway through back-channel logout), then the login is deleted.
     */
    public void removeExtraAccount(String companyId, String accountId) {
        Account account = extraAccount(companyId, accountId);
        keycloak.logout(accountId);
        keycloak.deleteUser(accountId);
        account.remove(clock.instant());
        account.record(events.removed(account));
        mongo.save(account);
    }

    /**
     * Keeps the portal's record of a Keycloak user that the portal did not invite itself (the demo
     * accounts, or one an administrator made in Keycloak): created when new, and changed when its
     * language, company or enabled state changed. Returns whether something was recorded.
     */
    public boolean reconcile(UserRepresentation user, boolean hasPassword) {
        AccountType type;
        try {
            type = AccountType.valueOf(String.valueOf(user.attribute("account_type")));
        } catch (IllegalArgumentException notAClient) {
            return false;
        }
        String language = "en".equals(user.attribute("locale")) ? "en" : "nl";
        Instant now = clock.instant();
        Account account = mongo.findById(user.id(), Account.class);
        if (account == null) {
            account = Account.known(user.id(), user.email() == null ? user.username() : user.email(),
                    user.firstName(), user.lastName(), type, user.attribute("company_id"),
                    user.attribute("company_name"), language, user.attribute("phone_number"),
                    hasPassword ? AccountState.ACTIVE : AccountState.INVITED, now);
            account.block(!user.enabled(), now);
            if (hasPassword) {
                // in use before the portal knew it: its first sign-in lies behind it
                account.onboarded(now);
            }
            account.record(events.changed(account));
            mongo.insert(account);
            return true;
        }
        boolean changed = account.changeLanguage(language, now) | account.block(!user.enabled(), now);
        if (changed) {
            account.record(events.changed(account));
            mongo.save(account);
        }
        return changed;
    }

    private void newInvitation(Account account) {
        Instant now = clock.instant();
        mongo.updateMulti(query(where("accountId").is(account.getId()).and("usedAt").is(null)),
                new Update().set("usedAt", now), Invitation.class);
        String token = Invitation.newToken();
        Instant expiresAt = now.plus(settings.invitationValidFor());
        mongo.insert(Invitation.issued(Invitation.hash(token), account.getId(), now, expiresAt));
        account.record(events.invited(account, token, expiresAt));
    }

    /** The invitation of the token, counting the try; too many tries on one link are refused (429). */
    private Invitation counted(String token) {
        Invitation invitation = mongo.findAndModify(query(where("_id").is(Invitation.hash(token))),
                new Update().inc("attempts", 1), Invitation.class);
        if (invitation != null && invitation.attempts() >= settings.maxAttempts()) {
            throw new ProblemException(HttpStatus.TOO_MANY_REQUESTS, null,
                    "This link was tried too often. Ask the office for a new invitation.");
        }
        return invitation;
    }
}
