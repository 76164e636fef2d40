package nl.notaris.portal.keycloak.signinevents;

import jakarta.ws.rs.core.HttpHeaders;

import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.http.HttpRequest;

/**
 * What the portal adds to Keycloak's {@code LOGIN} and {@code LOGIN_ERROR} events so that "Recente aanmeldingen"
 * can say which browser signed in and which step failed: the browser's {@code User-Agent} (detail
 * {@value #USER_AGENT}, at most {@value #MAX_USER_AGENT_LENGTH} characters) and the credential typed
 * ({@link Details#CREDENTIAL_TYPE}: {@code password}, {@code otp}; the portal's own second steps set theirs).
 *
 * <p>Keycloak stores only the IP address with an event. Each request builds its own {@link EventBuilder}
 * (the form POST of the password, the code, the required action), and a step that ran in an earlier request
 * does not run again, so every step that can end a sign-in adds the details in its own request: the
 * password and code forms before Keycloak checks what was typed, and {@link SignInBrowserAction} just before
 * Keycloak records the successful sign-in. Adding a detail never fails a sign-in.
 */
public final class SignInEventDetails {

    public static final String USER_AGENT = "user_agent";
    static final int MAX_USER_AGENT_LENGTH = 300;

    private SignInEventDetails() {
    }

    /** Adds the request's {@code User-Agent}, if it sent one, to the event this request will record. */
    public static void addUserAgent(EventBuilder event, HttpRequest request) {
        if (event == null) {
            return;
        }
        String userAgent = userAgent(header(request));
        if (userAgent != null) {
            event.detail(USER_AGENT, userAgent);
        }
    }

    /** Which credential the step checks, for the reason of a failed attempt (wrong password or wrong code). */
    public static void addCredentialType(EventBuilder event, String credentialType) {
        if (event != null) {
            event.detail(Details.CREDENTIAL_TYPE, credentialType);
        }
    }

    /**
     * The header as stored: without control characters, trimmed, at most {@value #MAX_USER_AGENT_LENGTH}
     * characters (never half a character); null when there is nothing left.
     */
    static String userAgent(String header) {
        if (header == null) {
            return null;
        }
        String cleaned = header.replaceAll("\\p{Cntrl}", " ").strip();
        if (cleaned.isEmpty()) {
            return null;
        }
        if (cleaned.length() <= MAX_USER_AGENT_LENGTH) {
            return cleaned;
        }
        int end = Character.isHighSurrogate(cleaned.charAt(MAX_USER_AGENT_LENGTH - 1)) ? MAX_USER_AGENT_LENGTH - 1
                : MAX_USER_AGENT_LENGTH;
        return cleaned.substring(0, end).strip();
    }

    private static String header(HttpRequest request) {
        try {
            HttpHeaders headers = request == null ? null : request.getHttpHeaders();
            return headers == null ? null : headers.getHeaderString(HttpHeaders.USER_AGENT);
        } catch (RuntimeException noRequest) {
            // outside an HTTP request there is no browser to name
            return null;
        }
    }
}
