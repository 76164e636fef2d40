package nl.notaris.portal.keycloak.realm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The realm export and the password blacklist it names (module folder: the test's working directory). */
class RealmExportTest {

    private static JsonNode realm;

    @BeforeAll
    static void read() throws Exception {
        realm = new ObjectMapper().readTree(Path.of("realm", "notary-portal-realm.json").toFile());
    }

    private static JsonNode client(String clientId) {
        for (JsonNode client : realm.get("clients")) {
            if (clientId.equals(client.get("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    @Test
    void passwordPolicyANotaryOfficeCanDefend() {
        String policy = realm.get("passwordPolicy").asText();

        assertThat(policy).contains("length(12)", "maxLength(128)", "notEmail", "notUsername",
                "passwordBlacklist(common-passwords.txt)");
        assertThat(realm.get("bruteForceProtected").asBoolean()).isTrue();
        assertThat(realm.get("resetPasswordAllowed").asBoolean()).isTrue();
    }

    @Test
    void theBlacklistIsThereLowerCaseOnePerLineAndLarge() throws Exception {
        Matcher name = Pattern.compile("passwordBlacklist\\(([^)]+)\\)").matcher(realm.get("passwordPolicy").asText());
        assertThat(name.find()).isTrue();
        Path file = Path.of("password-blacklists", name.group(1));
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);

        assertThat(lines).hasSizeGreaterThanOrEqualTo(10_000);
        assertThat(lines).allSatisfy(line -> {
            assertThat(line).isNotBlank().isEqualTo(line.trim()).isEqualTo(line.toLowerCase(Locale.ROOT));
        });
        assertThat(new HashSet<>(lines)).hasSameSizeAs(lines);
        assertThat(lines).contains("123456", "password", "qwerty123456", "wachtwoord123");
        // The demo accounts' password must stay allowed.
        assertThat(lines).doesNotContain("portal-demo-2026");
    }

    @Test
    void emailThemeSmtpPlaceholdersAndLinkLifespan() {
        assertThat(realm.get("emailTheme").asText()).isEqualTo("notary-portal");
        assertThat(realm.get("loginTheme").asText()).isEqualTo("notary-portal");
        JsonNode smtp = realm.get("smtpServer");
        assertThat(smtp.get("host").asText()).isEqualTo("${KC_SMTP_HOST:localhost}");
        assertThat(smtp.get("port").asText()).isEqualTo("${KC_SMTP_PORT:1025}");
        assertThat(smtp.get("from").asText()).isEqualTo("${KC_SMTP_FROM:portaal@notaris.example}");
        assertThat(smtp.get("fromDisplayName").asText()).isEqualTo("Klantenportaal");
        assertThat(realm.get("attributes").get("actionTokenGeneratedByUserLifespan.reset-credentials").asText())
                .isEqualTo("3600");
    }

    @Test
    void eventsForTheIdentityService() {
        assertThat(realm.get("eventsEnabled").asBoolean()).isTrue();
        assertThat(realm.get("eventsExpiration").asInt()).isEqualTo(7 * 24 * 3600);
        assertThat(texts(realm.get("enabledEventTypes"))).contains("UPDATE_CREDENTIAL", "UPDATE_PASSWORD");

        JsonNode serviceAccount = null;
        for (JsonNode user : realm.get("users")) {
            if ("service-account-identity-service".equals(user.get("username").asText())) {
                serviceAccount = user;
            }
        }
        assertThat(serviceAccount).isNotNull();
        assertThat(texts(serviceAccount.get("clientRoles").get("realm-management")))
                .contains("manage-users", "view-users", "query-users", "view-events");
    }

    @Test
    void gatewayClientRedirectsBackChannelLogoutAndSignInUri() {
        JsonNode gateway = client("portal-gateway");
        JsonNode attributes = gateway.get("attributes");

        assertThat(texts(gateway.get("redirectUris"))).contains("http://localhost:8080/*");
        assertThat(attributes.get("post.logout.redirect.uris").asText()).isEqualTo("http://localhost:8080/*");
        assertThat(gateway.get("frontchannelLogout").asBoolean()).as("back-channel logout needs front-channel off").isFalse();
        assertThat(attributes.get("backchannel.logout.url").asText())
                .isEqualTo("http://localhost:8080/logout/connect/back-channel/keycloak");
        assertThat(attributes.get("backchannel.logout.session.required").asText()).isEqualTo("true");
        assertThat(attributes.get("portal.sign-in-uri").asText())
                .isEqualTo("http://localhost:8080/oauth2/authorization/keycloak")
                .startsWith("http://localhost:8080/");
    }

    @Test
    void whatExistedIsKept() {
        List<String> usernames = new ArrayList<>();
        realm.get("users").forEach(user -> usernames.add(user.get("username").asText()));
        assertThat(usernames).contains("anna@example.com", "jansen.bv@example.com", "piet@example.com",
                "notaris@example.com", "service-account-back-office", "service-account-identity-service");
        assertThat(client("portal-gateway").get("protocolMappers")).hasSize(3);
        String profile = realm.get("components").get("org.keycloak.userprofile.UserProfileProvider").get(0)
                .get("config").get("kc.user.profile.config").get(0).asText();
        assertThat(profile).contains("\"name\": \"email\"", "\"edit\": [\"admin\"]");
    }
}
