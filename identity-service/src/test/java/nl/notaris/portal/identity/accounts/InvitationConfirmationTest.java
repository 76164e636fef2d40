package nl.notaris.portal.identity.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.verifyNoInteractions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The confirmation on the invitation page does the same database work for a right and a wrong address, and no more. */
class InvitationConfirmationTest {

    static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    final MongoTemplate mongo = mock(MongoTemplate.class);
    /** Also the way to Keycloak: {@link InvitationLinks} has no other. */
    final AccountInvitations invitations = mock(AccountInvitations.class);
    final InvitationLinks links = new InvitationLinks(mongo, invitations,
            new OnboardingSettings(null, null, null, null), Clock.fixed(NOW, ZoneOffset.UTC));

    /** The calls made of the database: which method, on which collection's class, nothing of the values. */
    List<String> databaseCalls() {
        return mockingDetails(mongo).getInvocations().stream()
                .map(call -> call.getMethod().getName() + Arrays.stream(call.getArguments())
                        .filter(Class.class::isInstance).map(c -> ((Class<?>) c).getSimpleName()).toList())
                .toList();
    }

    @Test
    void theRightAndAWrongAddressTakeTheSamePathAndNeitherWaitsForKeycloak() {
        given(mongo.findAndModify(any(Query.class), any(Update.class), eq(Invitation.class)))
                .willReturn(Invitation.issued(Invitation.hash("token"), "kc-1", NOW.minus(Duration.ofHours(1)),
                        NOW.plus(Duration.ofDays(1))));
        given(mongo.findById("kc-1", Account.class)).willReturn(Account.invited("kc-1", "anna@example.com", "Anna",
                "de Vries", AccountType.PERSON, null, null, "nl", null, NOW.minus(Duration.ofHours(1))));

        assertThat(links.confirm("token", "iemand.anders@example.com")).isEqualTo(Invitation.Status.VALID);
        List<String> wrongAddress = databaseCalls();
        clearInvocations(mongo);
        assertThat(links.confirm("token", " Anna@Example.com")).isEqualTo(Invitation.Status.VALID);
        List<String> rightAddress = databaseCalls();

        assertThat(rightAddress).isEqualTo(wrongAddress).contains("updateFirst[Invitation]");
        verifyNoInteractions(invitations);
    }
}
