package nl.notaris.portal.support.events;

import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * What a service's Kafka consumers cost while they wait. By default every consumer has two scheduler threads
 * of its own (its listener container's check that it still polls, and the refresh of its client metrics) and
 * registers about 130 meters: notification-service, with 7 listeners of 3 consumers each, had 95 threads and
 * 2,800 Kafka series. Here those chores share one thread, and only the Kafka meters that are read stay.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration" })
@ConditionalOnClass(KafkaTemplate.class)
public class KafkaClientsAutoConfiguration {

    /**
     * The Kafka client meters kept: the lag (the dashboard's "consumer lag" panel), and the records consumed and
     * sent and the failed sends, the first things an operator compares. The other ~125 per consumer are
     * connection and protocol details nobody reads; they can be let in again by name here.
     */
    static final Set<String> KEPT_METERS = Set.of(
            "kafka.consumer.fetch.manager.records.lag.max",
            "kafka.consumer.fetch.manager.records.consumed.total",
            "kafka.producer.record.send.total",
            "kafka.producer.record.error.total");

    @Bean
    MeterFilter onlyReadKafkaMeters() {
        return MeterFilter.deny(id -> id.getName().startsWith("kafka.") && !KEPT_METERS.contains(id.getName()));
    }

    /**
     * Always defined, active in the AOT cache's training run only: a condition on the property would be decided
     * when the jar is built (Spring AOT, which the local stack runs with) instead of at start-up.
     */
    @Bean
    KafkaClassesForAotCache kafkaClassesForAotCache(@Value("${spring.context.exit:}") String contextExit,
            @Value("${spring.kafka.bootstrap-servers:localhost:9092}") String bootstrapServers) {
        return new KafkaClassesForAotCache("onRefresh".equals(contextExit), bootstrapServers);
    }

    @Bean
    KafkaConsumerChores kafkaConsumerChores() {
        return new KafkaConsumerChores();
    }

    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> containerChoresOnSharedThread(
            KafkaConsumerChores chores) {
        return container -> container.getContainerProperties().setScheduler(chores.scheduler());
    }

    /**
     * Spring Boot's client metrics listener (KafkaMetricsAutoConfiguration) replaced by one on the shared thread.
     * A post-processor, not a DefaultKafkaConsumerFactoryCustomizer: it runs after every customizer, whatever
     * their order.
     */
    @Bean
    static BeanPostProcessor clientMetricsOnSharedThread(ObjectProvider<KafkaConsumerChores> chores,
            ObjectProvider<MeterRegistry> meters) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DefaultKafkaConsumerFactory<?, ?> factory) {
                    onSharedThread(factory, chores.getObject(), meters);
                }
                return bean;
            }
        };
    }

    private static <K, V> void onSharedThread(DefaultKafkaConsumerFactory<K, V> factory, KafkaConsumerChores chores,
            ObjectProvider<MeterRegistry> meters) {
        var metricsListeners = factory.getListeners().stream().filter(MicrometerConsumerListener.class::isInstance).toList();
        MeterRegistry registry = meters.getIfAvailable();
        if (metricsListeners.isEmpty() || registry == null) {
            return;
        }
        metricsListeners.forEach(factory::removeListener);
        factory.addListener(new MicrometerConsumerListener<>(registry, List.of(), chores.scheduler()));
    }

    /** The one thread of {@link KafkaClientsAutoConfiguration}: not a TaskScheduler bean, so @Scheduled keeps Boot's. */
    public static final class KafkaConsumerChores implements DisposableBean {

        private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

        KafkaConsumerChores() {
            scheduler.setThreadNamePrefix("kafka-chores-");
            scheduler.setDaemon(true);
            scheduler.initialize();
        }

        TaskScheduler scheduler() {
            return scheduler;
        }

        @Override
        public void destroy() {
            scheduler.destroy();
        }
    }
}
