package nl.notaris.portal.identity.accounts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

import nl.notaris.portal.support.events.PendingEvent;

/**
 * A client's portal account as the portal knows it: Keycloak holds the login (and the password),
 * this record holds what the portal tells the other services about it through events. The id is
 * Keycloak's user id. {@code revision} counts the changes; events carry it so replicas ignore stale ones.
 * The compound indexes serve the office's account list; {@link AccountSearch} says which query uses which.
 */
@Document("accounts")
@CompoundIndex(name = "staff_recent", def = "{'updatedAt': -1, '_id': -1}")
@CompoundIndex(name = "staff_state_recent", def = "{'state': 1, 'updatedAt': -1, '_id': -1}")
@CompoundIndex(name = "staff_type_recent", def = "{'type': 1, 'updatedAt': -1, '_id': -1}")
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
    /** For an adviser's account: who shared which dossier when it was invited, for the invitation's text. */
    private AdviserInvitation adviserInvitation;
    private AccountState state;
    private Instant invitedAt;
    private Instant activatedAt;
    private Instant onboardedAt;
    /** When the portal recorded the account (invited it, or first saw it in Keycloak). */
    private Instant createdAt;
    /** When the portal recorded its last change (each {@code revision}), or its creation: what the office's list sorts by. */
    private Instant updatedAt;
    /**
     * Name, e-mail address and company name in lower case: the one field the office's search matches
     * (literal substring, see {@link AccountSearch}). Set before every save ({@link AccountSaving}).
     */
    private String searchText;
    private long revision;
    private List<PendingEvent> pendingEvents = new ArrayList<>();
    @Version
    private Long version;

    protected Account() {
    }

    static Account invited(String id, String email, String firstName, String lastName, AccountType type,
            String companyId, String companyName, String language, String phone, Instant now) {
        Account account = known(id, email, firstName, lastName, type, companyId, companyName, language, phone,
                AccountState.INVITED, now);
        account.invitedAt = now;
        return account;
    }

    /** An account found in Keycloak that the portal did not invite itself (e.g. the demo accounts). */
    static Account known(String id, String email, String firstName, String lastName, AccountType type,
            String companyId, String companyName, String language, String phone, AccountState state, Instant now) {
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
        account.createdAt = now;
        account.updatedAt = now;
        account.beforeSave();
        return account;
    }

    /**
     * The first password was set (at {@code at}, by Keycloak's clock): the account is in use. Returns
     * whether that changed anything; {@code now} is when the portal records it.
     */
    boolean activate(Instant at, Instant now) {
        if (state != AccountState.INVITED) {
            return false;
        }
        state = AccountState.ACTIVE;
        activatedAt = at;
        return touched(now);
    }

    boolean changeLanguage(String newLanguage, Instant now) {
        if (newLanguage.equals(language)) {
            return false;
        }
        language = newLanguage;
        return touched(now);
    }

    boolean changeNotifications(NotificationPreferences preferences, Instant now) {
        if (preferences.equals(getNotifications())) {
            return false;
        }
        notifications = preferences;
        return touched(now);
    }

    boolean block(boolean blocked, Instant now) {
        AccountState next = blocked ? AccountState.BLOCKED : (activatedAt != null || state == AccountState.ACTIVE
                ? AccountState.ACTIVE : AccountState.INVITED);
        if (state == AccountState.REMOVED || next == state) {
            return false;
        }
        state = next;
        return touched(now);
    }

    boolean remove(Instant now) {
        if (state == AccountState.REMOVED) {
            return false;
        }
        state = AccountState.REMOVED;
        return touched(now);
    }

    /** An adviser's account: its invitations tell who shared which dossier with it. */
    void invitedAsAdviser(AdviserInvitation invitation) {
        adviserInvitation = invitation;
    }

    void onboarded(Instant now) {
        if (onboardedAt == null) {
            onboardedAt = now;
        }
    }

    void record(PendingEvent event) {
        pendingEvents.add(event);
    }

    /** Every change: the revision counts, the last change moves. */
    private boolean touched(Instant now) {
        revision++;
        updatedAt = now;
        return true;
    }

    /**
     * Brings the fields the office's list reads up to date; runs before every save. The search text
     * follows name, address and company name. An account stored before the portal kept its creation
     * and last change gets them from the dates it has: created at the earliest of invitation,
     * activation and first sign-in, changed at the latest of those (both stay empty when it has
     * none, which puts it last in the list until its next change).
     */
    void beforeSave() {
        searchText = Stream.of(name(), email, companyName).filter(Objects::nonNull).filter(s -> !s.isBlank())
                .reduce((a, b) -> a + "\n" + b).orElse("").toLowerCase(Locale.ROOT);
        if (createdAt == null) {
            createdAt = Stream.of(invitedAt, activatedAt, onboardedAt).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null);
        }
        if (updatedAt == null) {
            updatedAt = Stream.of(createdAt, invitedAt, activatedAt, onboardedAt).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
        }
    }

    public String name() {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    }

    /**
     * How the portal's e-mails greet the account: the person's name, for a company's main account without
     * one the company's name; {@code null} when neither is known.
     */
    public String addressedAs() {
        if (!name().isEmpty()) {
            return name();
        }
        return type == AccountType.COMPANY_MAIN && companyName != null && !companyName.isBlank()
                ? companyName.strip() : null;
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

    AdviserInvitation getAdviserInvitation() {
        return adviserInvitation;
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

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    String getSearchText() {
        return searchText;
    }

    public long getRevision() {
        return revision;
    }
}
