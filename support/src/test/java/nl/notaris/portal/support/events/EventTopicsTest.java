package nl.notaris.portal.support.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.Collection;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * A topic is declared with its dead-letter topic, from its one name, as Spring's KafkaAdmin sees the
 * declarations of a service (here two beans, a service's and the access replica's); replicas and
 * settings are the broker's.
 */
class EventTopicsTest {

    /** KafkaAdmin as a service has it, without a broker: what it would create or check at start-up. */
    static class DeclaredTopics extends KafkaAdmin {

        DeclaredTopics() {
            super(Map.of());
            setAutoCreate(false);
        }

        Collection<NewTopic> declared() {
            return newTopics();
        }
    }

    @Test
    void eachTopicComesWithItsDeadLetterTopic() {
        new ApplicationContextRunner().withBean(DeclaredTopics.class)
                .withBean("serviceTopics", KafkaAdmin.NewTopics.class,
                        () -> EventTopics.declare("portal.documents.v1", "portal.staff-actions.v1"))
                .withBean("accessTopics", KafkaAdmin.NewTopics.class, () -> EventTopics.declare("portal.dossiers.v1"))
                .run(context -> {
                    Collection<NewTopic> declared = context.getBean(DeclaredTopics.class).declared();
                    assertThat(declared).extracting(NewTopic::name, NewTopic::numPartitions).containsExactlyInAnyOrder(
                            tuple("portal.documents.v1", 3), tuple("portal.documents.v1.dlt", 1),
                            tuple("portal.staff-actions.v1", 3), tuple("portal.staff-actions.v1.dlt", 1),
                            tuple("portal.dossiers.v1", 3), tuple("portal.dossiers.v1.dlt", 1));
                    assertThat(declared).allSatisfy(topic -> {
                        assertThat(topic.replicationFactor()).as("the broker's default.replication.factor")
                                .isEqualTo((short) -1);
                        assertThat(topic.configs()).isNullOrEmpty();
                        assertThat(topic.replicasAssignments()).isNullOrEmpty();
                    });
                });
    }

    @Test
    void theDeadLetterTopicIsTheTopicsNameWithDlt() {
        assertThat(EventTopics.deadLetters("portal.messages.v1")).isEqualTo("portal.messages.v1.dlt");
        assertThatThrownBy(EventTopics::declare).isInstanceOf(IllegalArgumentException.class);
    }
}
