package nl.notaris.portal.dossier.events;

import static nl.notaris.portal.testsupport.TestCaller.ANNA;
import static nl.notaris.portal.testsupport.TestCaller.JANSEN_BV;
import static nl.notaris.portal.testsupport.TestCaller.STAFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import nl.notaris.portal.dossier.TestAccounts;
import nl.notaris.portal.dossier.dossier.DossierEvents;
import nl.notaris.portal.testsupport.EventContracts;
import nl.notaris.portal.testsupport.IntegrationTest;
import nl.notaris.portal.testsupport.ServiceIntegrationTest;
import nl.notaris.portal.testsupport.TopicReader;

/** Dossier changes reach Kafka through the outbox, keyed by dossier id, matching their contracts. */
@ServiceIntegrationTest
@Import(TestAccounts.class)
class DossierEventsIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void creatingAndChangingADossierPublishesContractConformingEventsInOrder() throws Exception {
        String number = "EV-" + UUID.randomUUID().toString().substring(0, 8);
        String created = mvc.perform(post("/api/staff/dossiers").with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"%s\",\"description\":\"Levering\",\"parties\":[\"%s\"]}".formatted(number, ANNA.email())))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = JsonPath.read(created, "$.id");
        mvc.perform(put("/api/staff/dossiers/{id}/parties", id).with(STAFF.token()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"parties\":[\"%s\"]}".formatted(JANSEN_BV.email()))).andExpect(status().isOk());

        try (TopicReader reader = new TopicReader(DossierTopics.TOPIC)) {
            // each event once: the outbox publishes at least once (a save that read the dossier before the relay
            // removed its published event writes it back, and it is published again)
            List<ConsumerRecord<String, String>> records = reader.readDistinctEvents(r -> id.equals(r.key()), 2,
                    Duration.ofSeconds(20));

            assertThat(records).hasSize(2);
            assertThat(records).extracting(r -> (String) JsonPath.read(r.value(), "$.type"))
                    .containsExactly(DossierEvents.CREATED, DossierEvents.CHANGED);
            assertThat(records).extracting(r -> ((Number) JsonPath.read(r.value(), "$.data.version")).longValue())
                    .containsExactly(1L, 2L);
            String changed = records.get(1).value();
            assertThat((List<String>) JsonPath.read(changed, "$.data.changes")).containsExactly("PARTIES");
            assertThat((List<String>) JsonPath.read(changed, "$.data.parties[*].companyId")).containsExactly("bakkerij-jansen");
            assertThat((List<Object>) JsonPath.read(changed, "$.data.grants")).as("no grants given").isEmpty();
            for (ConsumerRecord<String, String> record : records) {
                assertThat(EventContracts.violations(record.value())).isEmpty();
            }
        }
    }
}
