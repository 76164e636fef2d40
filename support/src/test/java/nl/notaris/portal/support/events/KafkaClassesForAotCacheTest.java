package nl.notaris.portal.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Kafka classes are loaded for the AOT cache in its training run only, and without a broker. */
class KafkaClassesForAotCacheTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaClientsAutoConfiguration.class))
            // a port nothing listens on: the image build's training run has no broker
            .withPropertyValues("spring.kafka.bootstrap-servers=localhost:1");

    @Test
    void notInARealStart() {
        context.run(started -> assertThat(started).hasNotFailed().doesNotHaveBean(KafkaClassesForAotCache.class));
    }

    @Test
    @Timeout(30)
    void inTheTrainingRunTheClientsAreMadeAndClosedWithoutABroker() {
        context.withPropertyValues("spring.context.exit=onRefresh").run(started -> assertThat(started).hasNotFailed()
                .hasSingleBean(KafkaClassesForAotCache.class));
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.contains("aot-training"));
    }
}
