package nl.notaris.portal.keycloak.sms;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends through an HTTP SMS provider:
 * <pre>
 * POST {url}
 * Authorization: AccessKey {access-key}
 * Content-Type: application/json
 *
 * {"originator": "{sender}", "recipients": ["+31612345678"], "body": "{text}"}
 * </pre>
 * A 2xx answer means sent; any other status, no answer within the timeout or no connection is an
 * {@link SmsNotSentException}. The provider's answer is not read into the exception: it may repeat the text.
 */
public class HttpSmsSender implements SmsSender {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final HttpSmsSenderConfig config;

    public HttpSmsSender(HttpClient client, HttpSmsSenderConfig config) {
        this.client = client;
        this.config = config;
    }

    @Override
    public void send(String e164Number, String text) throws SmsNotSentException {
        String missing = config.missing();
        if (missing != null) {
            throw new SmsNotSentException("SMS provider 'http' is not configured: " + missing);
        }
        HttpRequest request = HttpRequest.newBuilder(config.url())
                .timeout(config.timeout())
                .header("Authorization", "AccessKey " + config.accessKey())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(e164Number, text), StandardCharsets.UTF_8))
                .build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException e) {
            throw new SmsNotSentException("The SMS provider did not answer within " + config.timeout().toMillis() + " ms", e);
        } catch (IOException e) {
            throw new SmsNotSentException("The SMS provider could not be reached: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsNotSentException("Interrupted while sending", e);
        }
        int status = response.statusCode();
        if (status < 200 || status > 299) {
            throw new SmsNotSentException("The SMS provider answered HTTP " + status);
        }
    }

    private String body(String e164Number, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("originator", config.sender());
        body.put("recipients", List.of(e164Number));
        body.put("body", text);
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
