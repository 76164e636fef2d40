package nl.notaris.portal.keycloak.twofactor;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

import nl.notaris.portal.keycloak.twofactor.credential.PortalRecoveryCodeCredentialModel;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Makes the {@code portal-recovery-code} credential of a demo user for the realm export (run once,
 * paste the output into the user's "credentials"):
 * <pre>
 * ./mvnw -q -pl keycloak test-compile dependency:build-classpath -Dmdep.outputFile=target/classpath
 * java -cp "keycloak/target/test-classes:keycloak/target/classes:$(cat keycloak/target/classpath)" \
 *     nl.notaris.portal.keycloak.twofactor.DemoRecoveryCodeCredential HERS-TELC-DE26-SANN
 * </pre>
 * The hash is salted, so every run gives another, equally valid, credential.
 */
public final class DemoRecoveryCodeCredential {

    private DemoRecoveryCodeCredential() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || RecoveryCodes.normalise(args[0]).isEmpty()) {
            System.err.println("usage: DemoRecoveryCodeCredential XXXX-XXXX-XXXX-XXXX (letters/digits from "
                    + RecoveryCodes.ALPHABET + ")");
            System.exit(2);
        }
        System.out.println(json(args[0], 1_700_000_000_000L));
    }

    static String json(String code, long createdDate) throws Exception {
        PortalRecoveryCodeCredentialModel model = PortalRecoveryCodeCredentialModel.create(
                RecoveryCodes.hash(code, new SecureRandom()));
        Map<String, Object> credential = new LinkedHashMap<>();
        credential.put("type", model.getType());
        credential.put("userLabel", model.getUserLabel());
        credential.put("createdDate", createdDate);
        credential.put("credentialData", model.getCredentialData());
        credential.put("secretData", model.getSecretData());
        credential.put("priority", 30);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(credential);
    }
}
