package nl.notaris.portal.identity.accounts;

import java.time.Instant;

/**
 * An account in the office's list ({@code GET /api/staff/accounts}). {@code name} is the person's name;
 * {@code companyName} is set for a company's main and extra accounts. {@code createdAt} is when the
 * portal recorded the account, {@code updatedAt} its last change (the list's order); both are empty for
 * an account stored before the portal kept them that has no invitation or activation date either.
 */
public record AccountListItem(String id, String name, String firstName, String lastName, String email,
        AccountType type, AccountState state, String companyId, String companyName, Instant createdAt,
        Instant updatedAt, Instant invitedAt, Instant activatedAt) {

    static AccountListItem of(Account a) {
        return new AccountListItem(a.getId(), a.name(), a.getFirstName(), a.getLastName(), a.getEmail(), a.getType(),
                a.getState(), a.getCompanyId(), a.getCompanyName(), a.getCreatedAt(), a.getUpdatedAt(),
                a.getInvitedAt(), a.getActivatedAt());
    }
}
