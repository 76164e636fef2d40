package nl.notaris.portal.identity.accounts;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import nl.notaris.portal.identity.keycloak.KeycloakAdminClient;
import nl.notaris.portal.identity.keycloak.KeycloakAdminClient.NewUser;
import nl.notaris.portal.phonenumbers.PhoneNumbers;
import nl.notaris.portal.support.audit.StaffAction;
import nl.notaris.portal.support.audit.StaffActions;
import nl.notaris.portal.support.security.Caller;
import nl.notaris.portal.support.web.ConflictException;
import nl.notaris.portal.support.web.InvalidRequestException;

/**
 * Inviting people (STF-1, ONB-1, ME-4): the account in Keycloak (without a password) and here, and the invitation
 * (e-mail #1, through the account's event); a new invitation replaces the earlier links.
 */
@Service
public class AccountInvitations {

    private final MongoTemplate mongo;
    private final KeycloakAdminClient keycloak;
    private final AccountRecords records;
    private final AccountEvents events;
    private final StaffActions staffActions;
    private final OnboardingSettings settings;
    private final Clock clock;

    AccountInvitations(MongoTemplate mongo, KeycloakAdminClient keycloak, AccountRecords records, AccountEvents events,
            StaffActions staffActions, OnboardingSettings settings, Clock clock) {
        this.mongo = mongo;
        this.keycloak = keycloak;
        this.records = records;
        this.events = events;
        this.staffActions = staffActions;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * What staff or a company's main account asks for: a new account and its invitation. The phone number as typed
     * ({@link PhoneNumbers}), kept in E.164.
     */
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

    /** The office sends a new invitation (STF-1); the earlier links stop working. */
    public Account resendInvitation(Caller staff, String accountId) {
        Account account = records.get(accountId);
        if (account.getState() != AccountState.INVITED) {
            throw new ConflictException("This account has set its password already; it can use 'Wachtwoord vergeten'.");
        }
        sendNewInvitation(account);
        account.record(staffActions.recorded(staff, StaffAction.invitationResent(accountId)));
        return mongo.save(account);
    }

    /** @param adviser who shared which dossier, for an adviser's invitation (ADV-1); else {@code null} */
    Account invite(NewAccount request, Caller staff, AdviserInvitation adviser) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        if (mongo.exists(query(where("email").is(email).and("state").ne(AccountState.REMOVED)), Account.class)) {
            throw new ConflictException("An account with this e-mail address exists already.");
        }
        String phone = request.phone() == null ? null
                : PhoneNumbers.normalise(request.phone()).orElseThrow(() -> new InvalidRequestException("phone",
                        "must be a phone number: Dutch, or international with + and the country code"));
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("account_type", List.of(request.type().name()));
        attributes.put("locale", List.of(request.language()));
        if (request.companyId() != null) {
            attributes.put("company_id", List.of(request.companyId()));
            attributes.put("company_name", List.of(request.companyName()));
        }
        if (phone != null) {
            attributes.put("phone_number", List.of(phone));
        }
        // an adviser named by one word has no last name: Keycloak gets none rather than an empty one
        String id = keycloak.createUser(new NewUser(email, email, request.firstName().strip(),
                blankToNull(request.lastName()), true, true, attributes));
        try {
            keycloak.addRealmRoles(id, request.type() == AccountType.COMPANY_MAIN
                    ? List.of("client", "company-admin") : List.of("client"));
            Account account = Account.invited(id, email, request.firstName().strip(), request.lastName().strip(),
                    request.type(), request.companyId(), request.companyName(), request.language(), phone,
                    clock.instant());
            if (adviser != null) {
                account.invitedAsAdviser(adviser);
            }
            sendNewInvitation(account);
            if (staff != null) {
                account.record(staffActions.recorded(staff, StaffAction.clientInvited(id)));
            }
            return mongo.insert(account);
        } catch (RuntimeException e) {
            keycloak.deleteUser(id);
            throw e;
        }
    }

    /**
     * A new invitation link for the account, the earlier ones used up; the invitation e-mail goes out through the
     * account's event (the caller saves the account).
     */
    void sendNewInvitation(Account account) {
        Instant now = clock.instant();
        mongo.updateMulti(query(where("accountId").is(account.getId()).and("usedAt").is(null)),
                new Update().set("usedAt", now), Invitation.class);
        String token = Invitation.newToken();
        Instant expiresAt = now.plus(settings.invitationValidFor());
        mongo.insert(Invitation.issued(Invitation.hash(token), account.getId(), now, expiresAt));
        account.record(events.invited(account, token, expiresAt));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
