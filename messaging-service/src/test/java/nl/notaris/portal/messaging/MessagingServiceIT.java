package nl.notaris.portal.messaging;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;

/** The service starts against MongoDB and Kafka, reports ready, and is a closed resource server. */
@ServiceIntegrationTest
class MessagingServiceIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void isReadyWithItsDatabase() throws Exception {
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/liveness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void theApiNeedsAToken() throws Exception {
        mvc.perform(get("/api/anything")).andExpect(status().isUnauthorized());
    }
}
