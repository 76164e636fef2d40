package nl.notaris.portal.dossier;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import nl.notaris.portal.dossier.parties.AccountDirectory;
import nl.notaris.portal.dossier.parties.AdviserAccounts;
import nl.notaris.portal.dossier.parties.AdviserAccounts.AdviserAccount;
import nl.notaris.portal.dossier.parties.AdviserAccounts.AdviserInvitation;
import nl.notaris.portal.dossier.parties.Party;
import nl.notaris.portal.testsupport.TestCaller;

/**
 * Stands in for identity-service's account look-up and its adviser accounts in this service's tests;
 * the end-to-end tests use the real ones. Like the real ones it answers the account's display name, and
 * an address without an account gets a new adviser account ({@link #adviser}), once.
 */
@TestConfiguration
public class TestAccounts {

    /**
     * A client that only the staff list's tests make a party, so that a search for her name or
     * address finds their dossiers alone.
     */
    public static final TestCaller ZOE = new TestCaller("z1-zoe", "zoe.zoekmans@example.com", "Zoë Zoekmans",
            "PERSON", null, List.of("client"));

    /** What the adviser accounts' stand-in was asked, oldest first. */
    public static final List<AdviserInvitation> INVITATIONS = new CopyOnWriteArrayList<>();
    private static final Set<String> INVITED = ConcurrentHashMap.newKeySet();

    /** The adviser account the stand-in makes for an address without an account, as its token shows it. */
    public static TestCaller adviser(String email, String name) {
        String address = email.toLowerCase(Locale.ROOT);
        return new TestCaller("adv-" + address.replaceAll("[^a-z0-9]", "-"), address, name, "ADVISER", null,
                List.of("client"));
    }

    @Bean
    @Primary
    AccountDirectory testAccountDirectory() {
        return email -> known(email).map(c -> new Party(c.accountId(), c.email(), c.accountType(), c.companyId(), c.name()));
    }

    @Bean
    @Primary
    AdviserAccounts testAdviserAccounts() {
        return invitation -> {
            INVITATIONS.add(invitation);
            return known(invitation.email()).map(c -> new AdviserAccount(c.accountId(), c.email(), c.name(), false))
                    .orElseGet(() -> {
                        TestCaller adviser = adviser(invitation.email(), invitation.name());
                        return new AdviserAccount(adviser.accountId(), adviser.email(), adviser.name(),
                                INVITED.add(adviser.accountId()));
                    });
        };
    }

    private static Optional<TestCaller> known(String email) {
        return Stream.concat(TestCaller.clients().stream(), Stream.of(ZOE))
                .filter(c -> c.email().equalsIgnoreCase(email.trim())).findFirst();
    }
}
