package nl.notaris.portal.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.MeterRegistry;

/** What a request leaves in the meters: its timer, not a long task timer beside it (application.yml). */
@SpringBootTest(
        properties = "DOSSIER_SERVICE_URL=http://localhost:1")
@AutoConfigureWebTestClient
class RequestMetersTest {

    @Autowired
    WebTestClient web;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void sessions(DynamicPropertyRegistry registry) {
        TestMongo.register(registry);
    }

    @Test
    void aRequestIsTimedWithoutALongTaskTimer() {
        web.get().uri("/api/me").exchange().expectStatus().isUnauthorized();

        assertThat(meters.find("http.server.requests").timers()).isNotEmpty();
        assertThat(meters.getMeters()).noneMatch(meter -> meter.getId().getName().endsWith(".active"));
    }
}
