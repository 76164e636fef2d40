package nl.notaris.portal.identity.accounts;

import java.util.Optional;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import nl.notaris.portal.identity.keycloak.KeycloakAdminClient;
import nl.notaris.portal.support.web.NotFoundException;

/** The portal's record of an account, by its id (the Keycloak user's). */
@Service
public class AccountRecords {

    private final MongoTemplate mongo;
    private final KeycloakAdminClient keycloak;
    private final AccountReconciler reconciler;

    AccountRecords(MongoTemplate mongo, KeycloakAdminClient keycloak, AccountReconciler reconciler) {
        this.mongo = mongo;
        this.keycloak = keycloak;
        this.reconciler = reconciler;
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
            keycloak.findUser(accountId).ifPresent(user -> reconciler.reconcile(user, keycloak.hasPassword(accountId)));
            return find(accountId);
        });
    }
}
