package nl.notaris.portal.keycloak.setpassword;

import org.keycloak.authentication.actiontoken.DefaultActionToken;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Action token of the "set your password" link (e-mail #2 of the invitation, ONB-3).
 *
 * <p>Signed by the realm like Keycloak's own action tokens. Carries the user (subject), the user's
 * e-mail address at the time the link was made ({@code eml}: a changed address makes the link
 * invalid), the client it is for ({@code azp}, normally {@code portal-gateway}), where the browser
 * goes after the password is set ({@code reduri}), the absolute expiry ({@code exp}) and a random
 * nonce that makes the link single-use.
 */
public class PortalSetPasswordActionToken extends DefaultActionToken {

    public static final String TOKEN_TYPE = "portal-set-password";

    private static final String JSON_FIELD_REDIRECT_URI = "reduri";

    @JsonProperty(JSON_FIELD_REDIRECT_URI)
    private String redirectUri;

    /**
     * @param absoluteExpirationInSecs expiry as Keycloak time ({@code Time.currentTime() + lifespan})
     */
    public PortalSetPasswordActionToken(String userId, String email, int absoluteExpirationInSecs, String clientId,
            String redirectUri) {
        super(userId, TOKEN_TYPE, absoluteExpirationInSecs, null);
        setEmail(email);
        this.issuedFor = clientId;
        this.redirectUri = redirectUri;
    }

    /** For deserialization. */
    private PortalSetPasswordActionToken() {
    }

    public String getRedirectUri() {
        return redirectUri;
    }

    public void setRedirectUri(String redirectUri) {
        this.redirectUri = redirectUri;
    }

    /**
     * Whether the link still belongs to the account: the account's current address is the one the
     * link was sent to (Keycloak stores addresses lower-cased; compared without case anyway).
     */
    public static boolean emailStillMatches(String addressInToken, String currentAddress) {
        return addressInToken != null && !addressInToken.isBlank()
                && currentAddress != null
                && addressInToken.trim().equalsIgnoreCase(currentAddress.trim());
    }
}
