package nl.notaris.portal.keycloak.twofactor.credential;

import nl.notaris.portal.phonenumbers.PhoneNumbers;

import org.keycloak.common.util.Time;
import org.keycloak.credential.CredentialModel;

/**
 * Credential {@value #TYPE}: SMS verification is on for the number in credentialData
 * {@code {"phoneNumber": "+31612345678"}} (E.164). It has no secret (secretData {@code {}}): the codes
 * are made per sign-in. The user label is the masked number, so admin lists show which phone it is.
 */
public class PortalSmsCredentialModel extends CredentialModel {

    public static final String TYPE = "portal-sms";
    public static final String PHONE_NUMBER = "phoneNumber";

    private String phoneNumber;

    /** A new credential for {@code e164Number} (already normalised). */
    public static PortalSmsCredentialModel create(String e164Number) {
        PortalSmsCredentialModel model = new PortalSmsCredentialModel();
        model.setType(TYPE);
        model.setCreatedDate(Time.currentTimeMillis());
        model.setNumber(e164Number);
        model.setSecretData("{}");
        return model;
    }

    /** The stored credential read as this type. */
    public static PortalSmsCredentialModel from(CredentialModel stored) {
        PortalSmsCredentialModel model = new PortalSmsCredentialModel();
        model.setId(stored.getId());
        model.setType(stored.getType());
        model.setUserLabel(stored.getUserLabel());
        model.setCreatedDate(stored.getCreatedDate());
        model.setSecretData(stored.getSecretData());
        model.setCredentialData(stored.getCredentialData());
        model.setFederationLink(stored.getFederationLink());
        String number = CredentialJson.read(stored.getCredentialData()).path(PHONE_NUMBER).asText("");
        model.phoneNumber = number.isEmpty() ? null : number;
        return model;
    }

    /** Changes the number (credentialData and label); the caller stores the change. */
    public void setNumber(String e164Number) {
        this.phoneNumber = e164Number;
        setCredentialData(CredentialJson.write(PHONE_NUMBER, e164Number));
        setUserLabel(PhoneNumbers.masked(e164Number));
    }

    /** The number in E.164, {@code null} when the stored data has none. */
    public String getPhoneNumber() {
        return phoneNumber;
    }
}
