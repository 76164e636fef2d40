package nl.notaris.portal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import nl.notaris.portal.support.apidocs.StaffApiCheck;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * STF-6: every staff route this service serves is in its OpenAPI document with a summary, a description,
 * an example of its request body, its success and problem answers and the back-office security scheme
 * ({@link StaffApiCheck}); the gateway merges these documents into the staff API's description.
 */
class StaffApiDocumentedIT extends IdentityIntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    @Test
    void everyStaffRouteIsDescribedCompletely() throws Exception {
        JsonNode api = JsonMapper.shared().readTree(mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(StaffApiCheck.undescribed(api, handlers)).as("staff routes missing from /v3/api-docs").isEmpty();
        assertThat(StaffApiCheck.gaps(api)).as("what the staff operations' descriptions lack").isEmpty();
    }
}
