package nl.notaris.portal.keycloak.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** The {@code http} SMS provider against a fake SMS provider on a local port (JDK HttpServer). */
class HttpSmsSenderIT {

    private static final String TEXT = "Uw verificatiecode voor het klantenportaal is 123456. De code is 5 minuten geldig.";

    record Received(String method, String path, Map<String, List<String>> headers, String body) {
    }

    private HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 201;
    private volatile String answer = "{\"id\":\"msg-1\"}";
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile boolean hang;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/messages", this::handle);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        if (hang) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private HttpSmsSender sender(Duration timeout) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/messages");
        HttpSmsSenderConfig config = new HttpSmsSenderConfig(url, "test-access-key", "Notaris", timeout);
        return new HttpSmsSender(HttpClient.newBuilder().connectTimeout(timeout).build(), config);
    }

    @Test
    void postsTheTextAndTheCredentialsAsJson() throws Exception {
        sender(Duration.ofSeconds(5)).send("+31612345678", TEXT);

        assertThat(received).hasSize(1);
        Received request = received.get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/messages");
        assertThat(request.headers().get("Authorization")).containsExactly("AccessKey test-access-key");
        assertThat(request.headers().get("Content-type")).containsExactly("application/json");
        JsonNode json = new ObjectMapper().readTree(request.body());
        assertThat(json.get("originator").asText()).isEqualTo("Notaris");
        assertThat(json.get("recipients")).hasSize(1);
        assertThat(json.get("recipients").get(0).asText()).isEqualTo("+31612345678");
        assertThat(json.get("body").asText()).isEqualTo(TEXT);
        assertThat(json.size()).isEqualTo(3);
    }

    @Test
    void every2xxIsSent() throws Exception {
        for (int code : new int[] {200, 201, 202, 204}) {
            status = code;
            answer = code == 204 ? "" : "{}";
            sender(Duration.ofSeconds(5)).send("+31612345678", TEXT);
        }
        assertThat(received).hasSize(4);
    }

    @Test
    void aClientOrServerErrorIsNotSentAndTheExceptionHoldsNoTextOrNumber() {
        for (int code : new int[] {400, 401, 422, 500, 503}) {
            status = code;
            answer = "{\"errors\":[{\"description\":\"" + TEXT + " to +31612345678 refused\"}]}";

            assertThatThrownBy(() -> sender(Duration.ofSeconds(5)).send("+31612345678", TEXT))
                    .isInstanceOf(SmsNotSentException.class)
                    .hasMessage("The SMS provider answered HTTP " + code)
                    .hasMessageNotContaining("123456")
                    .hasMessageNotContaining("+316");
        }
    }

    @Test
    void noAnswerWithinTheTimeoutIsNotSent() {
        hang = true;
        long start = System.nanoTime();

        assertThatThrownBy(() -> sender(Duration.ofMillis(300)).send("+31612345678", TEXT))
                .isInstanceOf(SmsNotSentException.class)
                .hasMessageContaining("did not answer within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void noServerIsNotSent() {
        server.stop(0);

        assertThatThrownBy(() -> sender(Duration.ofSeconds(2)).send("+31612345678", TEXT))
                .isInstanceOf(SmsNotSentException.class)
                .hasMessageStartingWith("The SMS provider could not be reached");
    }

    @Test
    void withoutUrlOrAccessKeyNothingIsSent() {
        HttpSmsSenderConfig noKey = new HttpSmsSenderConfig(URI.create("http://127.0.0.1:1/"), " ", "Notaris",
                Duration.ofSeconds(1));

        assertThatThrownBy(() -> new HttpSmsSender(HttpClient.newHttpClient(), noKey).send("+31612345678", TEXT))
                .isInstanceOf(SmsNotSentException.class)
                .hasMessageContaining("access-key");
    }

    @Test
    void optionsFromKeycloaksSpiConfiguration() {
        Map<String, String> options = Map.of("url", "https://sms.example/messages", "access-key", "k",
                "sender", "Kantoor", "timeout", "2500");

        HttpSmsSenderConfig config = HttpSmsSenderFactory.read(options::get);

        assertThat(config.url()).isEqualTo(URI.create("https://sms.example/messages"));
        assertThat(config.accessKey()).isEqualTo("k");
        assertThat(config.sender()).isEqualTo("Kantoor");
        assertThat(config.timeout()).isEqualTo(Duration.ofMillis(2500));

        HttpSmsSenderConfig defaults = HttpSmsSenderFactory.read(name -> null);
        assertThat(defaults.sender()).isEqualTo("Notaris");
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.missing()).contains("url");
        assertThatThrownBy(() -> HttpSmsSenderFactory.read(Map.of("url", "ftp://x/")::get))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
