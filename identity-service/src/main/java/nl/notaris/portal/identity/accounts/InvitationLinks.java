package nl.notaris.portal.identity.accounts;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import nl.notaris.portal.support.web.ProblemException;

/**
 * The invitation page (ONB-2..3): what a link's status is, the address typed to use it, and a new link for an expired
 * or used one. Every answer is the same whatever the address, and so is the work behind it: neither discloses which
 * addresses have accounts.
 */
@Service
public class InvitationLinks {

    private final MongoTemplate mongo;
    private final AccountInvitations invitations;
    private final OnboardingSettings settings;
    private final Clock clock;

    InvitationLinks(MongoTemplate mongo, AccountInvitations invitations, OnboardingSettings settings, Clock clock) {
        this.mongo = mongo;
        this.invitations = invitations;
        this.settings = settings;
        this.clock = clock;
    }

    /** What the invitation page shows before the client types anything. */
    public Invitation.Status status(String token) {
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
            invitations.sendNewInvitation(account);
            mongo.save(account);
        }
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
