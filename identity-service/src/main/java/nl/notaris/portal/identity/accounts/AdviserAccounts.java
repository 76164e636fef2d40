package nl.notaris.portal.identity.accounts;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Locale;
import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import nl.notaris.portal.identity.accounts.AccountInvitations.NewAccount;
import nl.notaris.portal.identity.keycloak.KeycloakAdminClient;
import nl.notaris.portal.identity.keycloak.KeycloakAdminClient.UserRepresentation;
import nl.notaris.portal.support.web.ConflictException;

/** A client lets an adviser into one of its dossiers (ADV-1): the adviser's account, an existing one or a new one. */
@Service
public class AdviserAccounts {

    private final MongoTemplate mongo;
    private final KeycloakAdminClient keycloak;
    private final AccountInvitations invitations;
    private final AccountReconciler reconciler;

    AdviserAccounts(MongoTemplate mongo, KeycloakAdminClient keycloak, AccountInvitations invitations,
            AccountReconciler reconciler) {
        this.mongo = mongo;
        this.keycloak = keycloak;
        this.invitations = invitations;
        this.reconciler = reconciler;
    }

    /** The adviser a client names, and who shares which dossier. */
    public record NewAdviser(String email, String name, String language, String invitedByName, String dossierNumber) {
    }

    /** The adviser's account, and whether it is new. */
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
            Account account = invitations.invite(new NewAccount(AccountType.ADVISER, email, name.firstName(),
                    name.lastName(), null, null, adviser.language(), null), null,
                    new AdviserInvitation(AccountInvitations.blankToNull(adviser.invitedByName()),
                            AccountInvitations.blankToNull(adviser.dossierNumber())));
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
            reconciler.reconcile(user.get(), keycloak.hasPassword(user.get().id()));
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
}
