package nl.notaris.portal.identity.accounts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import nl.notaris.portal.support.events.PendingEvent;

/**
 * A client's portal account as the portal knows it: Keycloak holds the login (and the password),
 * this record holds what the portal tells the other services about it through events. The id is
 * Keycloak's user id. {@code revision} counts the changes; events carry it so replicas ignore stale ones.
 */
@Document("accounts")
public class Account {

    @Id
    private String id;
    @Indexed
    private String email;
    private String firstName;
    private String lastName;
    private AccountType type;
    @Indexed
    private String companyId;
    private String companyName;
    private String language;
    private String phone;
    private NotificationPreferences notifications;
    private AccountState state;
    private Instant invitedAt;
    private Instant activatedAt;
    private Instant onboardedAt;
    private long revision;
    private List<PendingEvent> pendingEvents = new ArrayList<>();
    @Version
    private Long version;

    protected Account() {
    }

    static Account invited(String id, String email, String firstName, String lastName, AccountType type,
            String companyId, String companyName, String language, String phone, Instant now) {
        Account account = known(id, email, firstName, lastName, type, companyId, companyName, language, phone,
                AccountState.INVITED);
        account.invitedAt = now;
        return account;
    }

    /** An account found in Keycloak that the portal did not invite itself (e.g. the demo accounts). */
    static Account known(String id, String email, String firstName, String lastName, AccountType type,
            String companyId, String companyName, String language, String phone, AccountState state) {
        Account account = new Account();
        account.id = id;
        account.email = email.trim().toLowerCase(java.util.Locale.ROOT);
        account.firstName = firstName;
        account.lastName = lastName;
        account.type = type;
        account.companyId = companyId;
        account.companyName = companyName;
        account.language = language == null ? "nl" : language;
        account.phone = phone;
        account.state = state;
        account.revision = 1;
        return account;
    }

    /** The first password was set: the account is in use. Returns whether that changed anything. */
    boolean activate(Instant now) {
        if (state != AccountState.INVITED) {
            return false;
        }
        state = AccountState.ACTIVE;
        activatedAt = now;
        return touched();
    }

    boolean changeLanguage(String newLanguage) {
        if (newLanguage.equals(language)) {
            return false;
        }
        language = newLanguage;
        return touched();
    }

    boolean changeNotifications(NotificationPreferences preferences) {
        if (preferences.equals(getNotifications())) {
            return false;
        }
        notifications = preferences;
        return touched();
    }

    boolean block(boolean blocked) {
        AccountState next = blocked ? AccountState.BLOCKED : (activatedAt != null || state == AccountState.ACTIVE
                ? AccountState.ACTIVE : AccountState.INVITED);
        if (state == AccountState.REMOVED || next == state) {
            return false;
        }
        state = next;
        return touched();
    }

    boolean remove() {
        if (state == AccountState.REMOVED) {
            return false;
        }
        state = AccountState.REMOVED;
        return touched();
    }

    void onboarded(Instant now) {
        if (onboardedAt == null) {
            onboardedAt = now;
        }
    }

    void record(PendingEvent event) {
        pendingEvents.add(event);
    }

    private boolean touched() {
        revision++;
        return true;
    }

    public String name() {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    }

    public boolean isMainAccountOf(String company) {
        return type == AccountType.COMPANY_MAIN && company != null && company.equals(companyId);
    }

    public String getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getFirstName() {
        return firstName;
    }

    public String getLastName() {
        return lastName;
    }

    public AccountType getType() {
        return type;
    }

    public String getCompanyId() {
        return companyId;
    }

    public String getCompanyName() {
        return companyName;
    }

    public String getLanguage() {
        return language;
    }

    /** The client's choice, or all on when never changed. */
    public NotificationPreferences getNotifications() {
        return notifications == null ? NotificationPreferences.ALL_ON : notifications;
    }

    public String getPhone() {
        return phone;
    }

    public AccountState getState() {
        return state;
    }

    public Instant getInvitedAt() {
        return invitedAt;
    }

    public Instant getActivatedAt() {
        return activatedAt;
    }

    public Instant getOnboardedAt() {
        return onboardedAt;
    }

    public long getRevision() {
        return revision;
    }
}
