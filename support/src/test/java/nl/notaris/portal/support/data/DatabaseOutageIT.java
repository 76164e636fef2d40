package nl.notaris.portal.support.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.notaris.portal.testsupport.RawHttp;
import nl.notaris.portal.testsupport.RawHttp.Answer;
import nl.notaris.portal.testsupport.TestCaller;
import nl.notaris.portal.testsupport.TestInfrastructure;
import nl.notaris.portal.testsupport.TestTokens;

/**
 * MongoDB that stops answering (a paused server: connections open, no replies) costs a request at
 * most one read timeout, then nothing at all while the breaker is open: every request gets a 503
 * problem+json; when MongoDB answers again the service recovers by itself.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = DatabaseOutageIT.App.class,
        properties = { "spring.mongodb.database=support-outage-test", "spring.application.name=support-outage-test",
                "portal.mongodb.server-selection-timeout=1s", "portal.mongodb.read-timeout=1s",
                "portal.mongodb.open-state=2s" })
class DatabaseOutageIT {

    static final String TOKEN = "Authorization: Bearer test." + TestCaller.ANNA.accountId() + "\r\n";
    static final PausableProxy mongo = proxy();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> "mongodb://localhost:" + mongo.port() + "/?directConnection=true");
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::kafkaBootstrapServers);
    }

    @AfterAll
    static void stop() throws IOException {
        mongo.close();
    }

    @Test
    void whileTheDatabaseDoesNotAnswerRequestsFailFastWith503AndTheServiceRecoversByItself() throws Exception {
        assertThat(get("/api/things").status()).isEqualTo(200);

        mongo.pause();
        long askedBeforeTheOutage = mongo.messagesContaining("things");
        // the first requests of an outage, side by side: none waits for more than one read timeout (no retry
        // that waits for the database once more, no queue behind the others' new connections)
        try (var callers = Executors.newFixedThreadPool(6)) {
            List<Future<Long>> timed = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                timed.add(callers.submit(() -> {
                    long started = System.nanoTime();
                    get("/api/things").assertProblem(503);
                    return Duration.ofNanos(System.nanoTime() - started).toMillis();
                }));
            }
            for (Future<Long> took : timed) {
                assertThat(took.get()).as("a request side by side with others (read timeout 1 s)").isLessThan(1_800);
            }
        }
        long slowest = 0;
        Answer answer = null;
        for (int i = 0; i < 8; i++) {
            long started = System.nanoTime();
            answer = get("/api/things");
            slowest = Math.max(slowest, Duration.ofNanos(System.nanoTime() - started).toMillis());
            answer.assertProblem(503);
        }
        assertThat(mongo.messagesContaining("things")).as("the first requests of the outage asked the database (and are seen here)")
                .isGreaterThan(askedBeforeTheOutage);
        long askedBefore = mongo.messagesContaining("things");
        get("/api/things").assertProblem(503);
        long askedByTheOpenBreaker = mongo.messagesContaining("things") - askedBefore;
        mongo.resume();

        assertThat(slowest).as("no request waits for the database longer than its timeouts").isLessThan(2_500);
        assertThat(askedByTheOpenBreaker).as("the open breaker answers without asking the database").isZero();
        assertThat(answer.headers().toLowerCase()).contains("retry-after");
        await("recovered by itself").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("/api/things").status() == 200);
    }

    private Answer get(String path) throws IOException {
        return RawHttp.send(port, "GET " + path + " HTTP/1.1\r\n" + TOKEN);
    }

    private static PausableProxy proxy() {
        try {
            URI mongoUri = URI.create(TestInfrastructure.mongoUri().replace("mongodb://", "tcp://"));
            return new PausableProxy(mongoUri.getHost(), mongoUri.getPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(TestTokens.class)
    static class App {

        @Bean
        ThingsController thingsController(MongoTemplate mongo) {
            return new ThingsController(mongo);
        }
    }

    @RestController
    record ThingsController(MongoTemplate mongo) {

        @GetMapping("/api/things")
        long count() {
            return mongo.getCollection("things").countDocuments();
        }

    }
}
