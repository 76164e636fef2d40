package nl.notaris.portal.keycloak.signin;

/** Message keys of the login theme "notary-portal" used by the Java extensions. */
public final class PortalMessages {

    /** "Deze link is verlopen of al gebruikt." — any set-password link that cannot be used (any more). */
    public static final String LINK_INVALID = "portalLinkInvalidMessage";

    /** Authentication-session note marking the set-password flow of the invitation. */
    public static final String SET_PASSWORD_FLOW_NOTE = "portal.set-password";

    private PortalMessages() {
    }
}
