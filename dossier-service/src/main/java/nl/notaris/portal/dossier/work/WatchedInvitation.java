package nl.notaris.portal.dossier.work;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An invited account, as far as the work queue needs it: when it was (last) invited and whether it
 * was activated. {@code watchSince} is the invitation's moment while the account may still become a
 * pending invitation: removed once it is activated or its item was made. The job looks for
 * {@code watchSince <= now - invitation-pending-after} on its sparse index. Type and company tell
 * which dossiers the account would be a party to, for its name.
 */
@Document("work_invitations")
record WatchedInvitation(@Id String id, String accountType, String companyId, Instant invitedAt, Instant activatedAt,
        @Indexed(sparse = true) Instant watchSince, Instant pendingRaisedAt) {
}
