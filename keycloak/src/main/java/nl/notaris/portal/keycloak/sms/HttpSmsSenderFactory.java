package nl.notaris.portal.keycloak.sms;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Function;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import org.jboss.logging.Logger;

/**
 * Provider {@value #ID} of {@value SmsSenderSpi#NAME}, for production:
 * {@code --spi-portal-sms--provider=http --spi-portal-sms--http--url=https://... --spi-portal-sms--http--access-key=...}
 * (and optionally {@code --spi-portal-sms--http--sender=Notaris --spi-portal-sms--http--timeout=10000}).
 */
public class HttpSmsSenderFactory implements SmsSenderFactory {

    public static final String ID = "http";

    private static final Logger LOG = Logger.getLogger(HttpSmsSenderFactory.class);

    private HttpSmsSenderConfig config;
    private HttpClient client;

    @Override
    public SmsSender create(KeycloakSession session) {
        return new HttpSmsSender(client, config);
    }

    @Override
    public void init(Config.Scope scope) {
        config = read(scope::get);
        client = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Reads the options; a bad URL or timeout fails Keycloak's start with a clear message. */
    static HttpSmsSenderConfig read(Function<String, String> option) {
        String url = blankToNull(option.apply("url"));
        URI uri = null;
        if (url != null) {
            uri = URI.create(url);
            if (!uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new IllegalArgumentException("--spi-portal-sms--http--url must be an absolute http(s) URL");
            }
        }
        String sender = blankToNull(option.apply("sender"));
        String timeout = blankToNull(option.apply("timeout"));
        Duration duration = HttpSmsSenderConfig.DEFAULT_TIMEOUT;
        if (timeout != null) {
            long millis = Long.parseLong(timeout);
            if (millis <= 0) {
                throw new IllegalArgumentException("--spi-portal-sms--http--timeout must be a positive number of milliseconds");
            }
            duration = Duration.ofMillis(millis);
        }
        return new HttpSmsSenderConfig(uri, blankToNull(option.apply("access-key")),
                sender == null ? HttpSmsSenderConfig.DEFAULT_SENDER : sender, duration);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        if (config.url() != null) {
            LOG.infof("SMS provider '%s' sends to %s://%s", ID, config.url().getScheme(), config.url().getHost());
        }
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }
}
