package nl.notaris.portal.dossier;

import java.util.List;
import java.util.stream.Stream;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import nl.notaris.portal.dossier.parties.AccountDirectory;
import nl.notaris.portal.dossier.parties.Party;
import nl.notaris.portal.testsupport.TestCaller;

/**
 * Stands in for identity-service's account look-up in this service's tests; the end-to-end tests
 * use the real one. Like the real one it answers the account's display name.
 */
@TestConfiguration
public class TestAccounts {

    /**
     * A client that only the staff list's tests make a party, so that a search for her name or
     * address finds their dossiers alone.
     */
    public static final TestCaller ZOE = new TestCaller("z1-zoe", "zoe.zoekmans@example.com", "Zoë Zoekmans",
            "PERSON", null, List.of("client"));

    @Bean
    @Primary
    AccountDirectory testAccountDirectory() {
        return email -> Stream.concat(TestCaller.clients().stream(), Stream.of(ZOE))
                .filter(c -> c.email().equalsIgnoreCase(email))
                .findFirst()
                .map(c -> new Party(c.accountId(), c.email(), c.accountType(), c.companyId(), c.name()));
    }
}
