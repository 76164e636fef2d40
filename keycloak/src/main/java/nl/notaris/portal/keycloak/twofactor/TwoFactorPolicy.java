package nl.notaris.portal.keycloak.twofactor;

import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Who must have a second factor: every client when realm attribute {@value #REQUIRED_ATTRIBUTE} is
 * {@code true} (the office's rule), and staff (realm role {@value #STAFF_ROLE}) always: they see
 * every dossier of the office.
 */
public final class TwoFactorPolicy {

    public static final String REQUIRED_ATTRIBUTE = "portal.two-factor.required";

    private TwoFactorPolicy() {
    }

    public static final String STAFF_ROLE = "staff";

    public static boolean required(RealmModel realm, UserModel user) {
        return realm != null && (Boolean.parseBoolean(realm.getAttribute(REQUIRED_ATTRIBUTE)) || isStaff(realm, user));
    }

    private static boolean isStaff(RealmModel realm, UserModel user) {
        RoleModel staff = realm.getRole(STAFF_ROLE);
        return staff != null && user != null && user.hasRole(staff);
    }
}
