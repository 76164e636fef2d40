package nl.notaris.portal.keycloak.twofactor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;

import nl.notaris.portal.keycloak.twofactor.credential.PortalRecoveryCodeCredentialModel;

import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Few iterations where the test is about something else than the cost. */
    private static final int FAST = 1_000;

    @Test
    void sixteenUnambiguousCharactersInFourGroups() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String code = RecoveryCodes.generate(RANDOM);
            assertThat(code).matches("[2-9A-HJ-NP-Z]{4}(-[2-9A-HJ-NP-Z]{4}){3}");
            assertThat(code).doesNotContain("0", "1", "O", "I");
            codes.add(code);
        }
        assertThat(codes).hasSize(1_000);
        assertThat(RecoveryCodes.ALPHABET).hasSize(32).doesNotContain("0", "1", "O", "I");
    }

    @Test
    void typedInAnyCaseWithOrWithoutDashesAndSpaces() {
        assertThat(RecoveryCodes.normalise("HERS-TELC-DE26-SANN")).contains("HERSTELCDE26SANN");
        assertThat(RecoveryCodes.normalise("hers telc de26 sann")).contains("HERSTELCDE26SANN");
        assertThat(RecoveryCodes.normalise(" herstelcde26sann ")).contains("HERSTELCDE26SANN");
        assertThat(RecoveryCodes.normalise("HERS\u2013TELC\u2013DE26\u2013SANN")).contains("HERSTELCDE26SANN");
        assertThat(RecoveryCodes.normalise("HERS-TELC-DE26-SAN")).isEmpty();
        assertThat(RecoveryCodes.normalise("HERS-TELC-DE26-SAN0")).isEmpty();
        assertThat(RecoveryCodes.normalise(null)).isEmpty();
    }

    @Test
    void verifiesAgainstTheSaltedHash() {
        RecoveryCodes.Hash hash = RecoveryCodes.hash("HERS-TELC-DE26-SANN", RANDOM, FAST);

        assertThat(RecoveryCodes.matches("hers-telc-de26-sann", hash)).isTrue();
        assertThat(RecoveryCodes.matches("HERSTELCDE26SANN", hash)).isTrue();
        assertThat(RecoveryCodes.matches("HERS-TELC-DE26-SANM", hash)).isFalse();
        assertThat(RecoveryCodes.matches("", hash)).isFalse();
        assertThat(RecoveryCodes.matches("HERS-TELC-DE26-SANN",
                new RecoveryCodes.Hash("sha1", FAST, hash.salt(), hash.value()))).isFalse();
    }

    @Test
    void everyHashHasItsOwnSaltAndTheDefaultIsSlow() {
        RecoveryCodes.Hash first = RecoveryCodes.hash("HERS-TELC-DE26-SANN", RANDOM);
        RecoveryCodes.Hash second = RecoveryCodes.hash("HERS-TELC-DE26-SANN", RANDOM);

        assertThat(first.algorithm()).isEqualTo("pbkdf2-sha256");
        assertThat(first.iterations()).isEqualTo(600_000);
        assertThat(first.salt()).isNotEqualTo(second.salt());
        assertThat(first.value()).isNotEqualTo(second.value());
        assertThat(RecoveryCodes.matches("HERS-TELC-DE26-SANN", second)).isTrue();
    }

    @Test
    void theCredentialNeverHoldsThePlainCode() {
        String code = RecoveryCodes.generate(RANDOM);
        PortalRecoveryCodeCredentialModel credential = PortalRecoveryCodeCredentialModel.create(
                RecoveryCodes.hash(code, RANDOM, FAST));
        String compact = code.replace("-", "");

        for (String stored : new String[] {credential.getCredentialData(), credential.getSecretData(),
                credential.getUserLabel()}) {
            assertThat(stored).doesNotContain(code, compact, compact.toLowerCase());
        }
        assertThat(credential.getType()).isEqualTo("portal-recovery-code");
        assertThat(credential.getCredentialData()).isEqualTo("{\"algorithm\":\"pbkdf2-sha256\",\"hashIterations\":1000}");
        assertThat(credential.getSecretData()).matches("\\{\"salt\":\"[^\"]+\",\"value\":\"[^\"]+\"}");
        assertThat(PortalRecoveryCodeCredentialModel.from(credential).matches(code.toLowerCase())).isTrue();
    }

    @Test
    void onlyACodeIsHashed() {
        assertThatThrownBy(() -> RecoveryCodes.hash("not a code", RANDOM, FAST)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void spokenCharacterByCharacter() {
        assertThat(RecoveryCodes.spoken("HERS-TELC-DE26-SANN")).isEqualTo("H E R S, T E L C, D E 2 6, S A N N");
    }
}
