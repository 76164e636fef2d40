package nl.notaris.portal.keycloak.setpassword;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keycloak.util.JsonSerialization;

class PortalSetPasswordActionTokenTest {

    @Test
    void carriesUserAddressClientRedirectExpiryAndANonce() throws Exception {
        PortalSetPasswordActionToken token = new PortalSetPasswordActionToken("user-1", "anna@example.com", 1_900_000_000,
                "portal-gateway", "http://localhost:8080/oauth2/authorization/keycloak");

        String json = JsonSerialization.writeValueAsString(token);
        PortalSetPasswordActionToken read = JsonSerialization.readValue(json, PortalSetPasswordActionToken.class);

        assertThat(read.getType()).isEqualTo("portal-set-password");
        assertThat(read.getActionId()).isEqualTo(PortalSetPasswordActionToken.TOKEN_TYPE);
        assertThat(read.getUserId()).isEqualTo("user-1");
        assertThat(read.getEmail()).isEqualTo("anna@example.com");
        assertThat(read.getIssuedFor()).isEqualTo("portal-gateway");
        assertThat(read.getRedirectUri()).isEqualTo("http://localhost:8080/oauth2/authorization/keycloak");
        assertThat(read.getExp()).isEqualTo(1_900_000_000L);
        assertThat(read.getActionVerificationNonce()).isEqualTo(token.getActionVerificationNonce()).isNotNull();
        assertThat(json).contains("\"reduri\"", "\"eml\"", "\"nonce\"");
    }

    @Test
    void everyLinkHasItsOwnSingleUseKey() {
        PortalSetPasswordActionToken first = new PortalSetPasswordActionToken("user-1", "a@example.com", 1_900_000_000,
                "portal-gateway", "http://localhost:8080/");
        PortalSetPasswordActionToken second = new PortalSetPasswordActionToken("user-1", "a@example.com", 1_900_000_000,
                "portal-gateway", "http://localhost:8080/");

        assertThat(first.serializeKey()).isNotEqualTo(second.serializeKey());
    }

    @Test
    void aChangedAddressInvalidatesTheLink() {
        assertThat(PortalSetPasswordActionToken.emailStillMatches("anna@example.com", "anna@example.com")).isTrue();
        assertThat(PortalSetPasswordActionToken.emailStillMatches("Anna@Example.com", "anna@example.com")).isTrue();
        assertThat(PortalSetPasswordActionToken.emailStillMatches("anna@example.com", "anna.new@example.com")).isFalse();
        assertThat(PortalSetPasswordActionToken.emailStillMatches("anna@example.com", null)).isFalse();
        assertThat(PortalSetPasswordActionToken.emailStillMatches(null, "anna@example.com")).isFalse();
        assertThat(PortalSetPasswordActionToken.emailStillMatches(" ", " ")).isFalse();
    }

    @Test
    void theHandlerMakesTheLinkSingleUse() {
        PortalSetPasswordActionTokenHandler handler = new PortalSetPasswordActionTokenHandler();

        assertThat(handler.canUseTokenRepeatedly(null, null)).isFalse();
        assertThat(handler.getId()).isEqualTo("portal-set-password");
        assertThat(handler.getTokenClass()).isEqualTo(PortalSetPasswordActionToken.class);
        assertThat(handler.getDefaultErrorMessage()).isEqualTo("portalLinkInvalidMessage");
    }
}
