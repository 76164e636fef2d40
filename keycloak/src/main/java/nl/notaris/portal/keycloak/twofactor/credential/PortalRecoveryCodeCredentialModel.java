package nl.notaris.portal.keycloak.twofactor.credential;

import nl.notaris.portal.keycloak.twofactor.RecoveryCodes;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Credential {@value #TYPE}: the user's one recovery code, as a salted PBKDF2 hash only.
 * credentialData {@code {"algorithm": "pbkdf2-sha256", "hashIterations": 600000}} (listed by the admin
 * API), secretData {@code {"salt": "<base64>", "value": "<base64>"}} (never listed).
 */
public class PortalRecoveryCodeCredentialModel extends CredentialModel {

    public static final String TYPE = "portal-recovery-code";
    public static final String LABEL = "Herstelcode";

    private RecoveryCodes.Hash hash;

    public static PortalRecoveryCodeCredentialModel create(RecoveryCodes.Hash hash) {
        PortalRecoveryCodeCredentialModel model = new PortalRecoveryCodeCredentialModel();
        model.setType(TYPE);
        model.setUserLabel(LABEL);
        model.setCreatedDate(Time.currentTimeMillis());
        model.setCredentialData(CredentialJson.write("algorithm", hash.algorithm(), "hashIterations", hash.iterations()));
        model.setSecretData(CredentialJson.write("salt", hash.salt(), "value", hash.value()));
        model.hash = hash;
        return model;
    }

    public static PortalRecoveryCodeCredentialModel from(CredentialModel stored) {
        PortalRecoveryCodeCredentialModel model = new PortalRecoveryCodeCredentialModel();
        model.setId(stored.getId());
        model.setType(stored.getType());
        model.setUserLabel(stored.getUserLabel());
        model.setCreatedDate(stored.getCreatedDate());
        model.setSecretData(stored.getSecretData());
        model.setCredentialData(stored.getCredentialData());
        model.setFederationLink(stored.getFederationLink());
        JsonNode data = CredentialJson.read(stored.getCredentialData());
        JsonNode secret = CredentialJson.read(stored.getSecretData());
        if (secret.hasNonNull("salt") && secret.hasNonNull("value")) {
            model.hash = new RecoveryCodes.Hash(data.path("algorithm").asText(""), data.path("hashIterations").asInt(0),
                    secret.get("salt").asText(), secret.get("value").asText());
        }
        return model;
    }

    /** Whether {@code typed} is this code (slow on purpose: PBKDF2). */
    public boolean matches(String typed) {
        return hash != null && RecoveryCodes.matches(typed, hash);
    }
}
