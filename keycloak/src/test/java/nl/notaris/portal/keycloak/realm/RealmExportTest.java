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

import nl.notaris.portal.keycloak.twofactor.credential.PortalRecoveryCodeCredentialModel;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.credential.CredentialModel;

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

    private static JsonNode user(String username) {
        for (JsonNode user : realm.get("users")) {
            if (username.equals(user.get("username").asText())) {
                return user;
            }
        }
        throw new AssertionError("no user " + username);
    }

    private static JsonNode flow(String alias) {
        for (JsonNode flow : realm.get("authenticationFlows")) {
            if (alias.equals(flow.get("alias").asText())) {
                return flow;
            }
        }
        throw new AssertionError("no flow " + alias);
    }

    /** "requirement authenticator-or-subflow" per execution, in priority order. */
    private static List<String> steps(String flowAlias) {
        List<JsonNode> executions = new ArrayList<>();
        flow(flowAlias).get("authenticationExecutions").forEach(executions::add);
        executions.sort(java.util.Comparator.comparingInt(e -> e.get("priority").asInt()));
        return executions.stream().map(e -> e.get("requirement").asText() + " "
                + (e.hasNonNull("flowAlias") ? "flow:" + e.get("flowAlias").asText() : e.get("authenticator").asText()))
                .toList();
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
        assertThat(smtp.get("fromDisplayName").asText()).as("the office as sender, as the portal's own e-mails")
                .isEqualTo("${KC_SMTP_FROM_NAME:Notariskantoor}");
        assertThat(realm.get("attributes").get("actionTokenGeneratedByUserLifespan.reset-credentials").asText())
                .isEqualTo("3600");
    }

    @Test
    void eventsForTheIdentityService() {
        assertThat(realm.get("eventsEnabled").asBoolean()).isTrue();
        // "Recente aanmeldingen" (TRL-1): an account's sign-ins and failed attempts of the last 90 days
        assertThat(realm.get("eventsExpiration").asInt()).isEqualTo(90 * 24 * 3600);
        assertThat(texts(realm.get("enabledEventTypes"))).contains("UPDATE_CREDENTIAL", "UPDATE_PASSWORD", "LOGIN",
                "LOGIN_ERROR");

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

    /**
     * No client of the realm takes a password directly (OAuth's password grant): it would skip the browser
     * flow and with it the second step. Keycloak creates {@code admin-cli} with the password grant on
     * unless the export declares it, so it is declared here.
     */
    @Test
    void noClientTakesAPasswordWithoutTheBrowserFlow() {
        List<String> clientIds = new ArrayList<>();
        for (JsonNode client : realm.get("clients")) {
            clientIds.add(client.get("clientId").asText());
            assertThat(client.path("directAccessGrantsEnabled").isBoolean())
                    .as(client.get("clientId") + " declares directAccessGrantsEnabled").isTrue();
            assertThat(client.get("directAccessGrantsEnabled").asBoolean())
                    .as(client.get("clientId") + " takes passwords directly").isFalse();
            assertThat(client.path("implicitFlowEnabled").asBoolean()).as(client.get("clientId") + " implicit flow").isFalse();
        }
        assertThat(clientIds).contains("admin-cli");
    }

    /** The name and the address identify the client to the office: only an admin (the identity-service) changes them. */
    @Test
    void nameAndAddressAreChangedByTheOfficeOnly() throws Exception {
        JsonNode profile = new ObjectMapper().readTree(realm.get("components").get("org.keycloak.userprofile.UserProfileProvider")
                .get(0).get("config").get("kc.user.profile.config").get(0).asText());
        for (JsonNode attribute : profile.get("attributes")) {
            String name = attribute.get("name").asText();
            if (List.of("email", "firstName", "lastName").contains(name)) {
                assertThat(texts(attribute.get("permissions").get("edit"))).as(name).containsExactly("admin");
            }
        }
    }

    /**
     * ADV-1: identity-service invites advisers as {@code account_type} ADVISER. An adviser named by one word has
     * no last name: Keycloak requires one only of a user who edits the profile, and users cannot edit it (so
     * the profile check at sign-in leaves it be).
     */
    @Test
    void adviserAccountsAreAllowedAlsoWithoutALastName() throws Exception {
        JsonNode profile = new ObjectMapper().readTree(realm.get("components").get("org.keycloak.userprofile.UserProfileProvider")
                .get(0).get("config").get("kc.user.profile.config").get(0).asText());
        for (JsonNode attribute : profile.get("attributes")) {
            switch (attribute.get("name").asText()) {
                case "account_type" -> assertThat(texts(attribute.get("validations").get("options").get("options")))
                        .containsExactly("PERSON", "COMPANY_MAIN", "COMPANY_EXTRA", "ADVISER");
                case "lastName" -> {
                    assertThat(texts(attribute.get("required").get("roles"))).containsExactly("user");
                    assertThat(texts(attribute.get("permissions").get("edit"))).containsExactly("admin");
                }
                default -> {
                }
            }
        }
    }

    /** The demo recovery code of sanne@example.com (keycloak/README.md). */
    static final String SANNE_RECOVERY_CODE = "HERS-TELC-DE26-SANN";

    @Test
    void theBrowserFlowAsksASecondStepOfClientsWhoHaveOne() {
        assertThat(realm.get("browserFlow").asText()).isEqualTo("portal browser");
        assertThat(flow("portal browser").get("topLevel").asBoolean()).isTrue();
        assertThat(steps("portal browser")).containsExactly("ALTERNATIVE auth-cookie", "ALTERNATIVE flow:portal browser forms");
        // Keycloak's password and OTP forms under the portal's ids: their events also name the browser
        assertThat(steps("portal browser forms")).containsExactly("REQUIRED portal-username-password-form",
                "CONDITIONAL flow:portal second factor");
        assertThat(steps("portal second factor")).containsExactly("REQUIRED conditional-user-configured",
                "ALTERNATIVE portal-sms-code", "ALTERNATIVE portal-otp-form", "ALTERNATIVE webauthn-authenticator",
                "ALTERNATIVE portal-recovery-code");
    }

    @Test
    void everySignInNamesItsBrowser() {
        JsonNode action = null;
        for (JsonNode candidate : realm.get("requiredActions")) {
            if ("portal-sign-in-browser".equals(candidate.get("providerId").asText())) {
                action = candidate;
            }
        }
        // Keycloak asks only enabled required actions whether they apply; that is where the LOGIN event gets the browser
        assertThat(action).as("required action portal-sign-in-browser").isNotNull();
        assertThat(action.get("enabled").asBoolean()).isTrue();
        assertThat(action.get("defaultAction").asBoolean()).isFalse();
    }

    @Test
    void keycloaksOwnFlowsAreComplete() {
        // With "authenticationFlows" in the export Keycloak imports only those: the defaults must be there too.
        List<String> aliases = new ArrayList<>();
        realm.get("authenticationFlows").forEach(f -> aliases.add(f.get("alias").asText()));
        assertThat(aliases).contains("browser", "direct grant", "registration", "reset credentials", "clients",
                "first broker login", "docker auth");
        assertThat(new HashSet<>(aliases)).hasSameSizeAs(aliases);
        List<String> configs = new ArrayList<>();
        realm.get("authenticatorConfig").forEach(c -> configs.add(c.get("alias").asText()));
        for (JsonNode flow : realm.get("authenticationFlows")) {
            for (JsonNode execution : flow.get("authenticationExecutions")) {
                if (execution.hasNonNull("flowAlias")) {
                    assertThat(aliases).contains(execution.get("flowAlias").asText());
                }
                if (execution.hasNonNull("authenticatorConfig")) {
                    assertThat(configs).contains(execution.get("authenticatorConfig").asText());
                }
            }
        }
    }

    @Test
    void requiredActionsOfTwoStepVerification() {
        List<String> enabled = new ArrayList<>();
        List<String> disabled = new ArrayList<>();
        for (JsonNode action : realm.get("requiredActions")) {
            assertThat(action.get("alias").asText()).isEqualTo(action.get("providerId").asText());
            (action.get("enabled").asBoolean() ? enabled : disabled).add(action.get("alias").asText());
        }
        assertThat(enabled).contains("portal-sms-setup", "portal-sms-disable", "portal-recovery-code", "CONFIGURE_TOTP",
                "webauthn-register", "UPDATE_PASSWORD", "portal-first-password", "delete_credential");
        // Keycloak's own recovery codes and passwordless passkeys would be second ways the portal does not use.
        assertThat(disabled).contains("CONFIGURE_RECOVERY_AUTHN_CODES", "webauthn-register-passwordless");
    }

    @Test
    void twoStepVerificationIsNotRequiredByDefaultAndPasskeysWorkOnLocalhost() {
        assertThat(realm.get("attributes").get("portal.two-factor.required").asText()).isEqualTo("false");
        assertThat(realm.get("webAuthnPolicyRpId").asText()).isEqualTo("localhost");
        assertThat(texts(realm.get("webAuthnPolicySignatureAlgorithms"))).contains("ES256", "RS256");
        assertThat(texts(realm.get("enabledEventTypes"))).contains("UPDATE_CREDENTIAL", "REMOVE_CREDENTIAL");
        assertThat(realm.get("otpPolicyDigits").asInt()).isEqualTo(6);
        assertThat(realm.get("otpPolicyPeriod").asInt()).isEqualTo(30);
    }

    @Test
    void sanneHasSmsVerificationAndADocumentedRecoveryCode() throws Exception {
        JsonNode sanne = user("sanne@example.com");
        assertThat(sanne.get("email").asText()).isEqualTo("sanne@example.com");
        assertThat(sanne.get("emailVerified").asBoolean()).isTrue();
        assertThat(sanne.get("firstName").asText() + " " + sanne.get("lastName").asText()).isEqualTo("Sanne Visser");
        assertThat(texts(sanne.get("attributes").get("locale"))).containsExactly("nl");
        assertThat(texts(sanne.get("realmRoles"))).contains("client");

        List<String> types = new ArrayList<>();
        sanne.get("credentials").forEach(c -> types.add(c.get("type").asText()));
        assertThat(types).containsExactly("password", "portal-sms", "portal-recovery-code");

        JsonNode sms = sanne.get("credentials").get(1);
        assertThat(new ObjectMapper().readTree(sms.get("credentialData").asText()))
                .isEqualTo(new ObjectMapper().readTree("{\"phoneNumber\": \"+31612345678\"}"));

        JsonNode recovery = sanne.get("credentials").get(2);
        CredentialModel stored = new CredentialModel();
        stored.setType(recovery.get("type").asText());
        stored.setCredentialData(recovery.get("credentialData").asText());
        stored.setSecretData(recovery.get("secretData").asText());
        assertThat(recovery.toString()).doesNotContain(SANNE_RECOVERY_CODE, SANNE_RECOVERY_CODE.replace("-", ""));
        PortalRecoveryCodeCredentialModel model = PortalRecoveryCodeCredentialModel.from(stored);
        assertThat(model.matches(SANNE_RECOVERY_CODE)).isTrue();
        assertThat(model.matches("HERS-TELC-DE26-SANM")).isFalse();
    }

    @Test
    void theDemoStaffMemberSignsInWithSms() throws Exception {
        JsonNode notaris = user("notaris@example.com");
        assertThat(texts(notaris.get("realmRoles"))).contains("staff");
        List<String> types = new ArrayList<>();
        notaris.get("credentials").forEach(c -> types.add(c.get("type").asText()));
        assertThat(types).containsExactly("password", "portal-sms");
        assertThat(new ObjectMapper().readTree(notaris.get("credentials").get(1).get("credentialData").asText()))
                .isEqualTo(new ObjectMapper().readTree("{\"phoneNumber\": \"+31620000001\"}"));
    }

    @Test
    void theOtherDemoUsersHaveNoSecondStep() {
        for (String username : List.of("anna@example.com", "jansen.bv@example.com", "piet@example.com")) {
            List<String> types = new ArrayList<>();
            user(username).get("credentials").forEach(c -> types.add(c.get("type").asText()));
            assertThat(types).as(username).containsExactly("password");
        }
    }

    @Test
    void theAccountConsoleNamesThePortalsCredentialTypesAsTheLoginPagesDo() throws Exception {
        // Keycloak's account theme does not know the portal's keys: the realm's own texts do.
        for (String language : new String[] {"nl", "en"}) {
            java.util.Properties login = new java.util.Properties();
            try (var reader = Files.newBufferedReader(Path.of("src/main/resources/theme/notary-portal/login/messages",
                    "messages_" + language + ".properties"), StandardCharsets.UTF_8)) {
                login.load(reader);
            }
            JsonNode texts = realm.get("localizationTexts").get(language);
            for (String key : List.of("portal-sms-display-name", "portal-sms-help-text",
                    "portal-recovery-code-display-name", "portal-recovery-code-help-text")) {
                assertThat(texts.get(key).asText()).as(language + " " + key).isEqualTo(login.getProperty(key));
            }
        }
    }
}
