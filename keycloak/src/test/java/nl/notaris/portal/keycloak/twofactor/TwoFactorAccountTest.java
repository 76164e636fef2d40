package nl.notaris.portal.keycloak.twofactor;

import static org.assertj.core.api.Assertions.assertThat;

import nl.notaris.portal.keycloak.twofactor.credential.PortalRecoveryCodeCredentialModel;
import nl.notaris.portal.keycloak.twofactor.credential.PortalSmsCredentialModel;

import org.junit.jupiter.api.Test;

class TwoFactorAccountTest {

    @Test
    void smsOnStoresTheNumberAsCredentialDataAndAChangeKeepsTheCredential() {
        FakeUser user = new FakeUser();
        TwoFactorAccount account = new TwoFactorAccount(user.model);

        assertThat(account.setSmsNumber("+31612345678")).as("first setup").isTrue();
        String id = user.credentials.get(0).getId();
        assertThat(user.credentials.get(0).getType()).isEqualTo("portal-sms");
        assertThat(user.credentials.get(0).getCredentialData()).isEqualTo("{\"phoneNumber\":\"+31612345678\"}");
        assertThat(user.credentials.get(0).getSecretData()).isEqualTo("{}");
        assertThat(user.credentials.get(0).getUserLabel()).isEqualTo("+31 6 •••• ••78");

        assertThat(account.setSmsNumber("+31687654321")).isFalse();
        assertThat(user.credentials).hasSize(1);
        assertThat(user.credentials.get(0).getId()).isEqualTo(id);
        assertThat(account.sms().map(PortalSmsCredentialModel::getPhoneNumber)).contains("+31687654321");
    }

    @Test
    void aNewRecoveryCodeReplacesTheOldOneAndIsNotStored() {
        FakeUser user = new FakeUser();
        TwoFactorAccount account = new TwoFactorAccount(user.model);

        String first = account.newRecoveryCode();
        String second = account.newRecoveryCode();

        assertThat(user.types()).containsExactly("portal-recovery-code");
        assertThat(user.credentials.get(0).getSecretData() + user.credentials.get(0).getCredentialData())
                .doesNotContain(second, second.replace("-", ""));
        assertThat(account.recoveryCode().orElseThrow().matches(second)).isTrue();
        assertThat(account.recoveryCode().orElseThrow().matches(first)).isFalse();
    }

    @Test
    void aUsedRecoveryCodeStopsWorkingAndANewOneIsAskedFor() {
        FakeUser user = new FakeUser();
        TwoFactorAccount account = new TwoFactorAccount(user.model);
        account.setSmsNumber("+31612345678");
        String code = account.newRecoveryCode();

        assertThat(account.useRecoveryCode("WRON-GCOD-EWRO-NGCD")).isFalse();
        assertThat(user.requiredActions).isEmpty();

        assertThat(account.useRecoveryCode(code.toLowerCase().replace("-", " "))).isTrue();
        assertThat(user.types()).containsExactly("portal-sms");
        assertThat(user.requiredActions).containsExactly("portal-recovery-code");
        assertThat(account.useRecoveryCode(code)).as("single use").isFalse();
    }

    @Test
    void aSecondFactorIsSmsAppOrPasskeyNotARecoveryCodeAlone() {
        assertThat(new TwoFactorAccount(new FakeUser().model).hasSecondFactor()).isFalse();
        assertThat(new TwoFactorAccount(new FakeUser().with(PortalRecoveryCodeCredentialModel.TYPE).model)
                .hasSecondFactor()).isFalse();
        assertThat(new TwoFactorAccount(new FakeUser().with("password").model).hasSecondFactor()).isFalse();
        assertThat(new TwoFactorAccount(new FakeUser().with("portal-sms").model).hasSecondFactor()).isTrue();
        assertThat(new TwoFactorAccount(new FakeUser().with("otp").model).hasAuthenticatorAppOrPasskey()).isTrue();
        assertThat(new TwoFactorAccount(new FakeUser().with("webauthn").model).hasAuthenticatorAppOrPasskey()).isTrue();
        assertThat(new TwoFactorAccount(new FakeUser().with("webauthn-passwordless").model).hasSecondFactor()).isFalse();
    }

    @Test
    void switchingOffRemovesOnlyWhatIsAsked() {
        FakeUser user = new FakeUser().with("password").with("otp");
        TwoFactorAccount account = new TwoFactorAccount(user.model);
        account.setSmsNumber("+31612345678");
        account.newRecoveryCode();

        account.removeSms();
        assertThat(user.types()).containsExactly("password", "otp", "portal-recovery-code");
        account.removeRecoveryCode();
        assertThat(user.types()).containsExactly("password", "otp");
    }
}
