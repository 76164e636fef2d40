package nl.notaris.portal.support.access;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.client.RestClient;

import nl.notaris.portal.support.events.EventTopics;
import nl.notaris.portal.support.events.EventsAutoConfiguration;
import nl.notaris.portal.support.events.ProcessedEvents;
import nl.notaris.portal.support.time.ClockAutoConfiguration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dossier access replica, for a service that guards dossier content: switched on with
 * {@code portal.dossier-access.enabled=true}. It declares the dossier topic and its dead-letter
 * topic (so they exist with all partitions before the listener subscribes), keeps the replica from
 * the events, and asks dossier-service ({@code portal.dossier-service-url}) about a dossier it does
 * not know yet, within {@code portal.dossier-access.owner-timeout}.
 */
@AutoConfiguration(after = { EventsAutoConfiguration.class, ClockAutoConfiguration.class })
@ConditionalOnProperty(name = "portal.dossier-access.enabled", havingValue = "true")
public class DossierAccessAutoConfiguration {

    /** The topic of dossier events, produced by dossier-service. */
    public static final String TOPIC = "portal.dossiers.v1";

    @Bean
    @ConditionalOnMissingBean
    DossierOwner dossierOwner(RestClient.Builder builder,
            @Value("${portal.dossier-service-url}") String dossierServiceUrl,
            @Value("${portal.dossier-access.owner-timeout:1500ms}") Duration timeout) {
        return new DossierServiceOwner(builder, dossierServiceUrl, timeout);
    }

    @Bean
    DossierAccessReplica dossierAccessReplica(MongoTemplate mongo, DossierOwner owner, Clock clock) {
        return new DossierAccessReplica(mongo, owner, clock);
    }

    @Bean
    DossierEventsListener dossierAccessListener(DossierAccessReplica replica, ProcessedEvents processed,
            JsonMapper json, @Value("${spring.application.name}") String application) {
        return new DossierEventsListener(replica, processed, json, application);
    }

    @Bean
    KafkaAdmin.NewTopics dossierAccessTopics() {
        return EventTopics.declare(TOPIC);
    }
}
