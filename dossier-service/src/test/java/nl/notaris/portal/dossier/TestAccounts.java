package nl.notaris.portal.dossier;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import nl.notaris.portal.dossier.parties.AccountDirectory;
import nl.notaris.portal.dossier.parties.Party;
import nl.notaris.portal.testsupport.TestCaller;

/**
 * Stands in for identity-service's account look-up in this service's tests; the end-to-end tests
 * use the real one.
 */
@TestConfiguration
public class TestAccounts {

    @Bean
    @Primary
    AccountDirectory testAccountDirectory() {
        return email -> TestCaller.clients().stream()
                .filter(c -> c.email().equalsIgnoreCase(email))
                .findFirst()
                .map(c -> new Party(c.accountId(), c.email(), c.accountType(), c.companyId()));
    }
}
