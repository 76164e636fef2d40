package nl.notaris.portal.questionnaire.assignment;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.BOB;
import static nl.notaris.portal.testsupport.TestCaller.PIET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.test.web.servlet.MockMvc;

import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;
import nl.notaris.portal.testsupport.TestCaller;

@ServiceIntegrationTest
class ActionsSummaryIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void assignments() {
        mongo.remove(query(where("accountId").in(ANNA.accountId(), BOB.accountId(), PIET.accountId())),
                QuestionnaireAssignment.class);
        assign(ANNA, AssignmentStatus.OPEN);
        assign(ANNA, AssignmentStatus.OPEN);
        assign(ANNA, AssignmentStatus.COMPLETED);
        assign(BOB, AssignmentStatus.OPEN);
        assign(BOB, AssignmentStatus.COMPLETED);
    }

    void assign(TestCaller caller, AssignmentStatus status) {
        mongo.insert(new QuestionnaireAssignment(UUID.randomUUID().toString(), "dos-1", caller.accountId(),
                "q-identification", status, Instant.now()));
    }

    @Test
    void countsOnlyTheCallersOpenQuestionnaires() throws Exception {
        mvc.perform(get("/api/actions/summary").with(ANNA.token()))
                .andExpect(status().isOk()).andExpect(content().json("{\"open\": 2}", true));
        mvc.perform(get("/api/actions/summary").with(BOB.token()))
                .andExpect(status().isOk()).andExpect(content().json("{\"open\": 1}", true));
        mvc.perform(get("/api/actions/summary").with(PIET.token()))
                .andExpect(status().isOk()).andExpect(content().json("{\"open\": 0}", true));
    }

    @Test
    void anonymousCallersGet401() throws Exception {
        mvc.perform(get("/api/actions/summary")).andExpect(status().isUnauthorized());
    }

    @Test
    void theCountIsBackedByAnIndex() {
        List<IndexInfo> indexes = mongo.indexOps(QuestionnaireAssignment.class).getIndexInfo();
        assertThat(indexes).anySatisfy(index -> assertThat(index.getIndexFields())
                .extracting(field -> field.getKey()).containsExactly("accountId", "status"));
    }
}
