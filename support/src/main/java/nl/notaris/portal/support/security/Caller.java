package nl.notaris.portal.support.security;

import java.util.List;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Who is calling, as told by the access token. A company's accounts share the company's dossiers,
 * so a caller's access keys are its own account plus, when it belongs to one, its company.
 */
public record Caller(String accountId, String email, String name, String companyId, List<String> roles) {

    public static Caller from(Jwt jwt) {
        String name = jwt.getClaimAsString("name");
        return new Caller(jwt.getSubject(), jwt.getClaimAsString("email"),
                name != null ? name : jwt.getClaimAsString("preferred_username"),
                jwt.getClaimAsString("company_id"), KeycloakRealmRolesConverter.realmRoles(jwt));
    }

    public List<String> accessKeys() {
        return AccessKeys.ofCaller(accountId, companyId);
    }

    /** Whether this caller may see a dossier that grants the given access keys. */
    public boolean mayAccess(List<String> dossierAccessKeys) {
        return AccessKeys.grants(dossierAccessKeys, accessKeys());
    }

    public boolean isStaff() {
        return hasRole("staff");
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
