package nl.notaris.portal.identity.accounts;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

import nl.notaris.portal.identity.keycloak.KeycloakAdminClient;
import nl.notaris.portal.support.web.NotFoundException;

/**
 * A company's extra accounts (ME-4), as its main account sees them: the list, one of them, and deleting one. They are
 * invited with {@link AccountInvitations#invite}.
 */
@Service
public class ExtraAccounts {

    private final MongoTemplate mongo;
    private final KeycloakAdminClient keycloak;
    private final AccountRecords records;
    private final AccountEvents events;
    private final Clock clock;

    ExtraAccounts(MongoTemplate mongo, KeycloakAdminClient keycloak, AccountRecords records, AccountEvents events,
            Clock clock) {
        this.mongo = mongo;
        this.keycloak = keycloak;
        this.records = records;
        this.events = events;
        this.clock = clock;
    }

    public List<Account> of(String companyId) {
        return mongo.find(query(where("companyId").is(companyId).and("type").is(AccountType.COMPANY_EXTRA)
                .and("state").ne(AccountState.REMOVED)), Account.class);
    }

    public Account get(String companyId, String accountId) {
        return records.find(accountId).filter(a -> a.getType() == AccountType.COMPANY_EXTRA
                        && companyId.equals(a.getCompanyId()) && a.getState() != AccountState.REMOVED)
                .orElseThrow(() -> new NotFoundException("Account " + accountId + " was not found."));
    }

    /**
     * A deleted extra account loses access at once. Its sessions end first (Keycloak tells the gateway
     * through back-channel logout), then the login is deleted.
     */
    public void remove(String companyId, String accountId) {
        Account account = get(companyId, accountId);
        keycloak.logout(accountId);
        keycloak.deleteUser(accountId);
        account.remove(clock.instant());
        account.record(events.removed(account));
        mongo.save(account);
    }
}
