package nl.notaris.portal.support.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The Kafka classes are loaded for the AOT cache in its training run only, and without a broker; the bean is there
 * in every start (Spring AOT fixes the beans when the jar is built), its work decided at start-up.
 */
@ExtendWith(OutputCaptureExtension.class)
class KafkaClassesForAotCacheTest {

    private static final String LOADED = "Kafka client classes loaded for the AOT cache";

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaClientsAutoConfiguration.class))
            // a port nothing listens on: the image build's training run has no broker
            .withPropertyValues("spring.kafka.bootstrap-servers=localhost:1");

    @Test
    void notInARealStart(CapturedOutput output) {
        context.run(started -> assertThat(started).hasNotFailed().hasSingleBean(KafkaClassesForAotCache.class));
        assertThat(output).doesNotContain(LOADED);
    }

    @Test
    @Timeout(30)
    void inTheTrainingRunTheClientsAreMadeAndClosedWithoutABroker(CapturedOutput output) {
        context.withPropertyValues("spring.context.exit=onRefresh").run(started -> assertThat(started).hasNotFailed()
                .hasSingleBean(KafkaClassesForAotCache.class));
        assertThat(output).contains(LOADED);
        assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName)
                .noneMatch(name -> name.contains("aot-training"));
    }
}
