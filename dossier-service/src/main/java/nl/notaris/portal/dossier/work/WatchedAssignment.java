package nl.notaris.portal.dossier.work;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A questionnaire sent to a client, as far as the work queue needs it: whom, in which dossier, by
 * when, and whether it was completed. {@code watchDueDate} is the due date (ISO date) while the
 * assignment may still become overdue: set when it has a due date, removed once it is completed or
 * its overdue item was made. The job looks for {@code watchDueDate < today} on its sparse index.
 */
@Document("work_assignments")
record WatchedAssignment(@Id String id, String dossierId, String accountId, String dueDate, Instant completedAt,
        @Indexed(sparse = true) String watchDueDate, Instant overdueRaisedAt) {
}
