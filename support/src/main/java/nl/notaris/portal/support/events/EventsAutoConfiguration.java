package nl.notaris.portal.support.events;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.adapter.RecordFilterStrategy;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

import org.springframework.util.backoff.ExponentialBackOff;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reliable events for every service: the outbox relay for the collections a service declares,
 * the processed-event log for idempotent consumers, and retry-then-dead-letter for listeners
 * (a record that keeps failing is parked on {@code <topic>.dlt}, never skipped).
 */
@AutoConfiguration(after = nl.notaris.portal.support.time.ClockAutoConfiguration.class, afterName = {
        "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" })
@ConditionalOnBean({ MongoTemplate.class, KafkaTemplate.class })
public class EventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        Tracer available = tracer.getIfAvailable();
        Propagator propagation = propagator.getIfAvailable();
        return available == null || propagation == null ? EventTracing.NONE : new EventTracing(available, propagation);
    }

    @Bean
    @ConditionalOnMissingBean
    CloudEventFactory cloudEventFactory(JsonMapper json, @Value("${spring.application.name}") String application,
            Clock clock, EventTracing tracing) {
        return new CloudEventFactory(json, "/notary-portal/" + application, clock, tracing);
    }

    @Bean
    @ConditionalOnBean(OutboxCollection.class)
    OutboxWrites outboxWrites(List<OutboxCollection> collections) {
        return new OutboxWrites(collections);
    }

    @Bean
    @ConditionalOnBean(OutboxCollection.class)
    MongoClientSettingsBuilderCustomizer outboxWritesListener(OutboxWrites writes) {
        return settings -> settings.addCommandListener(writes);
    }

    /**
     * Publishes an event as soon as its write is acknowledged ({@link OutboxWrites}), and looks every
     * {@code interval} for the events of other instances and those a stop left behind.
     */
    @Bean
    @ConditionalOnBean(OutboxCollection.class)
    OutboxRelay outboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, List<OutboxCollection> collections,
            OutboxWrites writes, @Value("${portal.outbox.interval:1s}") Duration interval, EventTracing tracing,
            ObjectProvider<MeterRegistry> meters) {
        var relay = new OutboxRelay(mongo, kafka, collections, interval, tracing).lookingAfter(writes);
        meters.ifAvailable(registry -> Gauge.builder("portal.outbox.pending", relay, OutboxRelay::pendingCount)
                .description("Documents with events the outbox relay has not yet published").register(registry));
        return relay;
    }

    @Bean
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(MongoTemplate mongo, Clock clock) {
        return new ProcessedEvents(mongo, clock);
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler retryThenDeadLetter(KafkaTemplate<String, String> kafka,
            @Value("${portal.consumer.retries:4}") int retries,
            @Value("${portal.consumer.max-interval:5s}") Duration maxInterval, ObjectProvider<MeterRegistry> meters) {
        MeterRegistry registry = meters.getIfAvailable(SimpleMeterRegistry::new);
        var recoverer = new DeadLetterPublishingRecoverer(kafka, (record, exception) -> {
            Counter.builder("portal.dead.letters").description("Events parked on a dead-letter topic")
                    .tag("topic", record.topic()).register(registry).increment();
            return new TopicPartition(EventTopics.deadLetters(record.topic()), -1);
        });
        var backOff = new ExponentialBackOffWithMaxRetries(retries);
        backOff.setInitialInterval(500);
        backOff.setMultiplier(2);
        backOff.setMaxInterval(maxInterval.toMillis());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        // a record that is not JSON of the expected shape will not become so by retrying: park it at once
        handler.addNotRetryableExceptions(JacksonException.class);
        // while MongoDB does not answer, every record would fail alike: wait for it (up to 10 minutes) instead of
        // parking records that are fine
        handler.setBackOffFunction((record, exception) -> databaseUnavailable(exception) ? databaseBackOff() : null);
        return handler;
    }

    static boolean databaseUnavailable(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof MongoTimeoutException
                    || cause instanceof MongoSocketException || cause instanceof MongoConnectionPoolClearedException) {
                return true;
            }
        }
        return false;
    }

    private static ExponentialBackOff databaseBackOff() {
        var backOff = new ExponentialBackOff(1000, 2);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(600_000);
        return backOff;
    }

    /** A dead letter replayed for one consumer group is passed over by the topic's other groups. */
    @Bean
    @ConditionalOnMissingBean
    RecordFilterStrategy<Object, Object> skipOtherGroupsReplays(
            @Value("${spring.kafka.consumer.group-id:${spring.application.name}}") String group) {
        return record -> DeadLetters.replayedForAnotherGroup(record, group);
    }

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(endpoint = DeadLetters.class)
    DeadLetters deadLetters(KafkaListenerEndpointRegistry listeners, KafkaTemplate<String, String> kafka,
            KafkaProperties kafkaProperties, @Value("${spring.application.name}") String application) {
        return new DeadLetters(listeners, kafka, kafkaProperties.buildConsumerProperties(), application);
    }
}
