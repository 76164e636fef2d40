package nl.notaris.portal.keycloak.twofactor;

import org.keycloak.models.RealmModel;

/** The office's rule: realm attribute {@value #REQUIRED_ATTRIBUTE} = {@code true} requires a second factor of every client. */
public final class TwoFactorPolicy {

    public static final String REQUIRED_ATTRIBUTE = "portal.two-factor.required";

    private TwoFactorPolicy() {
    }

    public static boolean required(RealmModel realm) {
        return realm != null && Boolean.parseBoolean(realm.getAttribute(REQUIRED_ATTRIBUTE));
    }
}
