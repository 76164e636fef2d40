package nl.notaris.portal.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.authentication.CredentialValidator;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionFactory;
import org.keycloak.authentication.actiontoken.ActionTokenHandlerFactory;
import org.keycloak.authentication.authenticators.browser.UsernamePasswordForm;
import org.keycloak.credential.CredentialProviderFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import nl.notaris.portal.keycloak.accounts.PortalAccountsResourceProviderFactory;
import nl.notaris.portal.keycloak.resetcred.PortalResetCredentialsActionTokenHandler;
import nl.notaris.portal.keycloak.setpassword.PortalSetPasswordActionTokenHandler;
import nl.notaris.portal.keycloak.setpassword.PortalFirstPassword;
import nl.notaris.portal.keycloak.signinevents.PortalOtpForm;
import nl.notaris.portal.keycloak.signinevents.PortalOtpFormFactory;
import nl.notaris.portal.keycloak.signinevents.PortalUsernamePasswordForm;
import nl.notaris.portal.keycloak.signinevents.PortalUsernamePasswordFormFactory;
import nl.notaris.portal.keycloak.signinevents.SignInBrowserAction;
import nl.notaris.portal.keycloak.sms.HttpSmsSenderFactory;
import nl.notaris.portal.keycloak.sms.MailDevSmsSenderFactory;
import nl.notaris.portal.keycloak.sms.SmsSender;
import nl.notaris.portal.keycloak.sms.SmsSenderFactory;
import nl.notaris.portal.keycloak.sms.SmsSenderSpi;
import nl.notaris.portal.keycloak.twofactor.action.PortalRecoveryCodeActionFactory;
import nl.notaris.portal.keycloak.twofactor.action.PortalSmsDisableActionFactory;
import nl.notaris.portal.keycloak.twofactor.action.PortalSmsSetupActionFactory;
import nl.notaris.portal.keycloak.twofactor.authenticator.PortalRecoveryCodeAuthenticator;
import nl.notaris.portal.keycloak.twofactor.authenticator.PortalRecoveryCodeAuthenticatorFactory;
import nl.notaris.portal.keycloak.twofactor.authenticator.PortalSmsCodeAuthenticator;
import nl.notaris.portal.keycloak.twofactor.authenticator.PortalSmsCodeAuthenticatorFactory;
import nl.notaris.portal.keycloak.twofactor.credential.PortalRecoveryCodeCredentialProviderFactory;
import nl.notaris.portal.keycloak.twofactor.credential.PortalSmsCredentialProviderFactory;

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
    void theFirstPasswordActionHasAnIdOfItsOwn() {
        PortalFirstPassword action = new PortalFirstPassword();

        assertThat(action.getId()).isEqualTo("portal-first-password").isNotEqualTo("UPDATE_PASSWORD");
    }

    @Test
    void realmResource() throws Exception {
        assertThat(registered(RealmResourceProviderFactory.class))
                .containsExactly(PortalAccountsResourceProviderFactory.class.getName());
        assertThat(new PortalAccountsResourceProviderFactory().getId()).isEqualTo("portal-accounts");
    }

    private static void allImplement(Class<?> spi, List<String> names) throws Exception {
        for (String name : names) {
            assertThat(spi.isAssignableFrom(Class.forName(name))).as(name).isTrue();
            assertThat(Class.forName(name).getConstructor()).as(name + " needs a public no-argument constructor").isNotNull();
        }
    }

    private static List<String> ids(List<String> factories) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        for (String name : factories) {
            ids.add(((ProviderFactory<?>) Class.forName(name).getConstructor().newInstance()).getId());
        }
        return ids;
    }

    @Test
    void smsSenderSpiAndItsTwoProviders() throws Exception {
        assertThat(registered(Spi.class)).containsExactly(SmsSenderSpi.class.getName());
        SmsSenderSpi spi = new SmsSenderSpi();
        assertThat(spi.getName()).isEqualTo("portal-sms");
        assertThat(spi.getProviderClass()).isEqualTo(SmsSender.class);
        assertThat(spi.getProviderFactoryClass()).isEqualTo(SmsSenderFactory.class);
        assertThat(spi.isInternal()).isFalse();

        List<String> factories = registered(SmsSenderFactory.class);
        assertThat(factories).containsExactlyInAnyOrder(MailDevSmsSenderFactory.class.getName(),
                HttpSmsSenderFactory.class.getName());
        allImplement(SmsSenderFactory.class, factories);
        assertThat(ids(factories)).containsExactlyInAnyOrder("maildev", "http");
        assertThat(new MailDevSmsSenderFactory().order()).as("maildev is the default when none is chosen")
                .isGreaterThan(new HttpSmsSenderFactory().order());
    }

    @Test
    void credentialTypes() throws Exception {
        List<String> factories = registered(CredentialProviderFactory.class);
        assertThat(factories).containsExactlyInAnyOrder(PortalSmsCredentialProviderFactory.class.getName(),
                PortalRecoveryCodeCredentialProviderFactory.class.getName());
        allImplement(CredentialProviderFactory.class, factories);
        assertThat(ids(factories)).containsExactlyInAnyOrder("portal-sms", "portal-recovery-code");
    }

    @Test
    void authenticators() throws Exception {
        List<String> factories = registered(AuthenticatorFactory.class);
        assertThat(factories).containsExactlyInAnyOrder(PortalSmsCodeAuthenticatorFactory.class.getName(),
                PortalRecoveryCodeAuthenticatorFactory.class.getName(), PortalUsernamePasswordFormFactory.class.getName(),
                PortalOtpFormFactory.class.getName());
        allImplement(AuthenticatorFactory.class, factories);
        assertThat(ids(factories)).containsExactlyInAnyOrder("portal-sms-code", "portal-recovery-code",
                "portal-username-password-form", "portal-otp-form");

        PortalSmsCodeAuthenticatorFactory sms = new PortalSmsCodeAuthenticatorFactory();
        assertThat(sms.create(null)).isInstanceOf(PortalSmsCodeAuthenticator.class).isInstanceOf(CredentialValidator.class);
        assertThat(sms.getRequirementChoices()).contains(Requirement.ALTERNATIVE);
        assertThat(sms.getReferenceCategory()).isEqualTo("portal-sms");
        PortalRecoveryCodeAuthenticatorFactory recovery = new PortalRecoveryCodeAuthenticatorFactory();
        assertThat(recovery.create(null)).isInstanceOf(PortalRecoveryCodeAuthenticator.class)
                .isInstanceOf(CredentialValidator.class);
        assertThat(recovery.getRequirementChoices()).contains(Requirement.ALTERNATIVE);
    }

    @Test
    void keycloaksPasswordAndOtpFormsUnderThePortalsIdsLeaveKeycloaksOwnAsTheyAre() {
        PortalUsernamePasswordFormFactory password = new PortalUsernamePasswordFormFactory();
        // create() needs the server's passkey libraries; the form itself is tested in SignInStepsTest
        assertThat(UsernamePasswordForm.class).isAssignableFrom(PortalUsernamePasswordForm.class);
        assertThat(password.getReferenceCategory()).isEqualTo("password");
        assertThat(password.order()).as("not a replacement of auth-username-password-form").isZero();
        PortalOtpFormFactory otp = new PortalOtpFormFactory();
        assertThat(otp.create(null)).isInstanceOf(PortalOtpForm.class).isInstanceOf(CredentialValidator.class);
        assertThat(otp.getReferenceCategory()).isEqualTo("otp");
        assertThat(otp.getRequirementChoices()).contains(Requirement.ALTERNATIVE);
        assertThat(otp.order()).isZero();
    }

    @Test
    void requiredActionsThePortalCanStartWithKcAction() throws Exception {
        List<String> factories = registered(RequiredActionFactory.class);
        assertThat(factories).containsExactlyInAnyOrder(PortalSmsSetupActionFactory.class.getName(),
                PortalSmsDisableActionFactory.class.getName(), PortalRecoveryCodeActionFactory.class.getName(),
                PortalFirstPassword.class.getName(), SignInBrowserAction.class.getName());
        allImplement(RequiredActionFactory.class, factories);
        assertThat(ids(factories)).containsExactlyInAnyOrder("portal-sms-setup", "portal-sms-disable", "portal-recovery-code",
                "portal-first-password", "portal-sign-in-browser");
        assertThat(new SignInBrowserAction().create(null).initiatedActionSupport()).as("never started with kc_action")
                .isEqualTo(InitiatedActionSupport.NOT_SUPPORTED);
        for (String name : factories.stream().filter(name -> !name.equals(SignInBrowserAction.class.getName())).toList()) {
            RequiredActionFactory factory = (RequiredActionFactory) Class.forName(name).getConstructor().newInstance();
            assertThat(factory.create(null).initiatedActionSupport()).as(name).isEqualTo(InitiatedActionSupport.SUPPORTED);
        }
    }

    @Test
    void theListenerOfAdminLogoutsIsRegisteredAndNamedByTheRealm() throws Exception {
        List<String> factories = registered(org.keycloak.events.EventListenerProviderFactory.class);
        assertThat(factories).containsExactly(nl.notaris.portal.keycloak.logout.UserLogoutListenerFactory.class.getName());
        allImplement(org.keycloak.events.EventListenerProviderFactory.class, factories);
        assertThat(ids(factories)).containsExactly("portal-user-logout");
        String realm = java.nio.file.Files.readString(java.nio.file.Path.of("realm", "notary-portal-realm.json"));
        assertThat(realm).contains("\"portal-user-logout\"");
    }
}
