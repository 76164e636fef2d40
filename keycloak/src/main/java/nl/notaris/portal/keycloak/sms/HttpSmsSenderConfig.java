package nl.notaris.portal.keycloak.sms;

import java.net.URI;
import java.time.Duration;

/**
 * Options of provider {@code http} ({@code --spi-portal-sms--http--<option>=...}).
 *
 * @param url where the message is POSTed ({@code url}; no default)
 * @param accessKey sent as {@code Authorization: AccessKey <key>} ({@code access-key}; no default)
 * @param sender the originator shown on the phone, at most 11 letters/digits or a number ({@code sender}, default {@value #DEFAULT_SENDER})
 * @param timeout connect and answer time limit ({@code timeout} in milliseconds, default 10000)
 */
public record HttpSmsSenderConfig(URI url, String accessKey, String sender, Duration timeout) {

    public static final String DEFAULT_SENDER = "Notaris";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** What is missing for sending, in plain words; {@code null} when complete. */
    public String missing() {
        if (url == null) {
            return "--spi-portal-sms--http--url is not set";
        }
        if (accessKey == null || accessKey.isBlank()) {
            return "--spi-portal-sms--http--access-key is not set";
        }
        return null;
    }
}
