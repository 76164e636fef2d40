package nl.notaris.portal.identity;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;

/** This service's integration tests: the real database and broker, and {@link FakeKeycloak} as Keycloak. */
@ServiceIntegrationTest
public abstract class IdentityIntegrationTest extends IntegrationTest {

    protected static final FakeKeycloak keycloak = new FakeKeycloak();

    @DynamicPropertySource
    static void keycloakUrl(DynamicPropertyRegistry registry) {
        registry.add("portal.keycloak.url", keycloak::url);
        registry.add("portal.accounts.events-interval", () -> "200ms");
        registry.add("portal.accounts.sync-interval", () -> "1h");
        registry.add("portal.accounts.password-emails-interval", () -> "100ms");
        registry.add("portal.accounts.password-email-retry-delay", () -> "100ms");
    }
}
