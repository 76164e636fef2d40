package nl.notaris.portal.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.authentication.actiontoken.ActionTokenHandlerFactory;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import nl.notaris.portal.keycloak.accounts.PortalAccountsResourceProviderFactory;
import nl.notaris.portal.keycloak.resetcred.PortalResetCredentialsActionTokenHandler;
import nl.notaris.portal.keycloak.setpassword.PortalSetPasswordActionTokenHandler;

/** The META-INF/services files name classes that exist and implement the SPI. */
class ProviderRegistrationTest {

    private static List<String> registered(Class<?> spi) throws Exception {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                ProviderRegistrationTest.class.getResourceAsStream("/META-INF/services/" + spi.getName()),
                StandardCharsets.UTF_8))) {
            return reader.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }

    @Test
    void actionTokenHandlers() throws Exception {
        List<String> names = registered(ActionTokenHandlerFactory.class);

        assertThat(names).containsExactlyInAnyOrder(PortalSetPasswordActionTokenHandler.class.getName(),
                PortalResetCredentialsActionTokenHandler.class.getName());
        for (String name : names) {
            assertThat(ActionTokenHandlerFactory.class.isAssignableFrom(Class.forName(name))).as(name).isTrue();
        }
    }

    @Test
    void theResetHandlerReplacesKeycloaksOwn() {
        PortalResetCredentialsActionTokenHandler handler = new PortalResetCredentialsActionTokenHandler();

        assertThat(handler.getId()).isEqualTo("reset-credentials");
        assertThat(handler.order()).isGreaterThan(0);
        assertThat(handler.canUseTokenRepeatedly(null, null)).isFalse();
    }

    @Test
    void realmResource() throws Exception {
        assertThat(registered(RealmResourceProviderFactory.class))
                .containsExactly(PortalAccountsResourceProviderFactory.class.getName());
        assertThat(new PortalAccountsResourceProviderFactory().getId()).isEqualTo("portal-accounts");
    }
}
